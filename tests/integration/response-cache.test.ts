import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DemoIds } from "@sstc/demo-data";
import { loadGatewayEnv, startGateway, type RunningGateway } from "@sstc/gateway";
import { postGraphql, postSigned, TEST_SIGNING_SECRET } from "@sstc/testkit";
import { servicePrincipal } from "@sstc/subgraph-kit";
import { as, createProgram, startTestGraph, type TestGraph } from "../support/graph";

/*
 * The gateway's response cache: whole answers to anonymous queries, over HTTP on the real graph. Hits are read
 * off the gateway's own counter and the programs subgraph's SQL statement counter, so a test that expects a hit
 * fails if the subgraphs were asked, and one that expects fresh data fails on any stale answer.
 */

let graph: TestGraph;
let editor: Record<string, string>;
beforeAll(async () => {
  graph = await startTestGraph();
  editor = await as("editor", { institutionId: DemoIds.institution.perpusnas });
});
afterAll(() => graph?.stop());

async function metric(url: string, name: string, labels = ""): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return Number(line?.split(" ").pop() ?? 0);
}
const hits = (gatewayUrl = graph.gateway.graphqlUrl) => metric(gatewayUrl, "sstc_response_cache_requests_total", 'result="hit"');
const statements = () => metric(graph.subgraphs.programs.graphqlUrl, "sstc_sql_statements_total");
const anonymous = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(graph.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });

/** Another gateway on the same subgraphs, with the given settings. */
const gatewayOn = (env: Record<string, string>) =>
  startGateway(
    loadGatewayEnv({
      NODE_ENV: "test",
      PORT: "0",
      RATE_LIMIT_PUBLIC: "100000",
      PROGRAMS_URL: graph.subgraphs.programs.graphqlUrl,
      INSTITUTIONS_URL: graph.subgraphs.institutions.graphqlUrl,
      PARTNERS_URL: graph.subgraphs.partners.graphqlUrl,
      GATEWAY_SIGNING_SECRET: TEST_SIGNING_SECRET,
      LOG_LEVEL: "silent",
      ...env,
    }),
  );

const TITLE = `query Title($code: String!) { programByCode(code: $code) { code title } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version title } }`;

describe("an anonymous query asked again", () => {
  it("is answered from the cache, with an Age header, without asking the subgraphs", async () => {
    const first = await anonymous(TITLE, { code: "TPBIS-CP" });
    expect(first.headers.get("age")).toBeNull();
    const body = await first.json();
    const [hitsBefore, statementsBefore] = [await hits(), await statements()];
    const again = await anonymous(TITLE, { code: "TPBIS-CP" });
    expect(await again.json()).toEqual(body);
    expect(again.headers.get("age")).toMatch(/^\d+$/);
    expect(again.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await hits()).toBe(hitsBefore + 1);
    expect(await statements()).toBe(statementsBefore);
  });

  it("is keyed by its variables and its Accept-Language", async () => {
    const en = (await (await anonymous(TITLE, { code: "TPBIS-CP" }, { "accept-language": "en" })).json()) as { data: { programByCode: { title: string } } };
    const id = (await (await anonymous(TITLE, { code: "TPBIS-CP" }, { "accept-language": "id" })).json()) as { data: { programByCode: { title: string } } };
    expect(id.data.programByCode.title).not.toBe(en.data.programByCode.title);
    const idAgain = (await (await anonymous(TITLE, { code: "TPBIS-CP" }, { "accept-language": "id" })).json()) as typeof id;
    expect(idAgain).toEqual(id);
    const other = (await (await anonymous(TITLE, { code: "TPBIS" })).json()) as { data: unknown; errors?: unknown };
    expect(other).not.toEqual(en);
  });

  it("is never kept when its answer has errors", async () => {
    const query = `{ programs(first: 1000) { totalCount } }`;
    await anonymous(query);
    const before = await hits();
    const again = (await (await anonymous(query)).json()) as { errors?: unknown[] };
    expect(again.errors?.length).toBeGreaterThan(0);
    expect(await hits()).toBe(before);
  });
});

describe("callers who may see more", () => {
  it("are never served from it and never fill it: a partner sees drafts, the public never does", async () => {
    await createProgram(graph, editor, { code: "CACHE-DRAFT", titleEn: "Draft the public must not see", published: false });
    const query = `{ programByCode(code: "CACHE-DRAFT") { code title } }`;
    const partner = await as("partner");
    // The partner asks first, twice: if its answer were kept, the public would be served the draft below.
    for (let i = 0; i < 2; i++)
      expect((await postGraphql(graph.gateway.graphqlUrl, query, undefined, partner)).data).toEqual({
        programByCode: { code: "CACHE-DRAFT", title: expect.any(String) },
      });
    for (let i = 0; i < 2; i++) {
      const body = (await (await anonymous(query)).json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> };
      expect(body.errors?.map((e) => e.extensions.code)).toEqual(["NOT_FOUND"]);
    }
    // A public answer kept for the public is not what a partner gets.
    const list = `{ programs(first: 100, filter: { search: "Draft the public" }) { totalCount } }`;
    await anonymous(list);
    await anonymous(list);
    expect((await postGraphql(graph.gateway.graphqlUrl, list, undefined, partner)).data).toEqual({ programs: { totalCount: 1 } });
    expect(await (await anonymous(list)).json()).toEqual({ data: { programs: { totalCount: 0 } } });
  });
});

