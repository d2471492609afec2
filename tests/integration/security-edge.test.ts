import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { postGraphql, TEST_SIGNING_SECRET } from "@sstc/testkit";
import { createApiKey, loadGatewayEnv, startGateway, type RunningGateway } from "@sstc/gateway";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * The gateway's edge, over HTTP: whose address a rate limit counts, how
 * guessing credentials is throttled, which paths serve GraphQL, and how
 * requests that are not well-formed GraphQL are refused (4xx with a code,
 * never a 5xx).
 *
 * `graph` runs with the default proxy setting (none trusted) and a public
 * limit of 5 a minute. `proxied` is a second gateway on the same subgraphs
 * that trusts 127.0.0.1 as its reverse proxy, so each test there can play
 * a client of its own through X-Forwarded-For. `production` is a third,
 * in production mode.
 */
const PUBLIC_LIMIT = 5;
const AUTH_FAILURES = 3;
const MAX_ALIASES = 15;
let graph: TestGraph;
let proxied: RunningGateway;
let production: RunningGateway;
let partner: Record<string, string>;
const apiKey = createApiKey({
  id: "kemenlu-portal",
  name: "Kemenlu portal",
  role: "partner",
  institutionId: DemoIds.institution.kemenlu,
  partnerId: DemoIds.partner.kemenlu,
  rateLimitPerMinute: 1000,
});

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sstc-edge-"));
  writeFileSync(join(dir, "api-keys.json"), JSON.stringify([apiKey.entry]));
  const limits = {
    RATE_LIMIT_PUBLIC: String(PUBLIC_LIMIT),
    RATE_LIMIT_AUTH_FAILURES: String(AUTH_FAILURES),
    MAX_ALIASES: String(MAX_ALIASES),
    API_KEYS_FILE: join(dir, "api-keys.json"),
  };
  graph = await startTestGraph({ gatewayEnv: limits });
  const subgraphUrls = {
    PROGRAMS_URL: graph.subgraphs.programs.graphqlUrl,
    INSTITUTIONS_URL: graph.subgraphs.institutions.graphqlUrl,
    PARTNERS_URL: graph.subgraphs.partners.graphqlUrl,
    GATEWAY_SIGNING_SECRET: TEST_SIGNING_SECRET,
    PORT: "0",
  };
  proxied = await startGateway(loadGatewayEnv({ NODE_ENV: "test", LOG_LEVEL: "warn", ...subgraphUrls, ...limits, TRUST_PROXY: "127.0.0.1" }));
  production = await startGateway(loadGatewayEnv({ NODE_ENV: "production", LOG_LEVEL: "warn", ...subgraphUrls, RATE_LIMIT_PUBLIC: "100000" }));
  partner = await as("partner");
});
afterAll(async () => {
  await proxied?.stop();
  await production?.stop();
  await graph?.stop();
});

const COUNTRY = `{ country(code: "ID") { name } }`;
const from = (address: string, headers: Record<string, string> = {}) => ({ "x-forwarded-for": address, ...headers });

