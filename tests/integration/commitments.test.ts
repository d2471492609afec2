import { DemoIds } from "@sstc/demo-data";
import { as, codes, expectData, startTestGraph, type TestGraph } from "../support/graph";

/* Commitments and pledges by any party (country, participant, institution, organiser), through the gateway. */
let graph: TestGraph;
let editor: Record<string, string>;
beforeAll(async () => {
  graph = await startTestGraph();
  editor = await as("editor", { institutionId: DemoIds.institution.perpusnas, subject: "editor@perpusnas-commitments" });
});
afterAll(() => graph?.stop());

const CREATE = `mutation Commit($input: CreateCommitmentInput!) { createCommitment(input: $input) { kind party country { code } institution { id } } }`;
const base = { editionId: DemoIds.edition.tpbisColomboPlan2023, countryCode: "LK", descriptionEn: "Open an inclusive reading corner in Colombo." };

describe("the demo edition's commitments", () => {
  it("hold the organiser's pledge the article reports, cited, beside the marked placeholder commitments of countries", async () => {
    const data = expectData(
      await graph.query(
        `query Commitments($id: ID!) { edition(id: $id) { commitments(first: 20) { nodes { kind party isPlaceholder institution { acronym } sources { publisher } } } } }`,
        { id: DemoIds.edition.tpbisColomboPlan2023 },
      ),
    );
    const nodes = data.edition.commitments.nodes;
    expect(nodes).toContainEqual({
      kind: "PLEDGE",
      party: "ORGANISER",
      isPlaceholder: false,
      institution: { acronym: "Perpusnas" },
      sources: [{ publisher: "ANTARA" }],
    });
    for (const c of nodes.filter((n: { party: string }) => n.party === "COUNTRY"))
      expect(c).toMatchObject({ kind: "COMMITMENT", isPlaceholder: true, sources: [] });
  });
});

describe("recording a commitment", () => {
  it("names the institution of an institution or organiser party, and only then, and the participation of a participant", async () => {
    const refused = async (input: Record<string, unknown>, field: string) => {
      const result = await graph.query(CREATE, { input: { ...base, ...input } }, editor);
      expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
      // A rule names the field in `field`, an unknown reference in `fields` (README: Editing).
      const extensions = result.errors![0].extensions as { field?: string; fields?: Array<{ field: string }> };
      expect([extensions.field, ...(extensions.fields ?? []).map((f) => f.field)]).toContain(field);
    };
    await refused({ party: "INSTITUTION" }, "input.institutionId");
    await refused({ party: "ORGANISER" }, "input.institutionId");
    await refused({ party: "COUNTRY", institutionId: DemoIds.institution.perpusnas }, "input.institutionId");
    await refused({ party: "PARTICIPANT" }, "input.participationId");
    await refused({ party: "INSTITUTION", institutionId: "00000000-0000-4000-8000-00990000abcd" }, "input.institutionId");
  });

  it("records a pledge by an institution, and a country's commitment by default", async () => {
    const pledge = expectData(
      await graph.query(CREATE, { input: { ...base, kind: "PLEDGE", party: "INSTITUTION", institutionId: DemoIds.institution.kemenlu } }, editor),
    ).createCommitment;
    expect(pledge).toEqual({ kind: "PLEDGE", party: "INSTITUTION", country: { code: "LK" }, institution: { id: DemoIds.institution.kemenlu } });
    const plain = expectData(await graph.query(CREATE, { input: base }, editor)).createCommitment;
    expect(plain).toEqual({ kind: "COMMITMENT", party: "COUNTRY", country: { code: "LK" }, institution: null });
  });
});