describe("writes", () => {
  // A proxy in front of programs holds every mutation for a while before passing it on, so that readers run while a write is
  // under way: they read the old data before the write commits, and their answers arrive while the write's has not.
  let proxy: Server;
  let slow: RunningGateway;
  beforeAll(async () => {
    proxy = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      if (body.includes("mutation")) await new Promise((resolve) => setTimeout(resolve, 150));
      const headers: Record<string, string> = {};
      for (const name of ["content-type", "x-sstc-principal", "accept-language"]) if (req.headers[name]) headers[name] = String(req.headers[name]);
      const answer = await fetch(graph.subgraphs.programs.graphqlUrl, { method: "POST", headers, body });
      // The subgraph's Cache-Control goes back too: the gateway reads each part's cache policy from it.
      const back: Record<string, string> = { "content-type": answer.headers.get("content-type") ?? "application/json" };
      if (answer.headers.get("cache-control")) back["cache-control"] = answer.headers.get("cache-control")!;
      res.writeHead(answer.status, back).end(await answer.text());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    slow = await gatewayOn({ PROGRAMS_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` });
  });
  afterAll(async () => {
    await slow?.stop();
    await new Promise((resolve) => proxy?.close(resolve));
  });

  it("through this gateway are seen by every read that starts after the write's answer, while readers race the writer", async () => {
    const programId = DemoIds.program.tpbisColomboPlan;
    let version = ((await graph.query(`{ program(id: "${programId}") { version } }`, undefined, editor)).data as { program: { version: number } }).program
      .version;
    const acknowledged: number[] = []; // acknowledged[k]: when write k's answer came back
    const reads: Array<{ started: number; seen: number }> = [];
    let writing = true;
    const reader = async () => {
      while (writing) {
        const started = performance.now();
        const body = (await postGraphql(slow.graphqlUrl, TITLE, { code: "TPBIS-CP" })) as { data: { programByCode: { title: string } } };
        const match = /cache race (\d+)$/.exec(body.data.programByCode.title);
        reads.push({ started, seen: match ? Number(match[1]) : -1 });
      }
    };
    const writer = async () => {
      for (let k = 0; k < 8; k++) {
        const r = await postGraphql(slow.graphqlUrl, UPDATE, { id: programId, version, input: { titleEn: `TPBIS cache race ${k}` } }, editor);
        expect(r.errors).toBeUndefined();
        version = (r.data as { updateProgram: { version: number } }).updateProgram.version;
        acknowledged.push(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      writing = false;
    };
    const hitsBefore = await hits(slow.graphqlUrl);
    await Promise.all([writer(), ...Array.from({ length: 8 }, reader)]);
    const stale = reads.filter((read) => read.seen < acknowledged.filter((t) => t < read.started).length - 1);
    expect(reads.length).toBeGreaterThan(50);
    expect(stale).toEqual([]);
    // ...and the readers were served from the cache between writes, or this proves nothing about it.
    expect(await hits(slow.graphqlUrl)).toBeGreaterThan(hitsBefore + 10);
    const last = (await postGraphql(slow.graphqlUrl, TITLE, { code: "TPBIS-CP" })) as { data: { programByCode: { title: string } } };
    expect(last.data.programByCode.title).toBe("TPBIS cache race 7");
  });
});

describe("a gateway with a short CACHE_MAX_AGE", () => {
  let short: RunningGateway;
  beforeAll(async () => {
    short = await gatewayOn({ CACHE_MAX_AGE: "1" });
  });
  afterAll(() => short?.stop());

  it("shows a write made elsewhere once the answer's max-age has passed", async () => {
    const query = `{ programByCode(code: "TPBIS") { title } }`;
    const read = async () => ((await postGraphql(short.graphqlUrl, query)).data as { programByCode: { title: string } }).programByCode.title;
    const before = await read();
    const hitsBefore = await hits(short.graphqlUrl);
    expect(await read()).toBe(before);
    expect(await hits(short.graphqlUrl)).toBe(hitsBefore + 1);
    // A write this gateway never sees: straight to the subgraph that owns the field, as a service.
    const { id, version } = (
      (await graph.query(`{ programByCode(code: "TPBIS") { id version } }`, undefined, editor)).data as { programByCode: { id: string; version: number } }
    ).programByCode;
    const renamed = await postSigned(
      graph.subgraphs.programs.graphqlUrl,
      UPDATE,
      { id, version, input: { titleEn: "Renamed elsewhere" } },
      servicePrincipal("test"),
    );
    expect(renamed.errors).toBeUndefined();
    expect(await read()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await read()).toBe("Renamed elsewhere");
  });
});
