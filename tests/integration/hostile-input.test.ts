import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
} from "graphql";
import { DemoIds } from "@sstc/demo-data";
import { as, startTestGraph, type TestGraph } from "../support/graph";

/*
 * What nobody should send, sent anyway, through the gateway: injection
 * strings and malformed text in every text argument of every query and
 * mutation (generated from the client-facing schema, so a new argument is
 * covered the day it appears), malformed HTTP and JSON, query abuse,
 * forged cursors, explicit nulls and impossible dates. Whatever comes back:
 * no 5xx, no INTERNAL_SERVER_ERROR, every error coded, nothing internal in
 * the body; afterwards every process still answers and refused requests
 * changed nothing.
 */
jest.setTimeout(180_000);

let graph: TestGraph;
let admin: Record<string, string>;
const api = buildSchema(readFileSync(join(__dirname, "../../schema/api.graphql"), "utf8"));

beforeAll(async () => {
  graph = await startTestGraph({ gatewayEnv: { RATE_LIMIT_ADMIN: "100000", MAX_COST: "100000" } });
  admin = await as("admin", { subject: "admin@hostile" });
});
afterAll(() => graph?.stop());

const PAYLOADS = [
  "' OR '1'='1",
  '"; DROP TABLE programs; --',
  "%' UNION SELECT id, actor FROM audit_log --",
  "%",
  "_",
  "\\",
  "\u0000",
  "\ud800",
  "tab\u0007bell",
  '{"$gt": ""}',
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "1e400",
  "x".repeat(5000),
];

/** Every way the body could give away internals: stacks, SQL, driver codes, paths, internal URLs. */
const LEAKS =
  /stacktrace|\bat [\w.<>]+ \(|\.(ts|js):\d+|\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|SQLITE_|\bER_[A-Z_]+|QueryFailedError|node_modules|\/work\/|\/tmp\/|127\.0\.0\.1:\d+|localhost:\d+/;

interface Sent {
  label: string;
  status: number;
  body: string;
}
const sent: Sent[] = [];

/** Sends one request to the gateway as raw HTTP and records the answer for the common checks. */
async function send(label: string, init: RequestInit & { path?: string }): Promise<Sent> {
  const res = await fetch(graph.gateway.url + (init.path ?? "/graphql"), init);
  const result = { label, status: res.status, body: await res.text() };
  sent.push(result);
  return result;
}

const post = (label: string, body: unknown, headers: Record<string, string> = {}) =>
  send(label, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

/** What is wrong with these answers: a 5xx, a body that is not JSON, an uncoded or internal error, a leak. */
function problemsIn(answers: Sent[]): string[] {
  const problems: string[] = [];
  for (const r of answers) {
    if (r.status >= 500) problems.push(`${r.label}: HTTP ${r.status}`);
    let body: any;
    try {
      body = JSON.parse(r.body);
    } catch {
      problems.push(`${r.label}: body is not JSON: ${r.body.slice(0, 80)}`);
      continue;
    }
    for (const e of body.errors ?? []) {
      const code = e.extensions?.code;
      if (typeof code !== "string") problems.push(`${r.label}: error without a code: ${e.message}`);
      if (code === "INTERNAL_SERVER_ERROR") problems.push(`${r.label}: INTERNAL_SERVER_ERROR`);
    }
    // A client's own text echoed back in a message is not a leak: take the payloads out first.
    const own = PAYLOADS.reduce((text, payload) => text.split(JSON.stringify(payload).slice(1, -1)).join(""), r.body);
    if (LEAKS.test(own)) problems.push(`${r.label}: leaks ${LEAKS.exec(own)![0]}`);
  }
  return problems;
}

/** A value of `type` that passes validation, for arguments not under test. */
function validValue(type: GraphQLInputType, text = "x"): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, text);
  if (isListType(type)) return [];
  const named = getNamedType(type) as GraphQLNamedType;
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, validValue(f.type, text)]),
    );
  }
  switch (named.name) {
    case "ID":
      return DemoIds.program.tpbis;
    case "Int":
    case "Float":
      return 1;
    case "Boolean":
      return true;
    default:
      return text;
  }
}

