import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadGatewayEnv, startGateway, type RunningGateway } from "@sstc/gateway";
import { postGraphql, TEST_SIGNING_SECRET } from "@sstc/testkit";
import { as, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Reads one client request sends a subgraph at the same moment go out as one operation. A recording proxy in
 * front of institutions counts what reaches it, for a gateway that merges and one that does not (the same
 * subgraphs behind both): the answers must be the same, the merging one must send fewer requests and cost
 * fewer statements, and a subgraph failing must cost the same fields.
 */

let graph: TestGraph;
let proxy: Server;
let failing = false;
const received: string[] = [];
let merging: RunningGateway;
let separate: RunningGateway;

beforeAll(async () => {
  graph = await startTestGraph({ gatewayEnv: { RESPONSE_CACHE_MB: "0" } });
  proxy = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    received.push(body);
    if (failing) {
      res.writeHead(502, { "content-type": "text/plain" }).end("bad gateway");
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "x-sstc-principal", "accept-language"]) if (req.headers[name]) headers[name] = String(req.headers[name]);
    const answer = await fetch(graph.subgraphs.institutions.graphqlUrl, { method: "POST", headers, body });
    const back: Record<string, string> = { "content-type": answer.headers.get("content-type") ?? "application/json" };
    if (answer.headers.get("cache-control")) back["cache-control"] = answer.headers.get("cache-control")!;
    res.writeHead(answer.status, back).end(await answer.text());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const start = (merge: string) =>
    startGateway(
      loadGatewayEnv({
        NODE_ENV: "test",
        PORT: "0",
        RATE_LIMIT_PUBLIC: "100000",
        RATE_LIMIT_PARTNER: "100000",
        RESPONSE_CACHE_MB: "0",
        SUBGRAPH_FETCH_MERGING: merge,
        SUBGRAPH_TIMEOUT_MS: "2000",
        PROGRAMS_URL: graph.subgraphs.programs.graphqlUrl,
        INSTITUTIONS_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`,
        PARTNERS_URL: graph.subgraphs.partners.graphqlUrl,
        GATEWAY_SIGNING_SECRET: TEST_SIGNING_SECRET,
        LOG_LEVEL: "silent",
      }),
    );
  merging = await start("true");
  separate = await start("false");
});
afterAll(async () => {
  await merging?.stop();
  await separate?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  await graph?.stop();
});
beforeEach(() => {
  received.length = 0;
  failing = false;
});

// After the programme, the plan reads institutions for the lead institution and, in parallel, for every edition's places and hosts.
const PAGE = `query ProgramPage {
  programByCode(code: "TPBIS-CP") {
    code
    leadInstitution { name acronym country { name } }
    editions(first: 10) { nodes { title venueCountry { name } hostInstitution { name } invitedCountries { code name } } }
    partnerships(first: 10) { nodes { role partner { name homeCountry { name } } } }
  }
}`;

async function run(gateway: RunningGateway, headers: Record<string, string> = {}) {
  received.length = 0;
  const before = graph.subgraphs.institutions.queries.count;
  const result = await postGraphql(gateway.graphqlUrl, PAGE, undefined, headers);
  return { result, requests: received.length, statements: graph.subgraphs.institutions.queries.count - before };
}

describe("reads sent to one subgraph at the same moment", () => {
  it("go out as one operation, with the same answer and fewer statements", async () => {
    for (const headers of [{}, await as("partner")]) {
      const apart = await run(separate, headers);
      const together = await run(merging, headers);
      expect(apart.result.errors).toBeUndefined();
      expect(together.result).toEqual(apart.result);
      expect(apart.requests).toBeGreaterThan(together.requests);
      expect(together.statements).toBeLessThan(apart.statements);
    }
    // The merged operation names its reads apart.
    await run(merging);
    expect(received.some((body) => /_1__entities: _entities\(representations: \$_1_representations\)/.test(JSON.parse(body).query))).toBe(true);
  });

  it("never merge reads of different client requests, whose callers may see different data", async () => {
    const partner = await as("partner");
    received.length = 0;
    const [anonymous, asPartner] = await Promise.all([postGraphql(merging.graphqlUrl, PAGE), postGraphql(merging.graphqlUrl, PAGE, undefined, partner)]);
    expect(anonymous.errors).toBeUndefined();
    expect(asPartner.errors).toBeUndefined();
    const both = received.length;
    // Each request's reads went out together, but never one request's with the other's.
    const one = await run(merging);
    expect(both).toBe(2 * one.requests);
  });

  it("cost the same fields when the subgraph fails, each with SERVICE_UNAVAILABLE at its own path", async () => {
    failing = true;
    const paths = async (gateway: RunningGateway) => {
      const r = await postGraphql(gateway.graphqlUrl, PAGE);
      expect(r.errors?.every((e) => e.extensions?.code === "SERVICE_UNAVAILABLE")).toBe(true);
      return { data: r.data, paths: r.errors!.map((e) => JSON.stringify(e.path)).sort() };
    };
    const apart = await paths(separate);
    const together = await paths(merging);
    expect(together).toEqual(apart);
    expect(together.paths.length).toBeGreaterThan(1);
    expect((together.data as { programByCode: { code: string } }).programByCode.code).toBe("TPBIS-CP");
  });
});
