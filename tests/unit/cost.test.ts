import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, parse } from "graphql";
import { ASSUMED_LIST_SIZE, operationCost } from "@sstc/gateway";
import { SCHEMA_DIR } from "@sstc/schema";

/* The gateway's cost model on the committed API: what each kind of selection costs. */
const schema = buildSchema(readFileSync(join(SCHEMA_DIR, "api.graphql"), "utf8"));
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), variables);

describe("operation cost", () => {
  it("counts an object 1 and a scalar or enum 0", () => {
    expect(cost(`{ country(code: "LK") { code name region } }`)).toBe(1);
    expect(cost(`{ country(code: "LK") { code cooperationStats { participations } } }`)).toBe(2);
  });

  it("counts a connection once, and its nodes and edges `first` times each; pageInfo and totalCount belong to the connection", () => {
    expect(cost(`{ countries(first: 7) { totalCount pageInfo { hasNextPage endCursor } } }`)).toBe(1);
    expect(cost(`{ countries(first: 7) { nodes { code } } }`)).toBe(1 + 7 * 1);
    expect(cost(`{ countries(first: 7) { nodes { code } edges { cursor node { code } } } }`)).toBe(1 + 7 * (1 + 2));
  });

  it("reads `first` from a literal, a variable, a variable's default and the schema's default alike", () => {
    const nested = (first: string) => `{ countries${first} { nodes { institutions(first: 3) { nodes { name } } } } }`;
    const perCountry = 1 + 1 + 3;
    expect(cost(nested("(first: 20)"))).toBe(1 + 20 * perCountry);
    expect(cost(nested(""))).toBe(1 + 20 * perCountry);
    expect(cost(`query Q($n: Int) { countries(first: $n) { nodes { code } } }`, { n: 50 })).toBe(51);
    expect(cost(`query Q($n: Int = 40) { countries(first: $n) { nodes { code } } }`)).toBe(41);
    // An explicit null runs as the default page.
    expect(cost(`query Q($n: Int) { countries(first: $n) { nodes { code } } }`, { n: null })).toBe(21);
  });

  it(`counts a list without \`first\` as ${ASSUMED_LIST_SIZE} items`, () => {
    expect(cost(`{ statistics { participantsByCountry { key count } } }`)).toBe(1 + ASSUMED_LIST_SIZE * 1);
    expect(cost(`{ statistics { programCount sdgGoalsCounted: programsBySdgGoal { key } } }`)).toBe(1 + ASSUMED_LIST_SIZE);
  });

  it("weighs fragments, and leaves out what @include or @skip leave out", () => {
    expect(cost(`{ countries(first: 5) { ...Names } } fragment Names on CountryConnection { nodes { name } }`)).toBe(1 + 5);
    const query = `query Q($all: Boolean!) { countries(first: 5) { nodes { name institutions(first: 2) @include(if: $all) { nodes { name } } } } }`;
    expect(cost(query, { all: false })).toBe(1 + 5);
    expect(cost(query, { all: true })).toBe(1 + 5 * (1 + 1 + 2));
  });
});