/** Paths to every String/ID leaf reachable from an argument (through input objects), for payload injection. */
function textLeaves(type: GraphQLInputType, path: string[] = [], depth = 0): string[][] {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === "String" || named.name === "ID" ? [path] : [];
  if (isInputObjectType(named) && depth < 3) return Object.values(named.getFields()).flatMap((f) => textLeaves(f.type, [...path, f.name], depth + 1));
  return [];
}

function setAt(target: Record<string, any>, path: string[], value: unknown, type: GraphQLInputType) {
  // A list on the way takes the payload as its only element.
  let node: any = target;
  let current: GraphQLInputType = type;
  for (const [i, key] of path.entries()) {
    const fieldType = (getNamedType(current) as any).getFields()[key].type as GraphQLInputType;
    const last = i === path.length - 1;
    const isList = isListType(isNonNullType(fieldType) ? fieldType.ofType : fieldType);
    if (last) node[key] = isList ? [value] : value;
    else {
      node[key] = validValue(fieldType);
      if (isList) node[key] = [validValue(getNamedType(fieldType) as GraphQLInputType)];
      node = isList ? node[key][0] : node[key];
    }
    current = fieldType;
  }
}

/** One request per (field, text leaf, payload): the payload in that leaf, every other argument valid. */
function injections(operation: "query" | "mutation") {
  const root = operation === "query" ? api.getQueryType()! : api.getMutationType()!;
  const cases: Array<{ label: string; query: string; variables: Record<string, unknown> }> = [];
  for (const field of Object.values(root.getFields())) {
    const args: readonly GraphQLArgument[] = field.args;
    const selection = isScalarType(getNamedType(field.type)) ? "" : "{ __typename }";
    const signature = args.length ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ")})` : "";
    const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
    const query = `${operation} Hostile${signature} { ${field.name}${call} ${selection} }`;
    for (const arg of args) {
      for (const leaf of textLeaves(arg.type)) {
        for (const payload of PAYLOADS) {
          const variables: Record<string, unknown> = Object.fromEntries(args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, validValue(a.type)]));
          if (leaf.length === 0) variables[arg.name] = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type) ? [payload] : payload;
          else {
            variables[arg.name] = (variables[arg.name] as object) ?? {};
            setAt(variables[arg.name] as Record<string, unknown>, leaf, payload, arg.type);
          }
          cases.push({ label: `${field.name}.${[arg.name, ...leaf].join(".")} = ${JSON.stringify(payload).slice(0, 30)}`, query, variables });
        }
      }
    }
  }
  return cases;
}

/** Row counts and audit-trail lengths: what a refused request must not change. */
async function snapshot() {
  const r: any = await graph.query(
    `{ programs(first: 1) { totalCount } editions(first: 1) { totalCount } institutions(first: 1) { totalCount } partners(first: 1) { totalCount }
       agreements(first: 1) { totalCount } people(first: 1) { totalCount }
       edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") { participations(first: 1) { totalCount } activities(first: 1) { totalCount } commitments(first: 1) { totalCount } }
       programsAuditTrail(first: 1) { totalCount } institutionsAuditTrail(first: 1) { totalCount } partnersAuditTrail(first: 1) { totalCount } }`,
    undefined,
    admin,
  );
  expect(r.errors).toBeUndefined();
  return r.data;
}