describe("client addresses", () => {
  it("ignores X-Forwarded-For unless a proxy is configured: a made-up address per request does not reset the public limit", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= PUBLIC_LIMIT + 1; i++) statuses.push((await graph.query(COUNTRY, undefined, from(`198.51.100.${i}`))).status);
    expect(statuses).toEqual([...Array(PUBLIC_LIMIT).fill(200), 429]);
    const refused = await fetch(graph.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...from("198.51.100.99") },
      body: JSON.stringify({ query: COUNTRY }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(codes((await refused.json()) as never)).toEqual(["RATE_LIMITED"]);
  });

  it("honours X-Forwarded-For from a configured proxy: each forwarded client has its own public limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_LIMIT; i++) statuses.push((await postGraphql(proxied.graphqlUrl, COUNTRY, undefined, from("203.0.113.10"))).status);
    expect(statuses).toEqual([...Array(PUBLIC_LIMIT).fill(200), 429]);
    const other = await postGraphql(proxied.graphqlUrl, COUNTRY, undefined, from("203.0.113.11"));
    expect(other.status).toBe(200);
  });

  it("keeps token and API key limits per subject and per key, whatever the address", async () => {
    // The default gateway's public budget for 127.0.0.1 is spent above; credentialed callers are counted apart.
    expect((await graph.query(COUNTRY, undefined, partner)).status).toBe(200);
    expect((await graph.query(COUNTRY, undefined, { "x-api-key": apiKey.key })).status).toBe(200);
  });

  it.each([
    ["a word", "somewhere"],
    ["an address out of range", "300.1.2.3"],
    ["a prefix too long", "10.0.0.0/33"],
    ["trust in everyone", "true"],
    ["an empty entry", "10.0.0.1,,10.0.0.2"],
  ])("refuses a TRUST_PROXY that is %s", (_label, value) => {
    expect(() => loadGatewayEnv({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadGatewayEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it("accepts a hop count, addresses, subnets and express's named ranges as TRUST_PROXY", () => {
    expect(loadGatewayEnv({}).trustProxy).toBe(false);
    expect(loadGatewayEnv({ TRUST_PROXY: "" }).trustProxy).toBe(false);
    expect(loadGatewayEnv({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadGatewayEnv({ TRUST_PROXY: " 10.0.0.0/8, 192.168.1.5,fd00::/8, loopback " }).trustProxy).toEqual([
      "10.0.0.0/8",
      "192.168.1.5",
      "fd00::/8",
      "loopback",
    ]);
  });
});

describe("failed credentials", () => {
  const bad = { authorization: "Bearer abc.def.ghi" };

  it("are throttled per address: past the limit even a valid token is refused with 429 before it is checked", async () => {
    const client = "203.0.113.20";
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_FAILURES; i++) statuses.push((await postGraphql(proxied.graphqlUrl, COUNTRY, undefined, from(client, bad))).status);
    expect(statuses).toEqual(Array(AUTH_FAILURES).fill(401));
    const res = await fetch(proxied.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...from(client, partner) },
      body: JSON.stringify({ query: COUNTRY }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as { data?: unknown };
    expect(codes(body as never)).toEqual(["RATE_LIMITED"]);
    expect(body.data).toBeUndefined();
    // Another address is not affected.
    expect((await postGraphql(proxied.graphqlUrl, COUNTRY, undefined, from("203.0.113.21", partner))).status).toBe(200);
  });

  it("count guessed API keys too", async () => {
    const client = "203.0.113.30";
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_FAILURES; i++)
      statuses.push((await postGraphql(proxied.graphqlUrl, COUNTRY, undefined, from(client, { "x-api-key": `sstc_guess${i}` }))).status);
    statuses.push((await postGraphql(proxied.graphqlUrl, COUNTRY, undefined, from(client, { "x-api-key": apiKey.key }))).status);
    expect(statuses).toEqual([...Array(AUTH_FAILURES).fill(401), 429]);
  });

  it("are all that is counted: many successful requests leave the failure budget untouched", async () => {
    const client = "203.0.113.40";
    for (let i = 0; i < AUTH_FAILURES * 3; i++) expect((await postGraphql(proxied.graphqlUrl, COUNTRY, undefined, from(client, partner))).status).toBe(200);
    const concurrent = await Promise.all(
      Array.from({ length: AUTH_FAILURES * 3 }, () => postGraphql(proxied.graphqlUrl, COUNTRY, undefined, from(client, partner))),
    );
    expect(concurrent.map((r) => r.status)).toEqual(Array(AUTH_FAILURES * 3).fill(200));
    expect((await postGraphql(proxied.graphqlUrl, COUNTRY, undefined, from(client, bad))).status).toBe(401);
  });
});

describe("the GraphQL endpoint", () => {
  it.each(["/graphql/anything", "/graphql/", "/graphql/graphql"])("is /graphql exactly: POST %s is 404 NOT_FOUND", async (path) => {
    const res = await fetch(`${graph.gateway.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...partner },
      body: JSON.stringify({ query: COUNTRY }),
    });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { data?: unknown };
    expect(codes(body as never)).toEqual(["NOT_FOUND"]);
    expect(body.data).toBeUndefined();
  });

  it("answers /graphql with a query string", async () => {
    const res = await fetch(`${graph.gateway.graphqlUrl}?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", ...partner },
      body: JSON.stringify({ query: COUNTRY }),
    });
    expect(res.status).toBe(200);
  });
});

describe("operations", () => {
  it("refuses two anonymous operations in one document with 400 and a code", async () => {
    const result = await graph.query(`{ a: country(code: "ID") { name } } { b: country(code: "LK") { name } }`, undefined, partner);
    expect(result.status).toBe(400);
    expect(new Set(codes(result))).toEqual(new Set(["GRAPHQL_VALIDATION_FAILED"]));
    expect(result.data).toBeUndefined();
  });

  it("refuses an unknown operationName, and a missing one among several, with 400 and a code", async () => {
    const document = `query A { country(code: "ID") { name } } query B { country(code: "LK") { name } }`;
    const post = (body: Record<string, unknown>) =>
      fetch(graph.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...partner }, body: JSON.stringify(body) });
    for (const body of [{ query: document, operationName: "C" }, { query: document }, { query: COUNTRY, operationName: "Nope" }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(codes((await res.json()) as never)).toEqual(["OPERATION_RESOLUTION_FAILURE"]);
    }
    const chosen = (await (await post({ query: document, operationName: "B" })).json()) as { data?: unknown };
    expect(chosen.data).toEqual({ country: { name: "Sri Lanka" } });
  });

  it("counts __typename aliases against the alias limit", async () => {
    const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    const atLimit = await graph.query(typenames(MAX_ALIASES), undefined, partner);
    expect(atLimit.errors).toBeUndefined();
    const past = await graph.query(typenames(MAX_ALIASES + 1), undefined, partner);
    expect([past.status, codes(past)]).toEqual([400, ["GRAPHQL_VALIDATION_FAILED"]]);
    const many = await graph.query(`{ country(code: "ID") { ${Array.from({ length: 600 }, (_, i) => `t${i}: __typename`).join(" ")} } }`, undefined, partner);
    expect(codes(many)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    // A plain __typename is not an alias.
    expect((await graph.query(`{ __typename country(code: "ID") { __typename name } }`, undefined, partner)).errors).toBeUndefined();
  });
});

describe("suggestions when introspection is off", () => {
  // Each mistake, with the name graphql-js would suggest for it.
  const mistakes: Array<[string, string, Record<string, unknown> | null, string]> = [
    ["a misspelt field", `{ countrie(code: "ID") { name } }`, null, `"country"`],
    ["a misspelt argument", `{ countries(frist: 1) { totalCount } }`, null, `"first"`],
    ["a misspelt enum value", `{ country(code: "ID") { name(lang: ENN) } }`, null, `"EN"`],
    ["a misspelt enum value in a variable", `query($l: Language) { country(code: "ID") { name(lang: $l) } }`, { l: "ENN" }, `"EN"`],
    ["a misspelt type", `query($l: Languag) { country(code: "ID") { name(lang: $l) } }`, null, `"Language"`],
    ["a misspelt input field", `{ programs(filter: { modalty: SOUTH_SOUTH }) { totalCount } }`, null, `"modality"`],
    ["a fragment on a misspelt type", `{ country(code: "ID") { ... on Countr { name } } }`, null, `"Country"`],
  ];

  it.each(mistakes)("are never given in production, for %s", async (_label, query, variables, suggestion) => {
    const result = await postGraphql(production.graphqlUrl, query, variables ?? undefined);
    expect(result.status).toBe(400);
    expect(codes(result)[0]).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
    const messages = (result.errors ?? []).map((e) => e.message).join("\n");
    expect(messages).not.toMatch(/did you mean|suggestion/i);
    expect(messages).not.toContain(suggestion);
    // The same mistake where introspection is on does get the suggestion: the check above is not vacuous.
    const explored = await graph.query(query, variables ?? undefined, partner);
    expect(explored.errors!.map((e) => e.message).join("\n")).toMatch(new RegExp(`Did you mean [^?]*${suggestion}`));
  });
});

describe("request bodies", () => {
  const post = (body: RequestInit["body"], headers: Record<string, string> = { "content-type": "application/json" }) =>
    fetch(graph.gateway.graphqlUrl, { method: "POST", headers: { ...headers, ...partner }, body });
  /** A JSON body with the given raw bytes spliced into a string value. */
  const withBytes = (before: string, bytes: number[], after: string) => Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);

  it("refuses invalid UTF-8 with 400 BAD_REQUEST and stores nothing", async () => {
    const admin = await as("admin");
    const read = async () => (await graph.query(`{ program(id: "${DemoIds.program.tpbis}") { version summary } }`, undefined, admin)).data!.program;
    const before = await read();
    const mutation = `mutation($v: Int!, $s: String) { updateProgram(id: \\"${DemoIds.program.tpbis}\\", version: $v, input: { summaryEn: $s }) { version } }`;
    for (const bytes of [[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const body = withBytes(`{"query":"${mutation}","variables":{"v":${before.version},"s":"Broken `, bytes, ` text"}}`);
      const res = await fetch(graph.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...admin }, body });
      expect(res.status).toBe(400);
      expect(codes((await res.json()) as never)).toEqual(["BAD_REQUEST"]);
    }
    expect(await read()).toEqual(before);
    // The same request in valid UTF-8 goes through, so the refusal above was about the bytes alone.
    const good = withBytes(`{"query":"${mutation}","variables":{"v":${before.version},"s":"Fixed `, [0xc3, 0xa9], ` text"}}`);
    const res = await fetch(graph.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...admin }, body: good });
    expect(res.status).toBe(200);
    expect(await read()).toEqual({ version: before.version + 1, summary: "Fixed é text" });
  });

  it("refuses invalid UTF-8 at the subgraphs too, before anything else", async () => {
    const res = await fetch(graph.subgraphs.institutions.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: withBytes(`{"query":"{ __typename }","x":"`, [0xc0, 0xaf], `"}`),
    });
    expect(res.status).toBe(400);
    expect(codes((await res.json()) as never)).toEqual(["BAD_REQUEST"]);
  });

  it.each([
    ["malformed JSON", `{"query": "{ __typename }"`, undefined],
    ["a JSON array", `[{"query": "{ __typename }"}]`, undefined],
    ["a JSON number", `42`, undefined],
    ["a JSON string", `"{ __typename }"`, undefined],
    ["JSON null", `null`, undefined],
    ["an object without a query", `{"variables": {}}`, undefined],
    ["a query that is not a string", `{"query": 42}`, undefined],
    ["variables that are not an object", `{"query": "{ __typename }", "variables": [1]}`, undefined],
    ["an empty body", ``, undefined],
    ["no body at all", undefined, undefined],
    ["plain text", `{"query": "{ __typename }"}`, { "content-type": "text/plain" }],
    ["an unknown content type", `{"query": "{ __typename }"}`, { "content-type": "application/xml" }],
    ["no content type", `{"query": "{ __typename }"}`, {}],
    ["a charset other than UTF-8", `{"query": "{ __typename }"}`, { "content-type": "application/json; charset=utf-16le" }],
  ])("refuses %s with a 4xx and a code", async (_label, body, headers) => {
    const res = await post(body, headers);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const json = (await res.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    expect(json.errors?.[0]?.extensions?.code).toMatch(/^(BAD_REQUEST|GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED)$/);
    expect(JSON.stringify(json)).not.toMatch(/\bat \w+ \(|node_modules|\/work\//);
  });
});
