import { readFileSync } from "node:fs";
import { join } from "node:path";
import { iati } from "../../src";

/* The validator itself, on IATI's own worked example and on hand-made files: it must refuse what the schema refuses. */
function schemaDir(): string {
  const dir = iati.iatiSchemaDir();
  if (!dir) throw new Error("The IATI 2.03 schema files were not found: set IATI_SCHEMA_DIR (README, IATI).");
  return dir;
}

describe("the IATI schema check", () => {
  it("reads IATI's worked example, which (as its README says) is out of schema order: xmllint names the element and its line", () => {
    const example = readFileSync(join(schemaDir(), "worked-example.xml"), "utf8").replace(/^<\?xml[^>]*\?>\s*/, "");
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n${example}\n</iati-activities>\n`;
    const problems = iati.validateWithXsd(xml, schemaDir());
    expect(problems.length).toBeGreaterThan(0);
    const line = xml.split("\n").findIndex((l) => l.includes("<other-identifier")) + 1;
    expect(problems[0]).toEqual({
      line,
      message: expect.stringContaining("Element 'other-identifier': This element is not expected. Expected is ( reporting-org )"),
    });
  });

  it("passes a minimal activity in schema order and refuses it without its required participating-org", () => {
    const activity = (participating: string) => `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity xml:lang="en">
    <iati-identifier>XX-SSTC-perpusnas-TEST</iati-identifier>
    <reporting-org ref="XX-SSTC-perpusnas" type="10"><narrative>Perpusnas</narrative></reporting-org>
    <title><narrative>Test</narrative></title>
    <description><narrative>Test</narrative></description>
    ${participating}
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2024-01-01"/>
  </iati-activity>
</iati-activities>
`;
    expect(iati.validateWithXsd(activity('<participating-org role="4" ref="XX-SSTC-perpusnas"/>'), schemaDir())).toEqual([]);
    expect(iati.validateWithXsd(activity(""), schemaDir())).toEqual([
      {
        line: 9,
        message: expect.stringContaining("Element 'activity-status': This element is not expected. Expected is one of ( description, participating-org )"),
      },
    ]);
  });
});

describe("recipient-country percentages", () => {
  it.each([1, 2, 3, 6, 7, 28])("add up to exactly 100 for %i countries", (n) => {
    const shares = iati.equalPercentages(n);
    expect(shares).toHaveLength(n);
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 100)).toBe(10_000);
    expect(shares.every((s) => Number.isInteger(Math.round(s * 100)) && Math.abs(s * 100 - Math.round(s * 100)) < 1e-9)).toBe(true);
  });
});
