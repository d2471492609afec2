import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Operation label of requests refused or failed before an operation was chosen (auth, limits, bad body, parse or validation errors). */
export const UNRESOLVED_OPERATION = "unresolved";
/** Operation label of an unnamed operation. */
export const ANONYMOUS_OPERATION = "anonymous";
/** Operation label once a process has seen `maxOperations` distinct names. */
export const OTHER_OPERATION = "other";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The mysql2 pool internals the pool gauges read (mysql2 has no public accessor for them). */
interface MysqlPoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/**
 * The Prometheus metrics of one service, in a registry of its own (so that
 * tests can run several services in one process). Every series carries a
 * `service` label. Operation names are a bounded label: the first
 * `maxOperations` distinct names keep their own series, later ones count as
 * "other".
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  readonly requests: Counter<"operation" | "status">;
  readonly duration: Histogram<"operation">;
  readonly errors: Counter<"operation" | "code">;
  readonly subgraphFetches: Histogram<"subgraph" | "outcome">;
  readonly subgraphErrors: Counter<"subgraph" | "reason">;
  private sqlStatements?: Counter;
  private responseCache?: Counter<"result">;

  constructor(
    readonly service: string,
    private readonly maxOperations = 100,
  ) {
    this.registry.setDefaultLabels({ service });
    // Process memory, CPU, event-loop lag, GC and handles (the standard Node.js series).
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Counter({
      name: "sstc_graphql_requests_total",
      help: "GraphQL requests answered, by operation name and HTTP status.",
      labelNames: ["operation", "status"],
      registers,
    });
    this.duration = new Histogram({
      name: "sstc_graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL request to sending the last byte of its answer.",
      labelNames: ["operation"],
      buckets: SECONDS,
      registers,
    });
    this.errors = new Counter({
      name: "sstc_graphql_errors_total",
      help: "Errors in GraphQL answers, by operation name and extensions.code.",
      labelNames: ["operation", "code"],
      registers,
    });
    this.subgraphFetches = new Histogram({
      name: "sstc_subgraph_fetch_duration_seconds",
      help: "Gateway calls to subgraphs: time to the end of the answer, by subgraph and outcome (ok, http_error, failed).",
      labelNames: ["subgraph", "outcome"],
      buckets: SECONDS,
      registers,
    });
    this.subgraphErrors = new Counter({
      name: "sstc_subgraph_fetch_errors_total",
      help: "Gateway calls to subgraphs that failed, by reason: timeout, aborted, unreachable (connection refused or reset), http_5xx, http_4xx.",
      labelNames: ["subgraph", "reason"],
      registers,
    });
  }

  /**
   * The counter of SQL statements this service sends, registered by the
   * services that have a database (the gateway has none). Per service (the
   * default label): the benchmark diffs it around one operation to count the
   * statements that operation costs.
   */
  sqlStatementCounter(): Counter {
    return (this.sqlStatements ??= new Counter({
      name: "sstc_sql_statements_total",
      help: "SQL statements sent to this service's database (transaction control statements excluded).",
      registers: [this.registry],
    }));
  }

  /** The counter of the gateway's cacheable (anonymous) queries, by whether its response cache answered them: `hit` or `miss`. */
  responseCacheCounter(): Counter<"result"> {
    return (this.responseCache ??= new Counter({
      name: "sstc_response_cache_requests_total",
      help: "Anonymous queries the gateway answered, by whether its response cache held the answer (hit) or not (miss).",
      labelNames: ["result"],
      registers: [this.registry],
    }));
  }

  /** The label for an operation name: its own while under the cap, else "other"; "anonymous" / "unresolved" for none. */
  operationLabel(operation: string | undefined): string {
    if (operation === undefined) return UNRESOLVED_OPERATION;
    if (operation === "") return ANONYMOUS_OPERATION;
    if (this.operations.has(operation)) return operation;
    if (this.operations.size >= this.maxOperations) return OTHER_OPERATION;
    this.operations.add(operation);
    return operation;
  }

  /** Counts one answered GraphQL request. */
  observeRequest(operation: string | undefined, status: number, seconds: number, errorCodes: string[]) {
    const label = this.operationLabel(operation);
    this.requests.inc({ operation: label, status: String(status) });
    this.duration.observe({ operation: label }, seconds);
    for (const code of errorCodes) this.errors.inc({ operation: label, code: CODE.test(code) ? code : "OTHER" });
  }

  /**
   * Gauges of a mysql2 connection pool (open, idle, and requests waiting for
   * a connection), read at scrape time. TypeORM keeps the pool on its driver;
   * SQLite has no pool, and for it nothing is registered.
   */
  watchMysqlPool(getPool: () => unknown) {
    const pool = () => getPool() as MysqlPoolInternals | undefined;
    const gauge = (name: string, help: string, read: (p: MysqlPoolInternals) => number | undefined) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const p = pool();
          const value = p ? read(p) : undefined;
          if (value !== undefined) this.set(value);
        },
      });
    gauge("sstc_db_pool_connections", "Open connections of the database pool.", (p) => p._allConnections?.length);
    gauge("sstc_db_pool_idle_connections", "Idle connections of the database pool.", (p) => p._freeConnections?.length);
    gauge("sstc_db_pool_waiting_requests", "Queries waiting for a free pool connection.", (p) => p._connectionQueue?.length);
    gauge("sstc_db_pool_max_connections", "Connection limit of the database pool.", (p) => p.config?.connectionLimit);
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