describe("hostile input", () => {
  let before: unknown;
  beforeAll(async () => {
    before = await snapshot();
  });
  // Every test's own requests are checked when it ends, so no test depends on another having run first.
  let checked = 0;
  afterEach(() => {
    const batch = sent.slice(checked);
    checked = sent.length;
    expect(problemsIn(batch)).toEqual([]);
  });
  afterAll(() => console.info(`hostile input: ${sent.length} requests, ${sent.filter((r) => r.status >= 400).length} answered 4xx`));

  it("every query's text arguments, with injection and malformed text, as the public and as an admin", async () => {
    const cases = injections("query");
    expect(cases.length).toBeGreaterThan(150);
    for (const [i, c] of cases.entries()) await post(`query ${c.label}`, { query: c.query, variables: c.variables }, i % 2 ? admin : {});
  });

  it("every mutation's text arguments, anonymously: refused before anything is looked at", async () => {
    const cases = injections("mutation");
    expect(cases.length).toBeGreaterThan(150);
    for (const c of cases) {
      const r = await post(`anonymous mutation ${c.label}`, { query: c.query, variables: c.variables });
      const codes = (JSON.parse(r.body).errors ?? []).map((e: any) => e.extensions?.code);
      // Variables that do not fit the schema fail validation first; everything else is FORBIDDEN.
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((code: string) => code === "FORBIDDEN" || code === "BAD_USER_INPUT" || code === "GRAPHQL_VALIDATION_FAILED")).toBe(true);
    }
    // Refused writes changed nothing.
    expect(await snapshot()).toEqual(before);
  });

  it("malformed text, explicit nulls and impossible dates in an admin's writes are refused", async () => {
    const program = DemoIds.program.tpbis;
    const writes: Array<[string, string, Record<string, unknown>]> = [];
    for (const payload of ["\u0000", "\ud800", "a\udc00b", "bell\u0007"]) {
      writes.push([
        `createPerson ${JSON.stringify(payload)}`,
        `mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }`,
        { i: { fullName: payload, institutionId: DemoIds.institution.perpusnas } },
      ]);
      writes.push([
        `updateProgram ${JSON.stringify(payload)}`,
        `mutation($i: UpdateProgramInput!) { updateProgram(id: "${program}", version: 1, input: $i) { id } }`,
        { i: { titleEn: payload } },
      ]);
    }
    for (const field of ["titleEn", "code", "status"]) {
      writes.push([
        `updateProgram ${field}: null`,
        `mutation($i: UpdateProgramInput!) { updateProgram(id: "${program}", version: 1, input: $i) { id } }`,
        { i: { [field]: null } },
      ]);
    }
    for (const date of ["2023-02-31", "2023-04-31", "2023-02-29", "0000-01-01", "2023-13-01", "not a date"]) {
      writes.push([
        `createActivity date ${date}`,
        `mutation($i: CreateActivityInput!) { createActivity(input: $i) { id } }`,
        { i: { editionId: DemoIds.edition.tpbisColomboPlan2023, kind: "WORKSHOP", titleEn: "Hostile", date } },
      ]);
    }
    for (const [label, query, variables] of writes) {
      const r = await post(`admin ${label}`, { query, variables }, admin);
      const body = JSON.parse(r.body);
      expect({
        label,
        data: body.data?.[Object.keys(body.data ?? {})[0]] ?? null,
        codes: (body.errors ?? []).map((e: any) => e.extensions?.code).filter((c: string) => c !== "BAD_USER_INPUT"),
      }).toEqual({
        label,
        data: null,
        codes: [],
      });
    }
    // Refused writes changed nothing.
    expect(await snapshot()).toEqual(before);
  });

  it("forged cursors of every shape on every top-level list", async () => {
    const lists = Object.values(api.getQueryType()!.getFields()).filter((f) => f.args.some((a) => a.name === "after") && !f.name.endsWith("AuditTrail"));
    const forged = [
      "",
      "not-a-cursor",
      "e30",
      "W10",
      Buffer.from("{}").toString("base64url"),
      Buffer.from("[]").toString("base64url"),
      Buffer.from("[1e400]").toString("base64url"),
      Buffer.from('[{"a":1},"x"]').toString("base64url"),
      Buffer.from('["x","y","z","w"]').toString("base64url"),
      Buffer.from("null").toString("base64url"),
      Buffer.from('"\\u0000"').toString("base64url"),
    ];
    for (const list of lists) {
      for (const cursor of forged)
        await post(
          `cursor ${list.name} ${JSON.stringify(cursor)}`,
          { query: `query($a: String) { ${list.name}(after: $a) { __typename } }`, variables: { a: cursor } },
          admin,
        );
    }
  });

  it("malformed HTTP and JSON", async () => {
    const plain = { "content-type": "application/json" };
    await send("not JSON", { method: "POST", headers: plain, body: "{ not json" });
    await send("JSON array", { method: "POST", headers: plain, body: "[1,2]" });
    await send("JSON number", { method: "POST", headers: plain, body: "42" });
    await send("JSON string", { method: "POST", headers: plain, body: '"{ countries { totalCount } }"' });
    await send("JSON null", { method: "POST", headers: plain, body: "null" });
    await send("empty body", { method: "POST", headers: plain, body: "" });
    await send("query not a string", { method: "POST", headers: plain, body: JSON.stringify({ query: 42 }) });
    await send("variables not an object", { method: "POST", headers: plain, body: JSON.stringify({ query: "{ __typename }", variables: [1] }) });
    await send("extensions not an object", { method: "POST", headers: plain, body: JSON.stringify({ query: "{ __typename }", extensions: "x" }) });
    await send("invalid UTF-8", {
      method: "POST",
      headers: plain,
      body: Buffer.concat([
        Buffer.from('{"query":"{ programs(filter: { search: \\"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('\\" }) { totalCount } }"}'),
      ]),
    });
    await send("text/plain", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    await send("no content type", { method: "POST", body: JSON.stringify({ query: "{ __typename }" }) });
    await send("form encoded", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "query=%7B__typename%7D" });
    await send("oversized body", {
      method: "POST",
      headers: plain,
      body: JSON.stringify({ query: `{ __typename }`, variables: { x: "y".repeat(2_000_000) } }),
    });
    await send("deeply nested JSON", { method: "POST", headers: plain, body: `{"query":"{ __typename }","variables":${"[".repeat(5000)}${"]".repeat(5000)}}` });
    await send("GET mutation", {
      method: "GET",
      path: `/graphql?query=${encodeURIComponent('mutation { deleteProgram(id: "x", version: 1) }')}`,
      headers: { "apollo-require-preflight": "1" },
    });
    await send("GET without preflight", { method: "GET", path: `/graphql?query=${encodeURIComponent("{ __typename }")}` });
    await send("PUT", { method: "PUT", headers: plain, body: JSON.stringify({ query: "{ __typename }" }) });
    await send("DELETE", { method: "DELETE" });
    await send("sub-path", { method: "POST", path: "/graphql/anything", headers: plain, body: JSON.stringify({ query: "{ __typename }" }) });
    await send("unknown path", { method: "GET", path: "/../../etc/passwd" });
    await send("garbage bearer", {
      method: "POST",
      headers: { ...plain, authorization: "Bearer \u00ff\u00fe" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    await send("garbage API key", { method: "POST", headers: { ...plain, "x-api-key": "' OR 1=1 --" }, body: JSON.stringify({ query: "{ __typename }" }) });
    await send("alg none token", {
      method: "POST",
      headers: { ...plain, authorization: "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ." },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
  });

  it("query abuse", async () => {
    const nest = (n: number) => `{ programs { nodes { ${"subprograms { nodes { ".repeat(n)}code${" } }".repeat(n)} } } }`;
    const documents: Array<[string, Record<string, unknown>]> = [
      ["too deep", { query: nest(20) }],
      ["many aliases", { query: `{ ${Array.from({ length: 600 }, (_, i) => `a${i}: countries { totalCount }`).join(" ")} }` }],
      ["many __typename aliases", { query: `{ ${Array.from({ length: 600 }, (_, i) => `t${i}: __typename`).join(" ")} }` }],
      ["many directives", { query: `{ __typename ${"@include(if: true) ".repeat(200)} }` }],
      ["many tokens", { query: `{ ${"__typename ".repeat(5000)} }` }],
      ["fragment cycle", { query: `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }` }],
      ["huge page", { query: `{ programs(first: 100000) { totalCount } }` }],
      ["expensive lists", { query: `{ programs(first: 100) { nodes { editions(first: 100) { nodes { participations(first: 100) { nodes { id } } } } } } }` }],
      ["two anonymous operations", { query: `{ __typename } { __typename }` }],
      ["unknown operation name", { query: `query A { __typename }`, operationName: "B" }],
      ["operation name missing", { query: `query A { __typename } query B { __typename }` }],
      ["syntax error", { query: `{ programs(first: ) }` }],
      ["empty query", { query: "" }],
      ["introspection deep", { query: `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }` }],
      ["unknown variable type", { query: `query($x: Nope) { __typename }`, variables: { x: 1 } }],
      ["variable of wrong type", { query: `query($x: Int) { programs(first: $x) { totalCount } }`, variables: { x: "ten" } }],
      ["int overflow", { query: `{ programs(first: 99999999999999999999) { totalCount } }` }],
      ["batched array", [{ query: "{ __typename }" }, { query: "{ __typename }" }] as never],
    ];
    for (const [label, body] of documents) await post(`abuse ${label}`, body);
  });

  it("left every process answering and the data as it was", async () => {
    for (const url of [graph.gateway.url, ...Object.values(graph.subgraphs).map((s) => s.url)]) {
      const res = await fetch(`${url}/health`);
      expect(res.status).toBe(200);
    }
    expect(await snapshot()).toEqual(before);
  });
});
