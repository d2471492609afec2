import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { Agent, createServer as createHttpServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import { createTestDatabase, freePort, type TestDatabase } from "@sstc/testkit";

/*
 * How the graph's processes start and stop, over real processes: the
 * launcher (`npm start` and `node scripts/start.js`) under every usual way
 * of stopping it, a start on a taken port, and a single service draining
 * its in-flight requests on SIGTERM. Needs the build (`npm test` builds
 * first).
 */
const ROOT = resolve(__dirname, "../..");
const SUBGRAPH_NAMES = ["programs", "institutions", "partners"];

interface Proc {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  output(): string;
}

const spawned: ChildProcess[] = [];
/** Services seen below a launcher: once the launcher is gone they are no longer its descendants, but must still be cleaned up. */
const seenServices: number[] = [];

/** Spawns a command in a process group of its own, as a terminal runs a foreground job. */
function run(command: string, args: string[], env: Record<string, string | undefined>): Proc {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  spawned.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on("exit", (code, signal) => res({ code, signal })));
  const waitFor = async (pattern: RegExp, ms = 90_000) => {
    const until = Date.now() + ms;
    while (!pattern.test(output)) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited early:\n${output}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}:\n${output}`);
      await sleep(100);
    }
  };
  return { child, exited, waitFor, output: () => output };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every live process below `root` (zombies count as gone). */
function descendants(root: number): number[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,stat="]).toString().trim().split("\n");
  const table = rows.map((r) => r.trim().split(/\s+/)).map(([pid, ppid, stat]) => ({ pid: Number(pid), ppid: Number(ppid), zombie: stat.startsWith("Z") }));
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const row of table)
      if (row.ppid === parent && !row.zombie) {
        found.push(row.pid);
        walk(row.pid);
      }
  };
  walk(root);
  return found;
}

function alive(pid: number) {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

/** Processes still in the process group `pgid`. */
function groupMembers(pgid: number): number[] {
  const rows = execFileSync("ps", ["-eo", "pid=,pgid=,stat="]).toString().trim().split("\n");
  return rows
    .map((r) => r.trim().split(/\s+/))
    .filter(([, group, stat]) => Number(group) === pgid && !stat.startsWith("Z"))
    .map(([pid]) => Number(pid));
}

/** Resolves true once a TCP connection to the port is refused. */
function refuses(port: number): Promise<boolean> {
  return new Promise((res) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), res(false)));
    socket.once("error", (e: NodeJS.ErrnoException) => res(e.code === "ECONNREFUSED"));
  });
}

async function eventually(check: () => boolean | Promise<boolean>, ms = 8_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await sleep(100);
  }
  return check();
}

/** True when a live process works in this checkout, so a recorded pid still names what a test started (not a reused pid). */
function runsHere(pid: number) {
  try {
    return alive(pid) && realpathSync(`/proc/${pid}/cwd`) === realpathSync(ROOT);
  } catch {
    return false;
  }
}

// A failed assertion must not leave a graph running: kill whatever a test started and is still there.
afterEach(() => {
  const pids = new Set<number>();
  for (const child of spawned.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) pids.add(child.pid!);
    // A launcher run by npm shares the group of the spawned process and may outlive it.
    for (const pid of groupMembers(child.pid!)) if (runsHere(pid)) pids.add(pid);
  }
  for (const pid of seenServices.splice(0)) if (runsHere(pid)) pids.add(pid);
  for (const pid of pids) for (const below of descendants(pid)) pids.add(below);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
});

beforeAll(() => {
  if (!existsSync(join(ROOT, "gateway/dist/main.js"))) throw new Error("Build first: npx tsc -b tsconfig.build.json (npm test does it).");
});

describe("the launcher", () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  async function graphEnv() {
    const env: Record<string, string | undefined> = { NODE_ENV: "development", LOG_LEVEL: "warn" };
    const ports: number[] = [];
    for (const name of SUBGRAPH_NAMES) {
      const db = await createTestDatabase(name);
      databases.push(db);
      const port = await freePort();
      ports.push(port);
      env[`${name.toUpperCase()}_PORT`] = String(port);
      env[`${name.toUpperCase()}_DATABASE_URL`] = db.env.DATABASE_URL;
      env[`${name.toUpperCase()}_SQLITE_PATH`] = db.env.SQLITE_PATH;
    }
    const gatewayPort = await freePort();
    env.GATEWAY_PORT = String(gatewayPort);
    return { env, ports: [...ports, gatewayPort] };
  }

  /** Starts the graph, checks it answers, and returns it with the four service processes below it. */
  async function startGraph(viaNpm: boolean) {
    const { env, ports } = await graphEnv();
    const graph = viaNpm ? run("npm", ["start", "--silent"], env) : run(process.execPath, ["scripts/start.js"], env);
    await graph.waitFor(/is up/);
    const answer = await fetch(`http://127.0.0.1:${ports[3]}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await answer.json()).toEqual({ data: { __typename: "Query" } });
    const services = descendants(graph.child.pid!).filter((pid) => /dist\/main\.js/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8")));
    seenServices.push(...services);
    expect(services).toHaveLength(4);
    return { graph, ports, services };
  }

  async function expectAllStopped(graph: Proc, ports: number[], services: number[]) {
    for (const port of ports) expect(await eventually(() => refuses(port))).toBe(true);
    expect(await eventually(() => services.every((pid) => !alive(pid)))).toBe(true);
    expect(await eventually(() => groupMembers(graph.child.pid!).length === 0)).toBe(true);
  }

  it("stops every service on Ctrl-C (SIGINT to the foreground process group of npm start)", async () => {
    const { graph, ports, services } = await startGraph(true);
    process.kill(-graph.child.pid!, "SIGINT");
    await graph.exited;
    await expectAllStopped(graph, ports, services);
  });

  it("stops every service on SIGTERM to npm start's npm process", async () => {
    const { graph, ports, services } = await startGraph(true);
    graph.child.kill("SIGTERM");
    await graph.exited;
    await expectAllStopped(graph, ports, services);
  });

  it("stops every service and exits 0 on SIGTERM to node scripts/start.js", async () => {
    const { graph, ports, services } = await startGraph(false);
    graph.child.kill("SIGTERM");
    expect(await graph.exited).toEqual({ code: 0, signal: null });
    await expectAllStopped(graph, ports, services);
  });

  it("leaves no service running when the launcher is SIGKILLed", async () => {
    const { graph, ports, services } = await startGraph(false);
    graph.child.kill("SIGKILL");
    await graph.exited;
    await expectAllStopped(graph, ports, services);
  });

  it("fails a start on a taken port before anything claims to be up, naming the port and service, and starts nothing", async () => {
    const { env, ports } = await graphEnv();
    // Whatever holds the port answers /ready like a graph would: the launcher must not take it for its own.
    const impostor = createHttpServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ready"}'));
    await new Promise<void>((r) => impostor.listen(ports[1], "127.0.0.1", r));
    try {
      const graph = run(process.execPath, ["scripts/start.js"], env);
      const { code } = await graph.exited;
      expect(code).not.toBe(0);
      expect(graph.output()).not.toMatch(/is up/);
      expect(graph.output()).toContain(`port ${ports[1]}`);
      expect(graph.output()).toContain("institutions");
      expect(graph.output()).toContain("INSTITUTIONS_PORT");
      for (const port of [ports[0], ports[2], ports[3]]) expect(await refuses(port)).toBe(true);
    } finally {
      await new Promise((r) => impostor.close(r));
    }
  });

  it("fails the start, never claiming to be up, and leaves nothing running when a service cannot start", async () => {
    const { env, ports } = await graphEnv();
    env.PARTNERS_DATABASE_URL = "postgres://not-supported";
    const graph = run(process.execPath, ["scripts/start.js"], env);
    await graph.waitFor(/partners exited/);
    const services = descendants(graph.child.pid!);
    seenServices.push(...services);
    expect((await graph.exited).code).toBe(1);
    expect(graph.output()).toContain("DATABASE_URL");
    expect(graph.output()).not.toMatch(/is up/);
    for (const port of ports) expect(await eventually(() => refuses(port))).toBe(true);
    expect(await eventually(() => services.every((pid) => !alive(pid)))).toBe(true);
  });

  it("refuses two services on one port", async () => {
    const { env } = await graphEnv();
    env.GATEWAY_PORT = env.PARTNERS_PORT;
    const graph = run(process.execPath, ["scripts/start.js"], env);
    expect((await graph.exited).code).toBe(1);
    expect(graph.output()).toMatch(/gateway and partners are both set to port \d+/);
    expect(graph.output()).not.toMatch(/is up/);
  });
});

