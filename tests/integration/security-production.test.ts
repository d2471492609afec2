import { ConfigError, parseConfig, subgraphEnvSchema } from "@sstc/subgraph-kit";
import { TEST_SIGNING_SECRET } from "@sstc/testkit";
import { loadGatewayEnv } from "@sstc/gateway";
import { codes, startTestGraph, type TestGraph } from "../support/graph";

/* Production mode: exploration off unless asked for, errors masked, CORS by allow-list, no development secrets. */
const ORIGIN = "https://portal.sstc.example";
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph({
    gatewayEnv: { NODE_ENV: "production", CORS_ORIGINS: `${ORIGIN},https://data.kemlu.example` },
    subgraphEnv: { NODE_ENV: "production" },
  });
});
afterAll(() => graph?.stop());

describe("production mode", () => {
  it("refuses introspection and hides field suggestions", async () => {
    const result = await graph.query(`{ __schema { types { name } } }`);
    expect(codes(result)).toContain("GRAPHQL_VALIDATION_FAILED");
    expect(result.data).toBeUndefined();
    const typo = await graph.query(`{ countrie(code: "ID") { name } }`);
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/i);
  });

  it("serves no GraphiQL", async () => {
    expect(graph.gateway.graphiqlUrl).toBeNull();
    expect((await fetch(`${graph.gateway.url}/graphiql`)).status).toBe(404);
  });

  it("still answers ordinary queries", async () => {
    const result = await graph.query(`{ country(code: "LK") { name } }`);
    expect(result.data).toEqual({ country: { name: "Sri Lanka" } });
  });

  it("masks internal failures: no SQL, stack traces or internal URLs", async () => {
    // Break the institutions database under the running subgraph.
    await graph.subgraphs.institutions.db.query("ALTER TABLE institutions RENAME TO institutions_gone");
    const result = await graph.query(`{ programByCode(code: "TPBIS-CP") { leadInstitution { name } } }`);
    const body = JSON.stringify(result);
    expect(codes(result)).toContain("INTERNAL_SERVER_ERROR");
    expect(body).not.toMatch(/SELECT|sqlite|mysql|\bER_[A-Z]|stack|at \w+ \(|127\.0\.0\.1|localhost|\/graphql/i);
  });

  it("allows only the configured browser origins", async () => {
    const preflight = (origin: string) =>
      fetch(graph.gateway.graphqlUrl, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("production configuration", () => {
  it("refuses the development signing secret, in the gateway and in every subgraph", () => {
    expect(() => loadGatewayEnv({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => parseConfig(subgraphEnvSchema(4001), { NODE_ENV: "production" })).toThrow(/GATEWAY_SIGNING_SECRET/);
    expect(() => loadGatewayEnv({ NODE_ENV: "production", GATEWAY_SIGNING_SECRET: "short" })).toThrow(/at least 32/);
  });

  it("refuses HS256 development tokens", () => {
    expect(() => loadGatewayEnv({ NODE_ENV: "production", GATEWAY_SIGNING_SECRET: TEST_SIGNING_SECRET, JWT_HS256_SECRET: "x".repeat(40) })).toThrow(
      /JWT_HS256_SECRET/,
    );
    const config = loadGatewayEnv({ NODE_ENV: "production", GATEWAY_SIGNING_SECRET: TEST_SIGNING_SECRET });
    expect(config.JWT_HS256_SECRET).toBeUndefined();
    expect([config.graphiql, config.introspection]).toEqual([false, false]);
  });

  it("turns exploration on only when asked", () => {
    const config = loadGatewayEnv({ NODE_ENV: "production", GATEWAY_SIGNING_SECRET: TEST_SIGNING_SECRET, GRAPHIQL: "true", INTROSPECTION: "true" });
    expect([config.graphiql, config.introspection]).toEqual([true, true]);
  });
});
