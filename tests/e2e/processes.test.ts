import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DEV_SIGNING_SECRET, servicePrincipal } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { createTestDatabase, freePort, postGraphql, postSigned, type TestDatabase } from "@sstc/testkit";

/*
 * The real processes, as a user starts them: `node scripts/start.js` (what
 * `npm start` runs after building) and a single subgraph from its own
 * environment, the way a container runs it. Needs the build (`npm test`
 * builds first).
 */
const ROOT = resolve(__dirname, "../..");

const spawned: ChildProcess[] = [];

function run(script: string, env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  const waitFor = async (pattern: RegExp, ms = 60_000) => {
    const until = Date.now() + ms;
    while (!pattern.test(output)) {
      if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

const stopped = (child: ChildProcess, exited: Promise<number | null>) => {
  child.kill("SIGTERM");
  return exited;
};

/** Every live process below `root`, found through /proc (the launcher's services run in process groups of their own). */
function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) start with the state, then the parent pid.
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (state === "Z") continue;
      parents.set(Number(ppid), [...(parents.get(Number(ppid)) ?? []), Number(entry)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

// A failed step must not leave a graph running: kill whatever a test started and is still there, services included.
afterEach(() => {
  for (const child of spawned.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    for (const pid of [...descendants(child.pid!), child.pid!]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }
});

beforeAll(() => {
  if (!existsSync(join(ROOT, "gateway/dist/main.js"))) throw new Error("Build first: npm run build (npm test does it).");
});

describe("npm start", () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it("starts the seeded graph, serves GraphiQL offline, and stops every process on SIGTERM", async () => {
    const env: Record<string, string | undefined> = { NODE_ENV: "development", LOG_LEVEL: "warn" };
    for (const name of ["programs", "institutions", "partners"]) {
      const db = await createTestDatabase(name);
      databases.push(db);
      env[`${name.toUpperCase()}_PORT`] = String(await freePort());
      env[`${name.toUpperCase()}_DATABASE_URL`] = db.env.DATABASE_URL;
      env[`${name.toUpperCase()}_SQLITE_PATH`] = db.env.SQLITE_PATH;
    }
    env.GATEWAY_PORT = String(await freePort());
    const graph = run("scripts/start.js", env);
    await graph.waitFor(/GraphiQL: (http:\S+)/);
    const graphiqlUrl = graph.output().match(/GraphiQL: (http:\S+)/)![1];
    const graphqlUrl = graph.output().match(/GraphQL: +(http:\S+)/)![1];

    const page = await fetch(graphiqlUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("SeedStory");
    expect(html).not.toMatch(/<script[^>]+src=["']https?:|<link[^>]+href=["']https?:/);

    const story = await postGraphql(
      graphqlUrl,
      `{ programByCode(code: "TPBIS-CP") { editions { nodes { activities { totalCount } hostInstitution { acronym } } } } }`,
    );
    expect(story.errors).toBeUndefined();
    expect(story.data!.programByCode.editions.nodes[0]).toEqual({ activities: { totalCount: 3 }, hostInstitution: { acronym: "Perpusnas" } });

    // The partner filter makes programs call partners: the launcher must have told it where partners listens.
    const byPartner = await postGraphql(graphqlUrl, `{ programs(filter: { partnerId: "${DemoIds.partner.colomboPlan}" }) { nodes { code } } }`);
    expect(byPartner).toMatchObject({ data: { programs: { nodes: [{ code: "SSTC" }] } } });

    expect(await stopped(graph.child, graph.exited)).toBe(0);
    await expect(fetch(graphqlUrl)).rejects.toThrow();
    for (const name of ["PROGRAMS", "INSTITUTIONS", "PARTNERS"]) await expect(fetch(`http://127.0.0.1:${env[`${name}_PORT`]}/health`)).rejects.toThrow();
  });
});

describe("a subgraph on its own", () => {
  it("starts from its own environment, migrates an empty database, answers, and stops on SIGTERM", async () => {
    const db = await createTestDatabase("alone");
    try {
      const port = await freePort();
      const service = run("services/institutions/dist/main.js", {
        PORT: String(port),
        DATABASE_URL: db.env.DATABASE_URL,
        SQLITE_PATH: db.env.SQLITE_PATH,
        SEED_DEMO_DATA: "never",
      });
      await service.waitFor(/ready at/);
      const ready = await fetch(`http://127.0.0.1:${port}/ready`);
      expect(ready.status).toBe(200);
      const query = `{ countries { totalCount } }`;
      const unsigned = await postGraphql(`http://127.0.0.1:${port}/graphql`, query);
      expect(unsigned.status).toBe(401);
      const result = await postSigned(`http://127.0.0.1:${port}/graphql`, query, undefined, servicePrincipal("test"), DEV_SIGNING_SECRET);
      expect(result.data).toEqual({ countries: { totalCount: 0 } });
      expect(await stopped(service.child, service.exited)).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it("refuses to start on bad configuration and names every bad variable", async () => {
    const service = run("services/programs/dist/main.js", { PORT: "not-a-port", DATABASE_URL: "postgres://nope", SEED_DEMO_DATA: "sometimes" });
    expect(await service.exited).toBe(1);
    for (const name of ["PORT", "DATABASE_URL", "SEED_DEMO_DATA"]) expect(service.output()).toContain(name);
  });
});

describe("the gateway's process", () => {
  it("loads no ORM, no schema DSL and no database driver, even while serving requests", async () => {
    const list = join(mkdtempSync(join(tmpdir(), "sstc-probe-")), "modules.txt");
    const port = await freePort();
    const unreachable = `http://127.0.0.1:${await freePort()}/graphql`;
    const gateway = run("gateway/dist/main.js", {
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      PORT: String(port),
      PROGRAMS_URL: unreachable,
      INSTITUTIONS_URL: unreachable,
      PARTNERS_URL: unreachable,
      NODE_OPTIONS: `--require ${join(ROOT, "tests/support/module-probe.js")}`,
      MODULE_PROBE_OUT: list,
    });
    await gateway.waitFor(/ready at/);
    // A query planned across subgraphs, answered with their outage, and one the gateway answers itself.
    const planned = await postGraphql(`http://127.0.0.1:${port}/graphql`, "{ programs(first: 1) { nodes { id } } }");
    expect(planned.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect((await postGraphql(`http://127.0.0.1:${port}/graphql`, "{ __typename }")).data).toEqual({ __typename: "Query" });
    expect(await stopped(gateway.child, gateway.exited)).toBe(0);

    const modules = readFileSync(list, "utf8").split("\n");
    // The probe saw the gateway's own stack, so an empty or partial list cannot pass.
    expect(modules.some((m) => m.includes("/node_modules/@apollo/gateway/"))).toBe(true);
    expect(modules.some((m) => m.includes("/packages/service-kit/dist/"))).toBe(true);
    const forbidden = modules.filter((m) =>
      /\/node_modules\/(typeorm|type-graphql|class-validator|reflect-metadata|mysql2|better-sqlite3|dataloader)\/|\/packages\/(subgraph-kit|demo-data|testkit)\/|\/services\//.test(
        m,
      ),
    );
    expect(forbidden).toEqual([]);
  });
});
