import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { ConfigError, metricsExposure, ServiceMetrics, setLogDestination, startTracing, type Tracing } from "@sstc/subgraph-kit";
import { loadGatewayEnv } from "@sstc/gateway";
import { testMysqlUrl } from "@sstc/testkit";
import { as, startTestGraph, type TestGraph } from "../support/graph";

/*
 * What an operator sees of one request: one JSON access line per process
 * with the request id the client sent, the same id on the subgraphs' SQL
 * lines, Prometheus counters that move for that operation, and one trace
 * across gateway and subgraphs. Spans go to the SDK's in-memory exporter:
 * the OTLP/HTTP exporter loads node:http with a dynamic import(), which
 * jest's module sandbox refuses.
 */

type LogLine = Record<string, any>;

const lines: LogLine[] = [];
const raw: string[] = [];
const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let graph: TestGraph;
let partner: Record<string, string>;

const EMAIL = "ada.lovelace@example.org";
const PROBE = `query ObservabilityProbe($q: String) {
  programs(filter: { search: $q }) { totalCount }
  programByCode(code: "TPBIS-CP") { code leadInstitution { acronym } }
  program(id: "not-an-id") { code }
}`;

const attribute = (span: ReadableSpan, key: string) => span.attributes[key];

/** The value of one series in a Prometheus exposition (0 when absent). */
function sample(exposition: string, name: string, labels: Record<string, string>): number {
  for (const line of exposition.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.lastIndexOf("}"));
    if (Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return 0;
}
const scrape = async (url: string | null) => {
  const res = await fetch(url!);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};

beforeAll(async () => {
  tracing = startTracing("sstc-test", exporter);
  setLogDestination({
    write(line: string) {
      raw.push(line);
      lines.push(JSON.parse(line));
    },
  });
  graph = await startTestGraph({
    gatewayEnv: { LOG_LEVEL: "info", METRICS_PORT: "0" },
    subgraphEnv: { LOG_LEVEL: "debug", METRICS_PORT: 0 },
  });
  partner = await as("partner");
}, 120_000);

afterAll(async () => {
  await graph?.stop();
  setLogDestination(undefined);
  await tracing?.shutdown();
});

/** Waits until the access lines of `requestId` from `services` are written (each process writes its line once its answer is out). */
async function accessLines(requestId: string, services: string[]) {
  const found = () => lines.filter((l) => l.msg === "graphql request" && l.requestId === requestId);
  for (let i = 0; i < 200 && !services.every((s) => found().some((l) => l.service === s)); i++) await new Promise((r) => setTimeout(r, 10));
  return found();
}

async function probe(requestId: string, headers: Record<string, string> = {}) {
  const res = await fetch(graph.gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": requestId, ...partner, ...headers },
    body: JSON.stringify({ query: PROBE, variables: { q: EMAIL }, operationName: "ObservabilityProbe" }),
  });
  const body = (await res.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
  await accessLines(requestId, ["gateway", "programs", "institutions"]);
  return { res, body };
}

describe("access logs", () => {
  it("writes one JSON line per process for a request, with its id, operation, status, codes and role, and no secret", async () => {
    const requestId = "obs-log-0001-abcdef";
    const { res, body } = await probe(requestId);
    expect(res.headers.get("x-request-id")).toBe(requestId);
    expect(body.data!.programByCode).toEqual({ code: "TPBIS-CP", leadInstitution: { acronym: "Perpusnas" } });
    expect(body.errors!.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);

    const access = await accessLines(requestId, ["gateway", "programs", "institutions"]);
    const byService = (service: string) => access.filter((l) => l.service === service);
    expect(byService("gateway")).toEqual([
      expect.objectContaining({
        level: "info",
        operation: "ObservabilityProbe",
        status: 200,
        errorCodes: ["BAD_USER_INPUT"],
        role: "partner",
        via: "jwt",
        method: "POST",
      }),
    ]);
    expect(typeof byService("gateway")[0].durationMs).toBe("number");
    // programs answers the root fields, institutions the lead institution: one call each, one line each, under the gateway's id.
    expect(byService("programs")).toHaveLength(1);
    expect(byService("programs")[0]).toMatchObject({
      status: 200,
      role: "partner",
      operation: expect.stringMatching(/^ObservabilityProbe__programs__\d+$/),
      errorCodes: ["BAD_USER_INPUT"],
    });
    expect(byService("institutions")).toHaveLength(1);
    expect(byService("institutions")[0]).toMatchObject({ status: 200, role: "partner", errorCodes: [] });
    expect(byService("partners")).toHaveLength(0);

    // LOG_LEVEL=debug: the subgraphs' SQL lines carry the id of the request that sent them.
    const sql = lines.filter((l) => l.msg === "sql" && l.requestId === requestId);
    expect(sql.some((l) => l.service === "programs")).toBe(true);
    expect(sql.some((l) => l.service === "institutions")).toBe(true);

    const text = raw.join("");
    expect(text).not.toContain(partner.authorization.slice("Bearer ".length));
    expect(text).not.toContain(EMAIL);
    expect(text).not.toMatch(/x-sstc-principal"?\s*:\s*"ey/i);
    expect(text).not.toContain("graphql-response");
  });

  it("replaces a malformed request id with a fresh one and logs requests refused before GraphQL", async () => {
    const res = await fetch(graph.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "bad id; {drop}", authorization: "Bearer not-a-token" },
      body: JSON.stringify({ query: "query Refused { countries { totalCount } }", operationName: "Refused" }),
    });
    expect(res.status).toBe(401);
    const requestId = res.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const access = await accessLines(requestId, ["gateway"]);
    expect(access).toEqual([expect.objectContaining({ service: "gateway", operation: "Refused", status: 401, errorCodes: ["UNAUTHENTICATED"], role: null })]);
    expect(raw.join("")).not.toContain("not-a-token");
  });
});

