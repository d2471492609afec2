import { readFileSync } from "node:fs";
import { join } from "node:path";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { buildSchema, parse, validate } from "graphql";
import { COST_HEADER, EXAMPLE_OPERATIONS, loadGatewayEnv, operationCost } from "@sstc/gateway";
import { SCHEMA_DIR } from "@sstc/schema";
import { codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * The gateway's limits at their defaults, against what clients really send:
 * every operation shown in GraphiQL and the README, and the four typical
 * pages, pass as the public role with at least half of each limit to spare;
 * abusive operations are refused.
 */
const limits = loadGatewayEnv({ NODE_ENV: "test" });
const schema = buildSchema(readFileSync(join(SCHEMA_DIR, "api.graphql"), "utf8"));

/** Every GraphQL block of the README, with the variables its `# variables:` comment gives. */
const README_OPERATIONS = [...readFileSync(join(SCHEMA_DIR, "..", "README.md"), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => {
  const query = m[1];
  const variables = /^# variables: (.*)$/m.exec(query)?.[1];
  return { name: /^(?:query|mutation) (\w+)/m.exec(query)?.[1] ?? "(anonymous)", query, variables: variables ? JSON.parse(variables) : undefined };
});
const OPERATIONS = [...EXAMPLE_OPERATIONS.map((op) => ({ ...op, source: "GraphiQL" })), ...README_OPERATIONS.map((op) => ({ ...op, source: "README" }))];
const PAGES = ["ProgramPage", "CountryPage", "InstitutionPage", "PartnerPage"];

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

const LIMIT_CODES = ["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"];

describe("what clients really send", () => {
  it("the README has operations to check", () => {
    expect(README_OPERATIONS.length).toBeGreaterThanOrEqual(8);
  });

  it.each(OPERATIONS.map((op) => [op.source, op.name, op] as const))(
    "%s %s passes the limits as the public role, costing at most half of MAX_COST",
    async (_source, _name, op) => {
      const result = await graph.query(op.query, op.variables, { [COST_HEADER]: "1" });
      expect(codes(result).filter((code) => LIMIT_CODES.includes(code))).toEqual([]);
      const expected = operationCost(schema, parse(op.query), op.variables);
      expect(result.extensions?.cost).toEqual({ estimated: expected, limit: limits.MAX_COST });
      expect(expected).toBeLessThanOrEqual(limits.MAX_COST / 2);
      // Half of the token and depth limits too.
      expect(() => parse(op.query, { maxTokens: limits.MAX_TOKENS / 2 })).not.toThrow();
      expect(validate(schema, parse(op.query), [maxDepthRule({ n: limits.MAX_DEPTH / 2 })])).toEqual([]);
    },
  );

  it.each(PAGES)("%s answers the public in full, without an error", async (name) => {
    const page = EXAMPLE_OPERATIONS.find((op) => op.name === name)!;
    const result = await graph.query(page.query, page.variables);
    expect({ status: result.status, errors: result.errors }).toEqual({ status: 200, errors: undefined });
    expect(Object.values(result.data!).every((value) => value !== null)).toBe(true);
  });

  it("reports no cost unless asked", async () => {
    const result = await graph.query(`{ countries(first: 3) { nodes { code } } }`);
    expect(result.extensions?.cost).toBeUndefined();
  });
});

describe("abuse", () => {
  const refusedForCost = async (query: string) => {
    const result = await graph.query(query);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(codes(result)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(result.errors![0].message).toMatch(new RegExp(`^The operation costs \\d+, more than the limit of ${limits.MAX_COST}`));
  };

  it("refuses connections nested three deep, a hundred items a page at each level", async () => {
    await refusedForCost(`{ countries(first: 100) { nodes { institutions(first: 100) { nodes { programs(first: 100) { nodes { code } } } } } } }`);
  });

  it("refuses a fan-out of aliases, each a page of pages", async () => {
    const alias = (i: number) => `a${i}: programs(first: 100) { nodes { editions(first: 100) { nodes { title } } } }`;
    await refusedForCost(`{ ${Array.from({ length: limits.MAX_ALIASES }, (_, i) => alias(i)).join(" ")} }`);
  });

  it("refuses thousands of tokens", async () => {
    const result = await graph.query(`{ country(code: "ID") { code${" __typename".repeat(limits.MAX_TOKENS)} } }`);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });
});
