import { postSigned } from "@sstc/testkit";
import { newId, servicePrincipal } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";

const admin = servicePrincipal("test");
const postGraphql = (url: string, query: string, variables: Record<string, unknown>) => postSigned(url, query, variables, admin);
import { as, startTestGraph, type TestGraph } from "../support/graph";

let graph: TestGraph;
let institutionIds: string[];

beforeAll(async () => {
  graph = await startTestGraph();
  // Enough distinct institutions for 50 different representations.
  const db = graph.subgraphs.institutions.db;
  const rows = Array.from({ length: 40 }, (_, i) => ({
    id: newId(),
    nameEn: `Batch Library ${String(i).padStart(2, "0")}`,
    slug: `batch-library-${String(i).padStart(2, "0")}`,
    nameId: null,
    type: "PUBLIC_LIBRARY",
    countryCode: "ID",
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  }));
  await db.getRepository("Institution").insert(rows);
  const all = await db.getRepository("Institution").find({ select: { id: true } });
  // Perpusnas first: the single representation below must have an area, so that it costs the same three statements as fifty.
  institutionIds = [DemoIds.institution.perpusnas, ...all.map((r: any) => r.id).filter((id: string) => id !== DemoIds.institution.perpusnas)];
  expect(institutionIds.length).toBeGreaterThanOrEqual(50);
});
afterAll(() => graph?.stop());

/** Runs `fn` and returns how many SQL statements the subgraph sent meanwhile. */
async function statements(subgraph: keyof TestGraph["subgraphs"], fn: () => Promise<unknown>) {
  const counter = graph.subgraphs[subgraph].queries;
  const before = counter.count;
  await fn();
  return counter.count - before;
}

const entitiesQuery = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Institution { id name acronym country { code name } area { name } }
  }
}`;

describe("reference resolution is batched", () => {
  it("resolves 1 and 50 Institution representations with the same number of SQL statements", async () => {
    const url = graph.subgraphs.institutions.graphqlUrl;
    const one = [{ __typename: "Institution", id: institutionIds[0] }];
    const fifty = institutionIds.slice(0, 50).map((id) => ({ __typename: "Institution", id }));
    let oneResult: any;
    let fiftyResult: any;
    const forOne = await statements("institutions", async () => (oneResult = await postGraphql(url, entitiesQuery, { representations: one })));
    const forFifty = await statements("institutions", async () => (fiftyResult = await postGraphql(url, entitiesQuery, { representations: fifty })));
    expect(oneResult.errors).toBeUndefined();
    expect(fiftyResult.errors).toBeUndefined();
    expect(fiftyResult.data._entities).toHaveLength(50);
    expect(fiftyResult.data._entities.every((e: any) => e.country.code)).toBe(true);
    // institutions IN (...), countries IN (...), areas IN (...): three statements either way.
    expect(forOne).toBe(3);
    expect(forFifty).toBe(forOne);
  });

  it("resolves 1 and 50 Program representations with their partnerships in the same number of statements", async () => {
    const url = graph.subgraphs.partners.graphqlUrl;
    const query = `query($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Program { id partnerships { totalCount nodes { role partner { name } } } } }
    }`;
    const ids = [DemoIds.program.tpbisColomboPlan, ...Array.from({ length: 49 }, () => newId())];
    const forOne = await statements("partners", () =>
      postGraphql(url, query, { representations: ids.slice(0, 1).map((id) => ({ __typename: "Program", id })) }),
    );
    let fifty: any;
    const forFifty = await statements(
      "partners",
      async () => (fifty = await postGraphql(url, query, { representations: ids.map((id) => ({ __typename: "Program", id })) })),
    );
    expect(fifty.errors).toBeUndefined();
    expect(fifty.data._entities[0].partnerships.totalCount).toBe(3);
    expect(fifty.data._entities[1].partnerships.totalCount).toBe(0);
    expect(forFifty).toBe(forOne);
  });

  it("keeps statements per subgraph constant when a gateway list grows from 2 to 19 participations", async () => {
    const query = `query($first: Int!) {
      edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") {
        participations(first: $first) { nodes { person { fullName } institution { name country { name } } area { name } } }
      }
    }`;
    const counts = async (first: number) => {
      const before = { p: graph.subgraphs.programs.queries.count, i: graph.subgraphs.institutions.queries.count };
      const result = await graph.query(query, { first }, await as("partner"));
      expect(result.errors).toBeUndefined();
      expect(result.data!.edition.participations.nodes).toHaveLength(first);
      return { programs: graph.subgraphs.programs.queries.count - before.p, institutions: graph.subgraphs.institutions.queries.count - before.i };
    };
    // Two, not one: the first page holds Indonesian participations in id order (random ids), and
    // only the speaker has no area; with one item the area look-up would be skipped now and then.
    const small = await counts(2);
    const large = await counts(19);
    expect(large).toEqual(small);
  });
});
