import { createServer, type Socket } from "node:net";
import { startSubgraph } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { createTestDatabase, testSubgraphEnv, type TestDatabase } from "@sstc/testkit";
import { partnersSubgraph } from "@sstc/partners";
import { startTestGraph, type GraphqlResult, type TestGraph } from "../support/graph";

/* One subgraph (partners) stopped, hung, and back again, seen through the gateway over HTTP. */

const DEADLINE_MS = 1_000;
let graph: TestGraph;
let partnersDb: TestDatabase;
let partnersPort: number;

beforeAll(async () => {
  // partners gets a database of its own here, so that it can be started again on the same data.
  partnersDb = await createTestDatabase("partners");
  // No response cache: every request here must reach the subgraphs, or a fault would be hidden behind an answer kept from before it.
  graph = await startTestGraph({
    gatewayEnv: { SUBGRAPH_TIMEOUT_MS: String(DEADLINE_MS), RESPONSE_CACHE_MB: "0" },
    subgraphEnvOf: { partners: partnersDb.env },
  });
  partnersPort = graph.subgraphs.partners.port;
});
afterAll(async () => {
  await graph?.stop();
  await partnersDb?.drop();
});

/*
 * Each test brings its fault about itself (beforeEach) and the graph is whole again after it
 * (afterEach), so the tests pass in any order (`jest --randomize`) and alone (`-t`).
 */
let partnersRunning = true;

async function stopPartners() {
  if (!partnersRunning) return;
  partnersRunning = false;
  await graph.subgraphs.partners.stop();
}

async function startPartnersAgain() {
  if (partnersRunning) return;
  partnersRunning = true;
  graph.subgraphs.partners = await startSubgraph(partnersSubgraph, {
    ...testSubgraphEnv(partnersDb, "never"),
    PROGRAMS_URL: graph.subgraphs.programs.graphqlUrl,
    INSTITUTIONS_URL: graph.subgraphs.institutions.graphqlUrl,
    PARTNERS_URL: `http://127.0.0.1:${partnersPort}/graphql`,
    PORT: partnersPort,
  });
}

