import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, Lexer, Source, TokenKind, parse } from "graphql";
import { COST_HEADER, operationCost } from "@sstc/gateway";
import { SCHEMA_DIR } from "@sstc/schema";
import { codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Each abuse limit of the gateway, at its edge: a request exactly at the
 * limit passes, one step past it is refused with a stable code.
 */
const LIMITS = { MAX_DEPTH: 6, MAX_ALIASES: 3, MAX_DIRECTIVES: 2, MAX_TOKENS: 120, MAX_COST: 1000, BODY_LIMIT: "2kb" };
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph({ gatewayEnv: Object.fromEntries(Object.entries(LIMITS).map(([k, v]) => [k, String(v)])) });
});
afterAll(() => graph?.stop());

const accepted = async (query: string) => {
  const result = await graph.query(query);
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
};
const refused = async (query: string, code = "GRAPHQL_VALIDATION_FAILED") => {
  const result = await graph.query(query);
  expect(result.data).toBeUndefined();
  expect(codes(result)).toContain(code);
};

/** A chain of `levels` nested fields: country → institutions → nodes → country → … → a leaf. */
function nested(levels: number): string {
  const fields = Array.from({ length: levels - 1 }, (_, i) => (i === 0 ? 'country(code: "ID")' : ["institutions", "nodes", "country"][(i - 1) % 3]));
  const last = fields.at(-1)!;
  let query = last === "institutions" ? "totalCount" : "name";
  for (const field of fields.reverse()) query = `${field} { ${query} }`;
  return `{ ${query} }`;
}

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

const schema = buildSchema(readFileSync(join(SCHEMA_DIR, "api.graphql"), "utf8"));
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), variables);

describe("gateway limits", () => {
  it("depth: a query at the maximum passes, one level deeper is refused", async () => {
    await accepted(nested(LIMITS.MAX_DEPTH));
    await refused(nested(LIMITS.MAX_DEPTH + 1));
  });

  it("aliases: at the maximum passes, one more is refused", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: country(code: "ID") { code }`).join(" ")} }`;
    await accepted(aliases(LIMITS.MAX_ALIASES));
    await refused(aliases(LIMITS.MAX_ALIASES + 1));
  });

  it("directives: at the maximum passes, one more is refused", async () => {
    const directives = (n: number) => `{ country(code: "ID") { code ${Array.from({ length: n }, (_, i) => `n${i}: name @include(if: true)`).join(" ")} } }`;
    await accepted(directives(LIMITS.MAX_DIRECTIVES));
    await refused(directives(LIMITS.MAX_DIRECTIVES + 1));
  });

  it("tokens: a document of exactly the maximum parses, one token more is refused", async () => {
    const withTypenames = (n: number) => `{ country(code: "ID") { code${" __typename".repeat(n)} } }`;
    const atLimit = withTypenames(LIMITS.MAX_TOKENS - tokenCount(withTypenames(0)));
    expect(tokenCount(atLimit)).toBe(LIMITS.MAX_TOKENS);
    await accepted(atLimit);
    await refused(withTypenames(LIMITS.MAX_TOKENS - tokenCount(withTypenames(0)) + 1), "GRAPHQL_PARSE_FAILED");
  });

  it("cost: a query costing at most the maximum passes, the next costlier one is refused", async () => {
    // Cost grows with the page size asked for: find the largest page that fits.
    const query = (first: number) => `{ institutions(first: ${first}) { nodes { name acronym country { name } units(first: 10) { nodes { name } } } } }`;
    let first = 1;
    while (cost(query(first + 1)) <= LIMITS.MAX_COST) first++;
    expect(cost(query(first))).toBeLessThanOrEqual(LIMITS.MAX_COST);
    expect(cost(query(first + 1))).toBeGreaterThan(LIMITS.MAX_COST);
    await accepted(query(first));
    await refused(query(first + 1));
  });

  it("cost: a page size from a variable counts, at the edge of the limit", async () => {
    const query = `query Countries($n: Int) { countries(first: $n) { nodes { code institutions { nodes { name } } } } }`;
    let n = 1;
    while (cost(query, { n: n + 1 }) <= LIMITS.MAX_COST) n++;
    expect(cost(query, { n: n + 1 })).toBeGreaterThan(LIMITS.MAX_COST);
    const atLimit = await graph.query(query, { n });
    expect(atLimit.errors).toBeUndefined();
    const over = await graph.query(query, { n: n + 1 });
    expect(over.data).toBeUndefined();
    expect(codes(over)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("cost: a list without `first` counts its default page size, 20", async () => {
    const query = (countries: string) => `{ countries${countries} { nodes { institutions { nodes { country { name } units { totalCount } } } } } }`;
    // Twenty countries of twenty institutions cost 1 + 20 × (1 + 1 + 20 × 3) = 1241.
    expect(cost(query(""))).toBe(1241);
    expect(cost(query("(first: 16)"))).toBeLessThanOrEqual(LIMITS.MAX_COST);
    await accepted(query("(first: 16)"));
    await refused(query(""));
  });

  it("cost: a refusal says what the operation costs and what the limit is, and carries both", async () => {
    const result = await graph.query(`{ countries(first: 100) { nodes { institutions(first: 100) { nodes { name } } } } }`);
    expect(result.status).toBe(400);
    expect(result.errors).toEqual([
      {
        message: "The operation costs 10201, more than the limit of 1000: ask for smaller pages (`first`) or fewer nested lists.",
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", cost: { estimated: 10201, limit: 1000 } },
      },
    ]);
  });

  it(`cost: a request with the ${COST_HEADER} header gets the operation's cost in extensions.cost`, async () => {
    const query = `query Partners($n: Int = 5) { partners(first: $n) { totalCount nodes { name agreementParties { nodes { role } } } } }`;
    const result = await graph.query(query, { n: 3 }, { [COST_HEADER]: "1" });
    expect(result.errors).toBeUndefined();
    // 1 + 3 partners × (1 + 1 + 20 parties × 1)
    expect(result.extensions).toEqual({ cost: { estimated: 67, limit: LIMITS.MAX_COST } });
  });

  it("a variable the cost analysis cannot read is refused as execution would refuse it", async () => {
    const result = await graph.query(`query Countries($n: Int) { countries(first: $n) { totalCount } }`, { n: "many" });
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors![0].message).toMatch(/^Variable "\$n" got invalid value "many"/);
  });

  it("body size: a body of exactly the limit is read, one byte more is refused with 413", async () => {
    const size = 2 * 1024;
    const body = (bytes: number) => {
      const shell = JSON.stringify({ query: `{ country(code: "ID") { name } }`, variables: { pad: "" } });
      return JSON.stringify({ query: `{ country(code: "ID") { name } }`, variables: { pad: "x".repeat(bytes - shell.length) } });
    };
    const post = (payload: string) => fetch(graph.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: payload });
    expect(Buffer.byteLength(body(size))).toBe(size);
    expect((await post(body(size))).status).toBe(200);
    const tooBig = await post(body(size + 1));
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("page size: 100 items a page pass, 101 are refused", async () => {
    await accepted(`{ countries(first: 100) { totalCount } }`);
    const result = await graph.query(`{ countries(first: 101) { totalCount } }`);
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("request forgery", () => {
  it("refuses a simple cross-site POST (CSRF prevention) and a GET without a preflight header", async () => {
    const form = await fetch(graph.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(form.status).toBe(400);
    const url = `${graph.gateway.graphqlUrl}?query=${encodeURIComponent('{ country(code: "ID") { name } }')}`;
    expect((await fetch(url)).status).toBe(400);
    const preflighted = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(preflighted.status).toBe(200);
  });
});