describe("metrics", () => {
  it("serves Prometheus metrics on METRICS_PORT only, and counts the operation at the gateway and in each subgraph it reached", async () => {
    expect(graph.gateway.metricsUrl).not.toBeNull();
    expect(new URL(graph.gateway.metricsUrl!).port).not.toBe(String(graph.gateway.port));
    expect((await fetch(`${graph.gateway.url}/metrics`)).status).toBe(404);

    const gatewayBefore = await scrape(graph.gateway.metricsUrl);
    const programsBefore = await scrape(graph.subgraphs.programs.metricsUrl);
    await probe("obs-metrics-0001-abcdef");
    const gatewayAfter = await scrape(graph.gateway.metricsUrl);
    const programsAfter = await scrape(graph.subgraphs.programs.metricsUrl);
    const moved = (before: string, after: string, name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);

    const op = { service: "gateway", operation: "ObservabilityProbe" };
    expect(moved(gatewayBefore, gatewayAfter, "sstc_graphql_requests_total", { ...op, status: "200" })).toBe(1);
    expect(moved(gatewayBefore, gatewayAfter, "sstc_graphql_request_duration_seconds_count", op)).toBe(1);
    expect(moved(gatewayBefore, gatewayAfter, "sstc_graphql_errors_total", { ...op, code: "BAD_USER_INPUT" })).toBe(1);
    expect(moved(gatewayBefore, gatewayAfter, "sstc_subgraph_fetch_duration_seconds_count", { service: "gateway", subgraph: "programs", outcome: "ok" })).toBe(
      1,
    );
    expect(
      moved(gatewayBefore, gatewayAfter, "sstc_subgraph_fetch_duration_seconds_count", { service: "gateway", subgraph: "institutions", outcome: "ok" }),
    ).toBe(1);

    const subOperation = programsAfter.match(/operation="(ObservabilityProbe__programs__\d+)"/)![1];
    expect(moved(programsBefore, programsAfter, "sstc_graphql_requests_total", { service: "programs", operation: subOperation, status: "200" })).toBe(1);

    for (const exposition of [gatewayAfter, programsAfter]) {
      expect(exposition).toMatch(/^process_resident_memory_bytes\{service="\w+"\} \d+/m);
      expect(exposition).toMatch(/^nodejs_eventloop_lag_p99_seconds\{service="\w+"\} [\d.e-]+/m);
    }
    if (testMysqlUrl()) {
      expect(sample(programsAfter, "sstc_db_pool_max_connections", { service: "programs" })).toBe(10);
      expect(sample(programsAfter, "sstc_db_pool_connections", { service: "programs" })).toBeGreaterThanOrEqual(1);
    } else {
      expect(programsAfter).not.toContain("sstc_db_pool_connections{");
    }
  });

  it("counts each SQL statement a subgraph sends in sstc_sql_statements_total, the same statements its debug log lists", async () => {
    const requestId = "obs-sql-0001-abcdef";
    const before = await Promise.all((["programs", "institutions"] as const).map((s) => scrape(graph.subgraphs[s].metricsUrl)));
    await probe(requestId);
    const after = await Promise.all((["programs", "institutions"] as const).map((s) => scrape(graph.subgraphs[s].metricsUrl)));
    for (const [i, service] of (["programs", "institutions"] as const).entries()) {
      const logged = lines.filter((l) => l.msg === "sql" && l.requestId === requestId && l.service === service).length;
      expect(logged).toBeGreaterThan(0);
      expect(sample(after[i], "sstc_sql_statements_total", { service }) - sample(before[i], "sstc_sql_statements_total", { service })).toBe(logged);
    }
    // The gateway has no database, so no such series.
    expect(await scrape(graph.gateway.metricsUrl)).not.toContain("sstc_sql_statements_total");
  });

  it("labels unnamed operations as anonymous and requests refused before GraphQL as unresolved", async () => {
    const before = await scrape(graph.gateway.metricsUrl);
    await graph.query("{ countries(first: 1) { totalCount } }", undefined, { "x-request-id": "obs-anonymous-0001" });
    await fetch(graph.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "obs-unresolved-0001" },
      body: "{not json",
    });
    await accessLines("obs-anonymous-0001", ["gateway"]);
    await accessLines("obs-unresolved-0001", ["gateway"]);
    const after = await scrape(graph.gateway.metricsUrl);
    const moved = (labels: Record<string, string>) =>
      sample(after, "sstc_graphql_requests_total", labels) - sample(before, "sstc_graphql_requests_total", labels);
    expect(moved({ operation: "anonymous", status: "200" })).toBe(1);
    expect(moved({ operation: "unresolved", status: "400" })).toBe(1);
  });
});

