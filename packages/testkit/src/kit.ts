import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { createConnection } from "mysql2/promise";
import { defaultSubgraphUrl, PRINCIPAL_HEADER, signPrincipal, urlVariables, type Principal, type SubgraphEnv } from "@sstc/service-kit";

/** The signing secret shared by the test graph's gateway and subgraphs. */
export const TEST_SIGNING_SECRET = "test-only-signing-secret-0123456789abcdef";

let counter = 0;

/** The MySQL/MariaDB server the tests run against, when TEST_DATABASE_URL names one. */
export const testMysqlUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabase {
  /** Environment entries that point a subgraph at this database. */
  env: Pick<SubgraphEnv, "DATABASE_URL" | "SQLITE_PATH">;
  kind: "mysql" | "sqlite";
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one subgraph in one test file: a new schema on
 * the MySQL/MariaDB server of TEST_DATABASE_URL, else a new SQLite file in
 * a temporary folder. `drop` removes it.
 */
export async function createTestDatabase(name: string): Promise<TestDatabase> {
  const server = testMysqlUrl();
  if (server) {
    const url = new URL(server);
    const database = `sstc_t${process.pid}_${++counter}_${name}`;
    const admin = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    url.pathname = `/${database}`;
    return {
      kind: "mysql",
      env: { DATABASE_URL: url.toString(), SQLITE_PATH: undefined },
      drop: async () => {
        const conn = await createConnection({
          host: url.hostname,
          port: Number(url.port || 3306),
          user: decodeURIComponent(url.username),
          password: decodeURIComponent(url.password),
        });
        await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await conn.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `sstc-${name}-`));
  return {
    kind: "sqlite",
    env: { DATABASE_URL: undefined, SQLITE_PATH: join(dir, `${name}.sqlite`) },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Subgraph settings for a test: loopback, any free port, quiet. */
export function testSubgraphEnv(db: TestDatabase, seed: SubgraphEnv["SEED_DEMO_DATA"] = "always"): SubgraphEnv {
  return {
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: 0,
    LOG_LEVEL: "warn",
    SEED_DEMO_DATA: seed,
    GATEWAY_SIGNING_SECRET: TEST_SIGNING_SECRET,
    ...urlVariables(defaultSubgraphUrl),
    ...db.env,
  };
}

/** One GraphQL error as a client receives it. */
export interface GraphqlError {
  message: string;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
  extensions?: Record<string, any>;
}

/** A parsed GraphQL response with its HTTP status; `TData` is the shape of `data` the query selects. */
export interface GraphqlResult<TData = any> {
  status: number;
  data?: TData;
  errors?: GraphqlError[];
  extensions?: Record<string, unknown>;
}

// The request behind each result, kept out of the result itself so that assertions on whole
// results and their JSON stay exactly what the server sent.
const requests = new WeakMap<object, { url: string; query: string; variables?: unknown }>();

/** POSTs a GraphQL request and returns the parsed body with the HTTP status. */
export async function postGraphql<TData = any, TVariables = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: TVariables,
  headers: Record<string, string> = {},
): Promise<GraphqlResult<TData>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphqlResult<TData>, "status">;
  const result: GraphqlResult<TData> = { status: res.status, ...body };
  requests.set(result, { url, query, variables });
  return result;
}

/**
 * The `data` of a response that must have succeeded (HTTP 200, no errors, data present); otherwise
 * throws an error that shows the request and the whole response body.
 */
export function expectData<TData>(result: GraphqlResult<TData>): TData {
  if (result.status === 200 && !result.errors?.length && result.data != null) return result.data;
  const request = requests.get(result);
  const sent = request ? `${request.query}\nvariables: ${JSON.stringify(request.variables)}\nto ${request.url}` : "(not sent through postGraphql)";
  const { status, ...body } = result;
  throw new Error(`Expected data without errors.\nRequest: ${sent}\nResponse (HTTP ${status}): ${JSON.stringify(body, null, 2)}`);
}

/** Calls a subgraph directly, as the gateway would: with a principal signed for this query. */
export async function postSigned<TData = any, TVariables = Record<string, unknown>>(
  url: string,
  query: string,
  variables: TVariables | undefined,
  principal: Principal,
  secret = TEST_SIGNING_SECRET,
): Promise<GraphqlResult<TData>> {
  return postGraphql<TData, TVariables>(url, query, variables, { [PRINCIPAL_HEADER]: await signPrincipal(secret, principal, query) });
}

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
