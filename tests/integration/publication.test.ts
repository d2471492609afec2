import { servicePrincipal, ANONYMOUS } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { postSigned } from "@sstc/testkit";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/* Drafts: the public role sees only published programmes and editions, by every path; partners and above see drafts too. */
let graph: TestGraph;
let editor: Record<string, string>;
let draftProgramId: string;
let draftEditionId: string;

beforeAll(async () => {
  graph = await startTestGraph();
  editor = await as("editor", { institutionId: DemoIds.institution.perpusnas });
  const program = await graph.query(
    `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id published } }`,
    {
      input: {
        code: "DRAFT-1",
        titleEn: "Unannounced programme",
        sdgGoals: [4],
        sdgTargets: [],
        status: "PIPELINE",
        leadInstitutionId: DemoIds.institution.perpusnas,
        published: false,
      },
    },
    editor,
  );
  expect(program.errors).toBeUndefined();
  draftProgramId = program.data!.createProgram.id;
  const edition = await graph.query(
    `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
    {
      input: {
        programId: DemoIds.program.tpbisColomboPlan,
        titleEn: "TPBIS 2025 (draft)",
        plannedStartDate: "2025-11-10",
        plannedEndDate: "2025-11-14",
        venueCountryCode: "ID",
        hostInstitutionId: DemoIds.institution.perpusnas,
        invitedCountryCodes: ["LK"],
        status: "PIPELINE",
        published: false,
      },
    },
    editor,
  );
  expect(edition.errors).toBeUndefined();
  draftEditionId = edition.data!.createEdition.id;
});
afterAll(() => graph?.stop());

describe("the public role", () => {
  it("does not find drafts by id or code: NOT_FOUND, as if they did not exist", async () => {
    expect(codes(await graph.query(`{ program(id: "${draftProgramId}") { code } }`))).toEqual(["NOT_FOUND"]);
    expect(codes(await graph.query(`{ programByCode(code: "DRAFT-1") { code } }`))).toEqual(["NOT_FOUND"]);
    expect(codes(await graph.query(`{ edition(id: "${draftEditionId}") { title } }`))).toEqual(["NOT_FOUND"]);
  });

  it("does not see drafts in lists, searches or nested lists", async () => {
    const { data, errors } = await graph.query(`{
      programs(first: 100) { totalCount nodes { code } }
      editions(first: 100) { totalCount nodes { id } }
      search: programs(filter: { search: "Unannounced" }) { totalCount }
      institution(id: "${DemoIds.institution.perpusnas}") { ledPrograms(first: 100) { nodes { code } } hostedEditions(first: 100) { totalCount } }
      programByCode(code: "TPBIS-CP") { editions { totalCount } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.programs.nodes.map((n: any) => n.code)).not.toContain("DRAFT-1");
    expect(data!.editions.nodes.map((n: any) => n.id)).not.toContain(draftEditionId);
    expect(data!.search.totalCount).toBe(0);
    expect(data!.institution.ledPrograms.nodes.map((n: any) => n.code)).not.toContain("DRAFT-1");
    expect(data!.institution.hostedEditions.totalCount).toBe(1);
    expect(data!.programByCode.editions.totalCount).toBe(1);
  });

  it("gets null for a draft through a reference from another subgraph", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Program { code } ... on Edition { id } } }`;
    const r = [
      { __typename: "Program", id: draftProgramId },
      { __typename: "Edition", id: draftEditionId },
    ];
    const asPublic = await postSigned(graph.subgraphs.programs.graphqlUrl, query, { r }, ANONYMOUS);
    expect(asPublic.data!._entities).toEqual([null, null]);
    const asService = await postSigned(graph.subgraphs.programs.graphqlUrl, query, { r }, servicePrincipal("test"));
    expect(asService.data!._entities).toEqual([{ code: "DRAFT-1" }, { id: draftEditionId }]);
  });
});

describe("partners and above", () => {
  it("see drafts, marked as such, and editors can publish them", async () => {
    const partner = await as("partner");
    const seen = await graph.query(
      `{ programByCode(code: "DRAFT-1") { published version } edition(id: "${draftEditionId}") { published } }`,
      undefined,
      partner,
    );
    expect(seen.data).toEqual({ programByCode: { published: false, version: 1 }, edition: { published: false } });
    const published = await graph.query(
      `mutation { updateProgram(id: "${draftProgramId}", version: 1, input: { published: true }) { published } }`,
      undefined,
      editor,
    );
    expect(published.data!.updateProgram.published).toBe(true);
    expect((await graph.query(`{ programByCode(code: "DRAFT-1") { code } }`)).data).toEqual({ programByCode: { code: "DRAFT-1" } });
  });
});

describe("statistics", () => {
  it("count drafts only for those who may see them", async () => {
    const query = `{ statistics { editionCount editionsByYear { key count } } }`;
    const asPublic = await graph.query(query);
    const asPartner = await graph.query(query, undefined, await as("partner"));
    expect(asPublic.errors).toBeUndefined();
    expect(asPartner.data!.statistics.editionCount).toBe(asPublic.data!.statistics.editionCount + 1);
    expect(asPublic.data!.statistics.editionsByYear.map((b: any) => b.key)).not.toContain("2025");
    expect(asPartner.data!.statistics.editionsByYear).toContainEqual({ key: "2025", count: 1 });
  });

  it("of a country or institution leave drafts out for the public role too", async () => {
    const query = `{ country(code: "ID") { cooperationStats { editionsHosted } } institution(id: "${DemoIds.institution.perpusnas}") { cooperationStats { editionsHosted } } }`;
    const asPublic = (await graph.query(query)).data!;
    const asPartner = (await graph.query(query, undefined, await as("partner"))).data!;
    expect(asPartner.country.cooperationStats.editionsHosted).toBe(asPublic.country.cooperationStats.editionsHosted + 1);
    expect(asPartner.institution.cooperationStats.editionsHosted).toBe(asPublic.institution.cooperationStats.editionsHosted + 1);
  });
});