describe("tracing", () => {
  it("records one trace for a request: the gateway's spans and the subgraphs' server spans share the client's trace id", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const requestId = "obs-trace-0001-abcdef";
    await probe(requestId, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    await tracing.flush();
    const spans = exporter.getFinishedSpans();
    const id = (s: ReadableSpan) => s.spanContext();

    const servers = spans.filter((s) => attribute(s, "sstc.request_id") === requestId);
    const gateway = servers.find((s) => attribute(s, "sstc.service") === "gateway")!;
    const programs = servers.find((s) => attribute(s, "sstc.service") === "programs")!;
    const institutions = servers.find((s) => attribute(s, "sstc.service") === "institutions")!;
    expect(gateway).toBeDefined();
    expect(programs).toBeDefined();
    expect(institutions).toBeDefined();
    for (const span of [gateway, programs, institutions]) expect(id(span).traceId).toBe(traceId);
    expect(gateway.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
    expect(attribute(gateway, "graphql.operation.name")).toBe("ObservabilityProbe");

    // Each subgraph's server span is the child of the gateway's span for that fetch.
    const fetches = spans.filter((s) => id(s).traceId === traceId && s.name === "gateway.fetch");
    expect(fetches.map((f) => attribute(f, "service")).sort()).toEqual(["institutions", "programs"]);
    expect(id(fetches.find((f) => attribute(f, "service") === "programs")!).spanId).toBe(programs.parentSpanContext?.spanId);
    expect(id(fetches.find((f) => attribute(f, "service") === "institutions")!).spanId).toBe(institutions.parentSpanContext?.spanId);
    // With tracing on, each SQL statement of a subgraph is a span under that subgraph's server span (text only, no parameters).
    const statements = spans.filter((s) => s.name === "db.query" && s.parentSpanContext?.spanId === id(programs).spanId);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(id(statement).traceId).toBe(traceId);
      expect(attribute(statement, "db.query.text")).toMatch(/^SELECT /);
      expect(["sqlite", "mysql"]).toContain(attribute(statement, "db.system"));
    }
  });
});

describe("settings", () => {
  it("serves /metrics on the main port outside production, nowhere in production, and on METRICS_PORT when set", () => {
    expect(metricsExposure({ NODE_ENV: "development" })).toBe("main");
    expect(metricsExposure({ NODE_ENV: "test" })).toBe("main");
    expect(metricsExposure({ NODE_ENV: "production" })).toBe("off");
    expect(metricsExposure({ NODE_ENV: "production", METRICS_PORT: 9464 })).toEqual({ port: 9464 });
    expect(metricsExposure({ NODE_ENV: "development", METRICS_PORT: "off" })).toBe("off");
    expect(loadGatewayEnv({ METRICS_PORT: "OFF" }).METRICS_PORT).toBe("off");
    expect(loadGatewayEnv({ METRICS_PORT: "" }).METRICS_PORT).toBeUndefined();
    expect(() => loadGatewayEnv({ METRICS_PORT: "metrics", OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(ConfigError);
    try {
      loadGatewayEnv({ METRICS_PORT: "metrics", OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" });
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(":")[0]).sort()).toEqual(["METRICS_PORT", "OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }
  });

  it("keeps the operation label bounded: unnamed is anonymous, names past the cap count as other", () => {
    const metrics = new ServiceMetrics("bounded", 2);
    expect(metrics.operationLabel("")).toBe("anonymous");
    expect(metrics.operationLabel(undefined)).toBe("unresolved");
    expect(metrics.operationLabel("First")).toBe("First");
    expect(metrics.operationLabel("Second")).toBe("Second");
    expect(metrics.operationLabel("Third")).toBe("other");
    expect(metrics.operationLabel("First")).toBe("First");
    metrics.registry.clear();
  });
});
