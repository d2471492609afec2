import { createServer, type Server } from "node:http";
import { DemoIds } from "@sstc/demo-data";
import { freePort } from "@sstc/testkit";
import { as, createProgram, startTestGraph, type TestGraph } from "../support/graph";

/*
 * The partners subgraph hides the partnerships of drafts by asking the programs subgraph which programmes and
 * editions the caller may not see. It asks about the ids at hand only: the work of a public page must follow the
 * page, not the number of drafts in the whole database. A recording proxy between partners and programs shows
 * what is asked and answered.
 */

let graph: TestGraph;
let proxy: Server;
let programsUrl = "";
const calls: Array<{ query: string; variables: Record<string, string[]>; answer: { data?: Record<string, string[]> } }> = [];

beforeAll(async () => {
  proxy = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "x-sstc-principal", "accept-language"]) if (req.headers[name]) headers[name] = String(req.headers[name]);
    const answer = await fetch(programsUrl, { method: "POST", headers, body });
    const text = await answer.text();
    const sent = JSON.parse(body) as { query: string; variables?: Record<string, string[]> };
    if (/HiddenPrograms/.test(sent.query)) calls.push({ query: sent.query, variables: sent.variables ?? {}, answer: JSON.parse(text) });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(text);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
  graph = await startTestGraph({
    gatewayEnv: { RESPONSE_CACHE_MB: "0", RATE_LIMIT_EDITOR: "100000" },
    subgraphEnvOf: { partners: { PROGRAMS_URL: `http://127.0.0.1:${port}/graphql` } },
  });
  programsUrl = graph.subgraphs.programs.graphqlUrl;
  // Drafts elsewhere in the database, none of them on the page asked for below.
  const editor = await as("editor", { institutionId: DemoIds.institution.perpusnas });
  await Promise.all(Array.from({ length: 25 }, (_, i) => createProgram(graph, editor, { code: `HIDDEN-${i}`, titleEn: `Unannounced ${i}`, published: false })));
});
afterAll(async () => {
  await graph?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
});
beforeEach(() => {
  calls.length = 0;
});

const PAGE = `{ programByCode(code: "TPBIS-CP") { partnerships(first: 20) { totalCount nodes { role partner { name } program { code } edition { id } } } } }`;

describe("the partnerships of a public page", () => {
  it("are checked against the programs subgraph for the programmes and editions on the page only", async () => {
    const result = await graph.query(PAGE);
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as { programByCode: { partnerships: { totalCount: number; nodes: Array<{ program: { code: string } }> } } }).programByCode
      .partnerships;
    expect(nodes.totalCount).toBeGreaterThan(0);
    expect(nodes.nodes.every((n) => n.program.code === "TPBIS-CP")).toBe(true);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      // Asked about the page's programme (and its editions) only...
      expect(call.variables.programIds).toEqual([DemoIds.program.tpbisColomboPlan]);
      // ...and told about none of the 25 drafts elsewhere.
      expect(call.answer.data?.hiddenDraftProgramIds ?? []).toEqual([]);
    }
  });

  it("leave out a draft's partnerships and its reference, and a partner still sees them", async () => {
    const editor = await as("editor", { institutionId: DemoIds.institution.perpusnas });
    const draft = await graph.query(`{ programByCode(code: "HIDDEN-0") { id } }`, undefined, editor);
    const partnerId = DemoIds.partner.perpusnas;
    const created = await graph.query(
      `mutation($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id } }`,
      { input: { programId: (draft.data as { programByCode: { id: string } }).programByCode.id, partnerId, role: "FUNDING" } },
      await as("admin"),
    );
    expect(created.errors).toBeUndefined();
    const list = `{ partner(id: "${partnerId}") { partnerships(first: 100) { totalCount nodes { role program { code } } } } }`;
    type Listed = { partner: { partnerships: { totalCount: number; nodes: Array<{ role: string; program: { code: string } | null }> } } };
    const anonymous = (await graph.query<Listed>(list)).data!.partner.partnerships;
    const partner = (await graph.query<Listed>(list, undefined, await as("partner"))).data!.partner.partnerships;
    expect(anonymous.nodes.map((n) => n.program?.code)).not.toContain("HIDDEN-0");
    expect(anonymous.nodes.every((n) => n.program !== null)).toBe(true);
    expect(anonymous.totalCount).toBe(anonymous.nodes.length);
    expect(partner.nodes.map((n) => n.program?.code)).toContain("HIDDEN-0");
    expect(partner.totalCount).toBe(anonymous.totalCount + 1);
    // The anonymous list asked about the partner's own programmes, and heard of no draft but the one it lists.
    const draftId = (draft.data as { programByCode: { id: string } }).programByCode.id;
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.variables.programIds.length).toBeLessThanOrEqual(partner.totalCount);
      for (const id of call.answer.data?.hiddenDraftProgramIds ?? []) expect(id).toBe(draftId);
    }
  });
});
