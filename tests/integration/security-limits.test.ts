import { readFileSync } from "node:fs";
import { join } from "node:path";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { buildSchema, Lexer, Source, TokenKind, validate, parse } from "graphql";
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

function cost(query: string): number {
  const schema = buildSchema(readFileSync(join(SCHEMA_DIR, "api.graphql"), "utf8"));
  try {
    const [error] = validate(schema, parse(query), [costLimitRule({ maxCost: 0, exposeLimits: true })]);
    return Number(/found (\d+(\.\d+)?)/.exec(error.message)![1]);
  } catch (error) {
    return Number(/found (\d+(\.\d+)?)/.exec((error as Error).message)![1]);
  }
}

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
    const query = (first: number) => `{ institutions(first: ${first}) { nodes { name acronym country { name } } } }`;
    let first = 1;
    while (cost(query(first + 1)) <= LIMITS.MAX_COST) first++;
    expect(cost(query(first))).toBeLessThanOrEqual(LIMITS.MAX_COST);
    expect(cost(query(first + 1))).toBeGreaterThan(LIMITS.MAX_COST);
    await accepted(query(first));
    await refused(query(first + 1));
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
