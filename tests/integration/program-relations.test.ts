import { DemoIds } from "@sstc/demo-data";
import { as, codes, expectData, startTestGraph, type TestGraph } from "../support/graph";

/* Typed relations between programmes (beyond the parent), read and written through the gateway. */
let graph: TestGraph;
let perpusnasEditor: Record<string, string>;
let kemenluEditor: Record<string, string>;
beforeAll(async () => {
  graph = await startTestGraph();
  perpusnasEditor = await as("editor", { institutionId: DemoIds.institution.perpusnas, subject: "editor@perpusnas-relations" });
  kemenluEditor = await as("editor", { institutionId: DemoIds.institution.kemenlu, subject: "editor@kemenlu-relations" });
});
afterAll(() => graph?.stop());

const P = DemoIds.program;
const CREATE = `mutation Relate($input: CreateProgramRelationInput!) { createProgramRelation(input: $input) { id version kind program { code } relatedProgram { code } } }`;
const DELETE = `mutation Unrelate($id: ID!, $version: Int!) { deleteProgramRelation(id: $id, version: $version) }`;

async function newProgram(code: string, published: boolean) {
  const data = expectData(
    await graph.query(
      `mutation NewProgram($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
      {
        input: {
          code,
          titleEn: `Programme ${code}`,
          sdgGoals: [4],
          sdgTargets: [],
          status: "PIPELINE",
          leadInstitutionId: DemoIds.institution.perpusnas,
          published,
        },
      },
      perpusnasEditor,
    ),
  );
  return data.createProgram.id as string;
}

describe("the demo story", () => {
  it("holds TPBIS-CP as part of SSTC and an instance of TPBIS, cited, for the public", async () => {
    const data = expectData(
      await graph.query(`query Relations {
        cp: programByCode(code: "TPBIS-CP") { parentProgram { code } relations { kind relatedProgram { code } sources { publisher } isPlaceholder } }
        tpbis: programByCode(code: "TPBIS") { relations { kind } relatedFrom { kind program { code } } }
      }`),
    );
    // Other tests of this file add relations of their own: the demo's is among them.
    expect(data.cp.parentProgram).toEqual({ code: "SSTC" });
    expect(data.cp.relations).toContainEqual({
      kind: "INSTANCE_OF",
      relatedProgram: { code: "TPBIS" },
      sources: [{ publisher: "ANTARA" }],
      isPlaceholder: false,
    });
    expect(data.tpbis).toEqual({ relations: [], relatedFrom: [{ kind: "INSTANCE_OF", program: { code: "TPBIS-CP" } }] });
  });
});

describe("relating programmes", () => {
  it("refuses the public and other organisations' editors before anything else, and nonsense as bad input", async () => {
    const input = { programId: P.tpbisColomboPlan, relatedProgramId: P.sstc, kind: "PART_OF" };
    expect(codes(await graph.query(CREATE, { input }))).toEqual(["FORBIDDEN"]);
    expect(codes(await graph.query(CREATE, { input }, kemenluEditor))).toEqual(["FORBIDDEN"]);
    expect(codes(await graph.query(CREATE, { input: { ...input, relatedProgramId: P.tpbisColomboPlan } }, perpusnasEditor))).toEqual(["BAD_USER_INPUT"]);
    const unknown = await graph.query(CREATE, { input: { ...input, relatedProgramId: "00000000-0000-4000-8000-00990000abcd" } }, perpusnasEditor);
    expect(codes(unknown)).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await graph.query(CREATE, { input: { ...input, kind: "SIBLING_OF" } }, perpusnasEditor))).toEqual(["BAD_USER_INPUT"]);
  });

  it("lets one of racing identical requests win and answers the others CONFLICT; a deleted relation may be made again", async () => {
    const relatedProgramId = await newProgram("REL-RACE", true);
    const input = { programId: P.tpbisColomboPlan, relatedProgramId, kind: "PART_OF" };
    // Racing: 8 identical writes by the owner, and 4 by an editor of another organisation, who must be refused.
    const [results, refused] = await Promise.all([
      Promise.all(Array.from({ length: 8 }, () => graph.query(CREATE, { input }, perpusnasEditor))),
      Promise.all(Array.from({ length: 4 }, () => graph.query(CREATE, { input }, kemenluEditor))),
    ]);
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => codes(r))).toEqual(Array.from({ length: 7 }, () => ["CONFLICT"]));
    expect(refused.map((r) => codes(r))).toEqual(Array.from({ length: 4 }, () => ["FORBIDDEN"]));
    const relation = won[0].data!.createProgramRelation;
    // Reconciled: the one acknowledged write is stored, exactly once, and nothing refused is.
    const stored = expectData(await graph.query(`query Stored { programByCode(code: "TPBIS-CP") { relations { id relatedProgram { code } } } }`));
    expect(stored.programByCode.relations.filter((r: { relatedProgram: { code: string } }) => r.relatedProgram.code === "REL-RACE")).toEqual([
      { id: relation.id, relatedProgram: { code: "REL-RACE" } },
    ]);
    expect(relation).toMatchObject({ kind: "PART_OF", program: { code: "TPBIS-CP" }, relatedProgram: { code: "REL-RACE" } });

    expect(codes(await graph.query(DELETE, { id: relation.id, version: relation.version }, kemenluEditor))).toEqual(["FORBIDDEN"]);
    expect(expectData(await graph.query(DELETE, { id: relation.id, version: relation.version }, perpusnasEditor)).deleteProgramRelation).toBe(relation.id);
    const after = expectData(await graph.query(`query After { programByCode(code: "TPBIS-CP") { relations { relatedProgram { code } } } }`));
    expect(after.programByCode.relations.map((r: { relatedProgram: { code: string } }) => r.relatedProgram.code)).toEqual(["TPBIS"]);
    expect(expectData(await graph.query(CREATE, { input }, perpusnasEditor)).createProgramRelation.relatedProgram).toEqual({ code: "REL-RACE" });
  });

  it("does not reveal a draft through its relations to the public", async () => {
    const draft = await newProgram("REL-DRAFT", false);
    expectData(await graph.query(CREATE, { input: { programId: draft, relatedProgramId: P.tpbis, kind: "INSTANCE_OF" } }, perpusnasEditor));
    const query = `query Instances { programByCode(code: "TPBIS") { relatedFrom { program { code } } } }`;
    const seen = (data: { programByCode: { relatedFrom: Array<{ program: { code: string } }> } }) => data.programByCode.relatedFrom.map((r) => r.program.code);
    expect(seen(expectData(await graph.query(query)))).toEqual(["TPBIS-CP"]);
    // Drafts are for the partner role and above (README: Security).
    expect(seen(expectData(await graph.query(query, {}, await as("partner")))).sort()).toEqual(["REL-DRAFT", "TPBIS-CP"]);
  });
});
