#!/usr/bin/env node
"use strict";
/**
 * Writes the graph's programmes and editions as an IATI 2.03 `iati-activities`
 * file, read through the gateway as the caller the token names (none: the
 * public, who get published records only), and checks it against the
 * official XSD when the schema files are found (README, IATI).
 *   npm run iati:export -- --program TPBIS-CP --out tpbis.xml
 *   npm run iati:export -- --sdg-goal 4 --year 2023 [--status CLOSED] [--country LK] [--url …] [--token …] --out file.xml
 */
const { parseArgs } = require("node:util");
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");

const { values } = parseArgs({
  options: {
    program: { type: "string" },
    status: { type: "string" },
    year: { type: "string" },
    "sdg-goal": { type: "string" },
    country: { type: "string" },
    partner: { type: "string" },
    url: { type: "string", default: process.env.GRAPHQL_URL || "http://127.0.0.1:4000/graphql" },
    token: { type: "string", default: process.env.SSTC_TOKEN },
    out: { type: "string" },
  },
});
const { iati } = require(join(__dirname, "../services/programs/dist"));

const filter = {
  ...(values.status && { status: values.status }),
  ...(values.year && { year: Number(values.year) }),
  ...(values["sdg-goal"] && { sdgGoal: Number(values["sdg-goal"]) }),
  ...(values.country && { countryCode: values.country }),
  ...(values.partner && { partnerId: values.partner }),
};

async function main() {
  const graph = iati.httpGraphClient(values.url, values.token ? { authorization: `Bearer ${values.token}` } : {});
  const data = await graph(`query IatiExport($programCode: String, $filter: ProgramFilter) { iatiActivities(programCode: $programCode, filter: $filter) }`, {
    programCode: values.program ?? null,
    filter: Object.keys(filter).length ? filter : null,
  });
  const xml = data.iatiActivities;
  if (values.out) writeFileSync(values.out, xml);
  else process.stdout.write(xml);
  const schemaDir = iati.iatiSchemaDir();
  if (!schemaDir) {
    console.error("Not checked against the IATI schema: set IATI_SCHEMA_DIR to the folder of iati-activities-schema.xsd.");
    return;
  }
  const problems = iati.validateWithXsd(xml, schemaDir);
  for (const p of problems) console.error(iati.formatProblem(p));
  if (problems.length) process.exitCode = 1;
  else if (values.out) console.error(`${values.out}: valid IATI ${iati.IATI_VERSION}.`);
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
