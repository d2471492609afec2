import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { createConnection } from "mysql2/promise";
import { DemoIds } from "@sstc/demo-data";
import { freePort, testMysqlUrl } from "@sstc/testkit";
import { as, startTestGraph, type TestGraph } from "../support/graph";

/*
 * The partners subgraph loses its MariaDB server and gets it back. Needs a
 * MariaDB of its own to stop (started with .ci/mariadb.sh on a free port),
 * so it runs only in the MariaDB pass of the suite (TEST_DATABASE_URL set).
 */

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, "../../.ci/mariadb.sh");
const onMariadb = Boolean(testMysqlUrl());

if (!onMariadb) {
  describe("database faults", () => {
    it.skip("needs MariaDB: set TEST_DATABASE_URL to run these (they stop and restart a MariaDB server of their own)", () => {});
  });
} else {
  let graph: TestGraph;
  let admin: Record<string, string>;
  let mariadb: { dir: string; port: number; env: NodeJS.ProcessEnv };
  const mariadbScript = (command: "start" | "stop" | "restart") => run("bash", [SCRIPT, command], { env: mariadb.env, timeout: 120_000 });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "sstc-mariadb-"));
    const port = await freePort();
    mariadb = { dir, port, env: { ...process.env, MARIADB_DIR: dir, MARIADB_PORT: String(port) } };
    await mariadbScript("start");
    const connection = await createConnection({ host: "127.0.0.1", port, user: "sstc", password: "sstc-test-only" });
    await connection.query("CREATE DATABASE sstc_faults_partners CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    await connection.end();
    graph = await startTestGraph({
      subgraphEnvOf: { partners: { DATABASE_URL: `mysql://sstc:sstc-test-only@127.0.0.1:${port}/sstc_faults_partners`, SQLITE_PATH: undefined } },
    });
    admin = await as("admin", { subject: "admin@sstc" });
  }, 180_000);
  afterAll(async () => {
    await graph?.stop();
    if (mariadb) {
      await mariadbScript("stop");
      rmSync(mariadb.dir, { recursive: true, force: true });
    }
  }, 60_000);

  const CREATE = `mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id name } }`;
  const partnerInput = (nameEn: string) => ({ nameEn, kind: "NATIONAL_AGENCY", institutionId: DemoIds.institution.perpusnas, homeCountryCode: "ID" });
  const partnerNames = async () => {
    const result = await graph.query(`{ partners(first: 100) { nodes { name } } }`, {}, admin);
    expect(result.errors).toBeUndefined();
    return (result.data!.partners.nodes as Array<{ name: string }>).map((p) => p.name);
  };

  describe("the partners database goes away and comes back", () => {
    let acknowledged: { id: string; name: string };

    it("acknowledges a write before the outage", async () => {
      const result = await graph.query(CREATE, { input: partnerInput("Written before the outage") }, admin);
      expect(result.errors).toBeUndefined();
      acknowledged = result.data!.createPartner;
      expect(acknowledged.id).toMatch(/^[0-9a-f-]{36}$/);
      await mariadbScript("stop");
    });

    it("keeps the subgraph alive but not ready", async () => {
      expect((await fetch(`${graph.subgraphs.partners.url}/health`)).status).toBe(200);
      expect((await fetch(`${graph.subgraphs.partners.url}/ready`)).status).toBe(503);
    });

    it("answers its fields with SERVICE_UNAVAILABLE at their paths and everything else in full", async () => {
      const result = await graph.query(`{
        countries(first: 3) { nodes { code name } }
        partner(id: "${acknowledged.id}") { id name }
      }`);
      expect(result.status).toBe(200);
      expect(result.data!.countries.nodes).toHaveLength(3);
      expect(result.data!.partner).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({ path: ["partner"], extensions: { code: "SERVICE_UNAVAILABLE", service: "partners" } });
      expect(JSON.stringify(result.errors)).not.toMatch(/SELECT|ECONNREFUSED|127\.0\.0\.1|mysql|stacktrace/i);
    });

    it("keeps the gateway ready and shows partners not ready", async () => {
      expect((await fetch(`${graph.gateway.url}/ready`)).status).toBe(200);
      const res = await fetch(`${graph.gateway.url}/ready/subgraphs`);
      expect(res.status).toBe(503);
      const partners = ((await res.json()) as { subgraphs: Array<Record<string, any>> }).subgraphs.find((s) => s.name === "partners");
      expect(partners).toMatchObject({ state: "down", reason: "not ready (HTTP 503)", lastFailure: { code: "SERVICE_UNAVAILABLE" } });
    });

    it("reports a write during the outage as failed", async () => {
      const result = await graph.query(CREATE, { input: partnerInput("Attempted during the outage") }, admin);
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({ path: ["createPartner"], extensions: { code: "SERVICE_UNAVAILABLE", service: "partners" } });
    });

    it("recovers by itself once the database is back, with the acknowledged write and without the failed one", async () => {
      await mariadbScript("restart");
      let served: Record<string, any> | undefined;
      for (let attempt = 0; attempt < 60 && !served; attempt++) {
        const result = await graph.query(`{ partner(id: "${acknowledged.id}") { id name } }`);
        if (!result.errors) served = result.data;
        else await new Promise((r) => setTimeout(r, 250));
      }
      expect(served).toEqual({ partner: acknowledged });
      expect((await fetch(`${graph.subgraphs.partners.url}/ready`)).status).toBe(200);
      const names = await partnerNames();
      expect(names).toContain("Written before the outage");
      expect(names).not.toContain("Attempted during the outage");
    });
  });
}