describe("a service stopping under load", () => {
  let subgraph: Server;
  const held: ServerResponse[] = [];
  let received = 0;
  let holding = true;
  const answer = (res: ServerResponse) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { programs: { totalCount: 7 } } }));

  // Stands in for the three subgraphs: holds every GraphQL answer until released, or answers after 20 ms, and counts what reached it.
  beforeAll(async () => {
    subgraph = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === "/ready") return void res.writeHead(200).end("{}");
      req.resume();
      req.on("end", () => {
        received++;
        if (holding) held.push(res);
        else setTimeout(() => answer(res), 20);
      });
    });
    await new Promise<void>((r) => subgraph.listen(0, "127.0.0.1", r));
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    await new Promise((r) => subgraph.close(r));
  });

  async function startGateway() {
    received = 0;
    const port = await freePort();
    const fake = `http://127.0.0.1:${(subgraph.address() as { port: number }).port}/graphql`;
    const gateway = run(process.execPath, ["gateway/dist/main.js"], {
      PORT: String(port),
      PROGRAMS_URL: fake,
      INSTITUTIONS_URL: fake,
      PARTNERS_URL: fake,
      LOG_LEVEL: "warn",
      RATE_LIMIT_PUBLIC: "1000000",
      APOLLO_TELEMETRY_DISABLED: "1",
    });
    // Readiness from /ready, not from a log line: log formats and levels are configuration.
    expect(
      await eventually(
        () =>
          fetch(`http://127.0.0.1:${port}/ready`).then(
            (r) => r.ok,
            () => false,
          ),
        30_000,
      ),
    ).toBe(true);
    return { gateway, port, url: `http://127.0.0.1:${port}/graphql` };
  }

  it("answers every accepted request in full, refuses new connections, and exits 0 on SIGTERM", async () => {
    holding = true;
    const { gateway, port, url } = await startGateway();
    // Each request in its own language: identical reads in flight together would share one subgraph call, and this test counts the calls.
    let sent = 0;
    const post = (query: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": `en-x-${++sent}` },
        body: JSON.stringify({ query }),
      }).then(async (res) => ({
        status: res.status,
        body: await res.json(),
      }));

    const slow = Array.from({ length: 30 }, () => post("{ programs { totalCount } }"));
    const fast = Array.from({ length: 10 }, () => post("{ __typename }"));
    expect(await Promise.all(fast)).toEqual(Array.from({ length: 10 }, () => ({ status: 200, body: { data: { __typename: "Query" } } })));
    expect(await eventually(() => received === 30, 30_000)).toBe(true);

    gateway.child.kill("SIGTERM");
    expect(await eventually(() => refuses(port), 5_000)).toBe(true);
    expect(gateway.child.exitCode).toBeNull();
    for (const res of held.splice(0)) answer(res);

    const answers = await Promise.all(slow);
    expect(answers).toEqual(Array.from({ length: 30 }, () => ({ status: 200, body: { data: { programs: { totalCount: 7 } } } })));
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
  });

  it("answers every request it started on keep-alive connections under steady load when SIGTERM arrives", async () => {
    holding = false;
    const { gateway, port } = await startGateway();
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const body = JSON.stringify({ query: "{ programs { totalCount } }" });
    const outcomes = { answered: 0, wrong: [] as string[], notAccepted: 0 };
    let running = true;
    // Each request in its own language, so that each is one subgraph call (identical reads in flight together share one).
    let sent = 0;
    const one = () =>
      new Promise<void>((done) => {
        const req = request(
          {
            host: "127.0.0.1",
            port,
            path: "/graphql",
            method: "POST",
            agent,
            headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "accept-language": `en-x-${++sent}` },
          },
          (res) => {
            let text = "";
            res.on("data", (d) => (text += d));
            res.on("end", () => {
              if (res.statusCode === 200 && text === `{"data":{"programs":{"totalCount":7}}}\n`) outcomes.answered++;
              else outcomes.wrong.push(`${res.statusCode} ${text}`);
              done();
            });
          },
        );
        // Refused, or reset before the gateway read the request: the received count below tells these from dropped ones.
        req.on("error", () => (outcomes.notAccepted++, done()));
        req.end(body);
      });
    const clients = Array.from({ length: 16 }, async () => {
      while (running) await one();
    });
    await eventually(() => received >= 200, 30_000);
    gateway.child.kill("SIGTERM");
    const exit = await gateway.exited;
    running = false;
    await Promise.all(clients);
    agent.destroy();

    expect(exit).toEqual({ code: 0, signal: null });
    expect(outcomes.wrong).toEqual([]);
    expect(outcomes.answered).toBeGreaterThanOrEqual(200);
    // Every request that reached the subgraph was one the gateway had accepted: each must have been answered in full.
    expect(outcomes.answered).toBe(received);
  });
});