/** A server that accepts connections on the port and never answers: a subgraph that hangs. */
async function hangOn(port: number) {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    accepted: () => sockets.size,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Repeats the request until it answers without errors; returns the answer and how many attempts it took. */
async function untilServed(query: string, attempts = 50) {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await graph.query(query);
    if (!result.errors) return { result, attempt };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not served after ${attempts} attempts`);
}

const WITHOUT_PARTNERS = `{
  countries(first: 3) { nodes { code name } }
  program(id: "${DemoIds.program.tpbisColomboPlan}") { code title }
}`;

// `partner` is a nullable root field; `partnerships` is resolved by partners on a programme that programs resolves.
const WITH_PARTNERS = `{
  countries(first: 3) { nodes { code name } }
  partner(id: "${DemoIds.partner.perpusnas}") { id }
  programByCode(code: "TPBIS-CP") { code partnerships { totalCount } }
}`;

const COUNTRIES = { nodes: expect.arrayContaining([expect.objectContaining({ code: expect.stringMatching(/^[A-Z]{2}$/), name: expect.any(String) })]) };

function expectFaultAtPaths(result: GraphqlResult, code: string) {
  expect(result.status).toBe(200);
  expect(result.data!.countries).toEqual(COUNTRIES);
  expect(result.data!.countries.nodes).toHaveLength(3);
  expect(result.data!.partner).toBeNull();
  // While `partnerships` is non-null its failure nulls the programme; once nullable, only itself.
  if (result.data!.programByCode !== null) expect(result.data!.programByCode).toEqual({ code: "TPBIS-CP", partnerships: null });
  expect(
    result
      .errors!.map((e) => ({ path: e.path, code: e.extensions?.code, service: e.extensions?.service }))
      .sort((a, b) => String(a.path).localeCompare(String(b.path))),
  ).toEqual([
    { path: ["partner"], code, service: "partners" },
    { path: ["programByCode", "partnerships"], code, service: "partners" },
  ]);
  const body = JSON.stringify(result.errors);
  expect(body).not.toMatch(/127\.0\.0\.1|localhost|http:|stacktrace/);
  expect(body).not.toContain(String(partnersPort));
}

describe("a stopped subgraph", () => {
  beforeEach(async () => {
    // A served request first, so the gateway holds keep-alive connections to partners when it goes away.
    expect((await untilServed(WITH_PARTNERS, 5)).result.errors).toBeUndefined();
    await stopPartners();
  });
  afterEach(startPartnersAgain);

  it("does not affect operations that do not need it", async () => {
    const result = await graph.query(WITHOUT_PARTNERS);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ countries: COUNTRIES, program: { code: "TPBIS-CP", title: expect.stringMatching(/\w/) } });
  });

  it("costs only its own fields, each with SERVICE_UNAVAILABLE and the subgraph's name at its path", async () => {
    expectFaultAtPaths(await graph.query(WITH_PARTNERS), "SERVICE_UNAVAILABLE");
  });

  it("names the missing subgraph when another subgraph needed it to filter", async () => {
    const result = await graph.query(`{ programs(filter: { partnerId: "${DemoIds.partner.perpusnas}" }) { totalCount } }`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ["programs"], extensions: { code: "SERVICE_UNAVAILABLE", service: "partners" } });
    expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|http:/);
  });

  it("leaves the gateway live and ready, and shows the subgraph down on /ready/subgraphs", async () => {
    // Live traffic that needed partners: its failure replaces a probe result cached while partners was up.
    await graph.query(WITH_PARTNERS);
    expect((await fetch(`${graph.gateway.url}/health`)).status).toBe(200);
    expect((await fetch(`${graph.gateway.url}/ready`)).status).toBe(200);
    const res = await fetch(`${graph.gateway.url}/ready/subgraphs`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; subgraphs: Array<Record<string, any>> };
    expect(body.status).toBe("degraded");
    const byName = Object.fromEntries(body.subgraphs.map((s) => [s.name, s]));
    expect(byName.partners).toMatchObject({ state: "down", reason: "unreachable", lastFailure: { code: "SERVICE_UNAVAILABLE" } });
    expect(byName.programs).toMatchObject({ state: "up" });
    expect(byName.institutions).toMatchObject({ state: "up" });
    expect(new Date(byName.partners.checkedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|http:/);
  });

  it("is served again as soon as it is back on its port, without restarting the gateway", async () => {
    await startPartnersAgain();
    const { result, attempt } = await untilServed(WITH_PARTNERS, 5);
    expect(attempt).toBeLessThanOrEqual(2);
    expect(result.data!.partner).toEqual({ id: DemoIds.partner.perpusnas });
    expect(result.data!.programByCode.partnerships.totalCount).toBeGreaterThan(0);
    const res = await fetch(`${graph.gateway.url}/ready/subgraphs`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { subgraphs: Array<{ state: string }> }).subgraphs.map((s) => s.state)).toEqual(["up", "up", "up"]);
  });
});

describe("a hung subgraph (accepts connections, never answers)", () => {
  let hung: Awaited<ReturnType<typeof hangOn>> | undefined;
  const closeHung = async () => {
    await hung?.close();
    hung = undefined;
  };
  beforeEach(async () => {
    await stopPartners();
    hung = await hangOn(partnersPort);
  });
  afterEach(async () => {
    await closeHung();
    await startPartnersAgain();
  });

  it("costs only its own fields, each with SERVICE_TIMEOUT, once the deadline has passed", async () => {
    const started = Date.now();
    const result = await graph.query(WITH_PARTNERS);
    const elapsed = Date.now() - started;
    expectFaultAtPaths(result, "SERVICE_TIMEOUT");
    expect(hung!.accepted()).toBeGreaterThan(0);
    // The two partners fetches wait in parallel and in sequence after programs: about one deadline, never unbounded.
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(elapsed).toBeLessThan(3 * DEADLINE_MS + 2_000);
  });

  it("does not hold operations that do not need it", async () => {
    const result = await graph.query(WITHOUT_PARTNERS);
    expect(result.errors).toBeUndefined();
    expect(result.data!.countries.nodes).toHaveLength(3);
  });

  it("keeps the gateway ready and shows the subgraph timing out", async () => {
    // The gateway learns of the timeout from a request it could not get answered.
    await graph.query(WITH_PARTNERS);
    expect((await fetch(`${graph.gateway.url}/ready`)).status).toBe(200);
    const res = await fetch(`${graph.gateway.url}/ready/subgraphs`);
    expect(res.status).toBe(503);
    const partners = ((await res.json()) as { subgraphs: Array<Record<string, any>> }).subgraphs.find((s) => s.name === "partners");
    expect(partners).toMatchObject({ state: "down", reason: "timed out", lastFailure: { code: "SERVICE_TIMEOUT" } });
  });

  it("is served again once the real subgraph listens on the port", async () => {
    await closeHung();
    await startPartnersAgain();
    const { result, attempt } = await untilServed(WITH_PARTNERS, 5);
    expect(attempt).toBeLessThanOrEqual(2);
    expect(result.data!.partner).toEqual({ id: DemoIds.partner.perpusnas });
  });
});
