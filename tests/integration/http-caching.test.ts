import { createHash } from "node:crypto";
import { as, startTestGraph, type TestGraph } from "../support/graph";

/* Cache-Control, conditional GET, compression and automatic persisted queries on the gateway, over HTTP. */

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(async () => {
  await graph?.stop();
});

// GET needs a header that a cross-site form cannot send (Apollo Server's CSRF prevention); CDNs and clients send this one.
const PREFLIGHT = { "apollo-require-preflight": "true" };
// fetch adds `Cache-Control: no-cache` to a conditional request (which asks to skip validation) unless one is given: a browser revalidating sends max-age=0.
const REVALIDATE = { "cache-control": "max-age=0" };
const COUNTRY = `{ country(code: "LK") { name } }`;
const getUrl = (params: Record<string, string>) => `${graph.gateway.graphqlUrl}?${new URLSearchParams(params)}`;
const post = (query: string, headers: Record<string, string> = {}) =>
  fetch(graph.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });

describe("Cache-Control", () => {
  it("lets shared caches keep an anonymous read for the subgraphs' max-age, varying by language and credentials", async () => {
    const res = await fetch(getUrl({ query: COUNTRY }), { headers: PREFLIGHT });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown }).data).toEqual({ country: { name: expect.any(String) } });
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("vary")).toEqual(expect.stringContaining("Accept-Language"));
    expect(res.headers.get("vary")).toEqual(expect.stringContaining("Authorization"));
    expect(res.headers.get("vary")).toEqual(expect.stringContaining("X-API-Key"));
  });

  it("is no-store for anything authenticated", async () => {
    const res = await post(COUNTRY, await as("partner"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("is no-store for mutations and for errors", async () => {
    const mutation = await post(`mutation { removeActivityPerson(id: "00000000-0000-4000-8000-000000000000", version: 1) }`, await as("editor"));
    expect(mutation.headers.get("cache-control")).toBe("no-store");
    const refused = await post(`mutation { removeActivityPerson(id: "00000000-0000-4000-8000-000000000000", version: 1) }`);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const invalid = await fetch(getUrl({ query: "{ noSuchField }" }), { headers: PREFLIGHT });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("cache-control")).toBe("no-store");
    // A subgraph's refusal beside data: the answer is 200 with errors, and still never cached.
    const partly = await fetch(getUrl({ query: `{ country(code: "LK") { name } programs(first: 1000) { totalCount } }` }), { headers: PREFLIGHT });
    expect(((await partly.json()) as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
    expect(partly.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a GET without the preflight header (CSRF prevention), and says what to send", async () => {
    const res = await fetch(getUrl({ query: COUNTRY }));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Apollo-Require-Preflight/i);
  });
});

describe("conditional GET", () => {
  it("answers 304 without a body when If-None-Match names the current ETag", async () => {
    const first = await fetch(getUrl({ query: COUNTRY }), { headers: PREFLIGHT });
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await fetch(getUrl({ query: COUNTRY }), { headers: { ...PREFLIGHT, ...REVALIDATE, "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await fetch(getUrl({ query: COUNTRY }), { headers: { ...PREFLIGHT, ...REVALIDATE, "if-none-match": '"something-else"' } });
    expect(other.status).toBe(200);
  });
});

describe("compression", () => {
  it("compresses large answers for clients that accept it, and leaves small ones as they are", async () => {
    const large = await post(`{ countries(first: 100) { nodes { code name nameId: name(lang: ID) } } }`, { "accept-encoding": "gzip" });
    expect(large.headers.get("content-encoding")).toBe("gzip");
    expect(((await large.json()) as { data: { countries: { nodes: unknown[] } } }).data.countries.nodes.length).toBeGreaterThan(10);
    const small = await post(`{ __typename }`, { "accept-encoding": "gzip" });
    expect(small.headers.get("content-encoding")).toBeNull();
    const plain = await post(`{ countries(first: 100) { nodes { code name } } }`, { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
  });

  it("serves the GraphiQL page compressed, with an ETag, a long lifetime and 304 on revalidation", async () => {
    const page = await fetch(`${graph.gateway.url}/graphiql`, { headers: { "accept-encoding": "br, gzip" } });
    expect(page.status).toBe(200);
    expect(["br", "gzip"]).toContain(page.headers.get("content-encoding"));
    expect(page.headers.get("cache-control")).toMatch(/max-age=86400/);
    expect((await page.text()).length).toBeGreaterThan(1_000_000);
    const etag = page.headers.get("etag")!;
    const again = await fetch(`${graph.gateway.url}/graphiql`, { headers: { ...REVALIDATE, "if-none-match": etag } });
    expect(again.status).toBe(304);
  });
});

describe("automatic persisted queries", () => {
  const query = `query Country { country(code: "ID") { code name } }`;
  const sha256Hash = createHash("sha256").update(query).digest("hex");
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });

  it("serve a registered query by its hash over GET, cacheable like any public read", async () => {
    const unknown = await fetch(getUrl({ extensions }), { headers: PREFLIGHT });
    expect(((await unknown.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    const register = await fetch(getUrl({ query, extensions }), { headers: PREFLIGHT });
    expect(register.status).toBe(200);
    const byHash = await fetch(getUrl({ extensions, operationName: "Country" }), { headers: PREFLIGHT });
    expect(byHash.status).toBe(200);
    expect(await byHash.json()).toEqual({ data: { country: { code: "ID", name: expect.any(String) } } });
    expect(byHash.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("still go through the cost and depth limits", async () => {
    const deep = `{ ${"programs { nodes { editions { nodes { program { ".repeat(4)} code ${"} } } } }".repeat(4)} }`;
    const hash = createHash("sha256").update(deep).digest("hex");
    const res = await fetch(graph.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: deep, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.length).toBeGreaterThan(0);
    const byHash = await fetch(getUrl({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) }), { headers: PREFLIGHT });
    const again = (await byHash.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    expect(again.data).toBeUndefined();
    expect(again.errors?.length).toBeGreaterThan(0);
  });
});
