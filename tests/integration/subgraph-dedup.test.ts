import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadGatewayEnv, startGateway, type RunningGateway } from "@sstc/gateway";
import { postGraphql, TEST_SIGNING_SECRET } from "@sstc/testkit";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Identical subgraph reads in flight at the same moment are sent once. A recording proxy in front of
 * programs counts what reaches it and holds every call for a moment, so that concurrent requests overlap.
 */

const HOLD_MS = 300;
let graph: TestGraph;
let gateway: RunningGateway;
let proxy: Server;
const received: Array<{ body: string; principal: string | undefined; acceptLanguage: string | undefined }> = [];
let failNext = false;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

beforeAll(async () => {
  graph = await startTestGraph();
  proxy = createServer(async (req, res) => {
    const body = await readBody(req);
    received.push({ body, principal: req.headers["x-sstc-principal"] as string | undefined, acceptLanguage: req.headers["accept-language"] });
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    if (failNext) {
      res.writeHead(502, { "content-type": "text/plain" }).end("bad gateway");
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "x-sstc-principal", "accept-language"]) if (req.headers[name]) headers[name] = String(req.headers[name]);
    const answer = await fetch(graph.subgraphs.programs.graphqlUrl, { method: "POST", headers, body });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(await answer.text());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  gateway = await startGateway(
    loadGatewayEnv({
      NODE_ENV: "test",
      PORT: "0",
      RATE_LIMIT_PUBLIC: "100000",
      // Deduplication is under test, not the response cache: every request must reach the gateway's data sources.
      RESPONSE_CACHE_MB: "0",
      PROGRAMS_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`,
      INSTITUTIONS_URL: graph.subgraphs.institutions.graphqlUrl,
      PARTNERS_URL: graph.subgraphs.partners.graphqlUrl,
      GATEWAY_SIGNING_SECRET: TEST_SIGNING_SECRET,
      LOG_LEVEL: "silent",
    }),
  );
});
afterAll(async () => {
  await gateway?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  await graph?.stop();
});
beforeEach(() => {
  received.length = 0;
  failNext = false;
});

const PROGRAM = `{ programByCode(code: "TPBIS-CP") { code } }`;
const send = (query: string, headers: Record<string, string> = {}) => postGraphql(gateway.graphqlUrl, query, undefined, headers);
const concurrently = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)));

describe("identical subgraph reads in flight together", () => {
  it("reach the subgraph once, and every caller gets the whole answer", async () => {
    const results = await concurrently(8, () => send(PROGRAM));
    expect(received).toHaveLength(1);
    for (const result of results) expect(result.data).toEqual({ programByCode: { code: "TPBIS-CP" } });
  });

  it("are sent again once the first answer is in (nothing is cached)", async () => {
    await send(PROGRAM);
    await send(PROGRAM);
    expect(received).toHaveLength(2);
  });

  it("are never shared across principals: one call per caller who may see different data", async () => {
    const callers = [{}, await as("partner", { subject: "a" }), await as("partner", { subject: "b" }), await as("editor", { subject: "a" })];
    const results = await concurrently(8, (i) => send(PROGRAM, callers[i % callers.length]));
    for (const result of results) expect(result.data).toEqual({ programByCode: { code: "TPBIS-CP" } });
    expect(received).toHaveLength(callers.length);
    expect(new Set(received.map((r) => r.principal)).size).toBe(callers.length);
  });

  it("are never shared across languages", async () => {
    await concurrently(4, (i) => send(PROGRAM, { "accept-language": i % 2 ? "id" : "en" }));
    expect(received.map((r) => r.acceptLanguage).sort()).toEqual(["en", "id"]);
  });

  it("differing in variables are separate calls", async () => {
    const byCode = `query($code: String!) { programByCode(code: $code) { code } }`;
    await concurrently(4, (i) => postGraphql(gateway.graphqlUrl, byCode, { code: i % 2 ? "TPBIS-CP" : "NONE" }));
    expect(received).toHaveLength(2);
  });

  it("share a failure with those waiting, and the next request is sent afresh", async () => {
    failNext = true;
    const failed = await concurrently(4, () => send(PROGRAM));
    expect(received).toHaveLength(1);
    for (const result of failed) expect(codes(result)).toEqual(["SERVICE_UNAVAILABLE"]);
    failNext = false;
    const served = await send(PROGRAM);
    expect(served.errors).toBeUndefined();
    expect(served.data).toEqual({ programByCode: { code: "TPBIS-CP" } });
    expect(received).toHaveLength(2);
  });
});

describe("mutations", () => {
  it("are never shared, even when identical and from the same caller at the same moment", async () => {
    const editor = await as("editor", { subject: "same" });
    const mutation = `mutation { removeActivityPerson(id: "00000000-0000-4000-8000-000000000000", version: 1) }`;
    const results = await concurrently(4, () => send(mutation, editor));
    expect(received).toHaveLength(4);
    for (const result of results) expect(result.errors).toBeDefined();
  });
});
