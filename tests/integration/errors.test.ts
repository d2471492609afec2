import { DemoIds } from "@sstc/demo-data";
import { as, startTestGraph, type TestGraph } from "../support/graph";

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, any> }> }) => result.errors?.[0]?.extensions?.code;

describe("bad input gets a clear error with a stable code", () => {
  it.each([
    ["a malformed id", `{ program(id: "42") { code } }`, "BAD_USER_INPUT"],
    ["an unknown id", `{ program(id: "00000000-0000-4000-8000-999999999999") { code } }`, "NOT_FOUND"],
    ["an unknown programme code", `{ programByCode(code: "NOPE") { code } }`, "NOT_FOUND"],
    ["a malformed programme code", `{ programByCode(code: "DROP TABLE;") { code } }`, "BAD_USER_INPUT"],
    ["a malformed country code", `{ country(code: "Indonesia") { name } }`, "BAD_USER_INPUT"],
    ["a page past the maximum", `{ countries(first: 1000) { totalCount } }`, "BAD_USER_INPUT"],
    ["a zero page size", `{ institutions(first: 0) { totalCount } }`, "BAD_USER_INPUT"],
    ["a forged cursor", `{ countries(after: "not-a-cursor") { totalCount } }`, "BAD_USER_INPUT"],
    [
      "a nested page past the maximum",
      `{ edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") { activities(first: 101) { totalCount } } }`,
      "BAD_USER_INPUT",
    ],
    ["an out-of-range SDG", `{ programs(filter: { sdgGoal: 18 }) { totalCount } }`, "BAD_USER_INPUT"],
    ["an unknown enum value", `{ programs(filter: { status: FINISHED }) { totalCount } }`, "GRAPHQL_VALIDATION_FAILED"],
    ["an unknown field", `{ program(id: "${DemoIds.program.tpbis}") { budget } }`, "GRAPHQL_VALIDATION_FAILED"],
  ])("%s", async (_label, query, code) => {
    const result = await graph.query(query);
    expect(codeOf(result)).toBe(code);
    expect(result.errors![0].message).toMatch(/\w/);
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|SELECT |127\.0\.0\.1|\.ts:\d/);
  });

  it("names the argument at fault", async () => {
    const result = await graph.query(`{ editions(filter: { countryCode: "XYZ" }) { totalCount } }`);
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.countryCode" });
  });

  it("answers malformed JSON with 400 and a GraphQL-shaped error, and keeps serving", async () => {
    const res = await fetch(graph.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
    const after = await graph.query(`{ country(code: "ID") { name } }`);
    expect(after.data!.country.name).toBe("Indonesia");
  });

  it("refuses a syntax error with GRAPHQL_PARSE_FAILED", async () => {
    const result = await graph.query(`{ country(code: "ID") { name `);
    expect(codeOf(result)).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("keeps the rest of the response when one field fails", async () => {
    const result = await graph.query(`{ ok: country(code: "LK") { name } bad: country(code: "ZZ") { name } }`);
    expect(result.data).toEqual({ ok: { name: "Sri Lanka" }, bad: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ["bad"], extensions: { code: "NOT_FOUND" } });
  });
});

describe("pagination", () => {
  it("walks all Colombo Plan members in pages with stable cursors and a total", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: any = await graph.query(
        `query($after: String) { countries(first: 10, after: $after, colomboPlanMember: true) { totalCount pageInfo { hasNextPage endCursor } nodes { code } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.countries.totalCount).toBe(28);
      seen.push(...result.data.countries.nodes.map((n: any) => n.code));
      pages++;
      if (!result.data.countries.pageInfo.hasNextPage) break;
      after = result.data.countries.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(28);
    expect([...seen].sort()).toEqual(seen);
  });

  it("pages a nested list per parent", async () => {
    const q = `query($after: String) { edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") { participations(first: 8, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id } } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const result: any = await graph.query(q, { after }, await as("partner"));
      const page = result.data.edition.participations;
      expect(page.totalCount).toBe(19);
      expect(page.pageInfo.hasPreviousPage).toBe(i > 0);
      ids.push(...page.nodes.map((n: any) => n.id));
      after = page.pageInfo.endCursor;
      expect(page.pageInfo.hasNextPage).toBe(i < 2);
    }
    expect(new Set(ids).size).toBe(19);
  });
});

describe("health", () => {
  it("runs on the database the test run asked for", () => {
    const expected = process.env.TEST_DATABASE_URL ? "mysql" : "better-sqlite3";
    for (const subgraph of Object.values(graph.subgraphs)) expect(subgraph.db.options.type).toBe(expected);
  });

  it("reports alive and ready on the gateway and every subgraph", async () => {
    for (const server of [graph.gateway, ...Object.values(graph.subgraphs)]) {
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(200);
    }
  });
});
