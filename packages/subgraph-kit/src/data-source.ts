import "reflect-metadata";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { isTransient, isUniqueViolation } from "./editing/transactions";
import { foldCase, SQLITE_FOLD } from "./text";
import { DataSource, EventSubscriber, type AfterQueryEvent, type EntitySubscriberInterface, type DataSourceOptions, type Logger } from "typeorm";
import { createLogger, currentRequestId, recordStatement, type Logger as PinoLogger } from "@sstc/service-kit";

/**
 * Counts the SQL statements a data source sends. The integration tests use
 * it to prove that reference resolution is batched (statements grow with
 * query depth, not list length); `LOG_LEVEL=debug` also logs them (text and
 * parameter count, never parameter values: they hold personal data) with
 * the id of the request that sent them.
 */
export class QueryCounter implements Logger {
  count = 0;
  constructor(
    private readonly echo = false,
    private readonly logger: PinoLogger = fallbackLogger(),
    /** Also counts each statement here (a service's `sstc_sql_statements_total`). */
    private readonly statements?: { inc(): void },
  ) {}
  logQuery(query: string, parameters?: unknown[]) {
    if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(query)) return;
    this.count++;
    this.statements?.inc();
    if (this.echo) this.logger.debug({ requestId: currentRequestId(), sql: query, parameters: parameters?.length ?? 0 }, "sql");
  }
  logQueryError(error: string | Error, query: string) {
    // Unique indexes refusing a duplicate and deadlocks between racing inserts are expected: writeTransaction answers CONFLICT or retries.
    if (isUniqueViolation(error) || isTransient(error)) {
      if (this.echo) this.logger.debug({ requestId: currentRequestId(), sql: query, reason: error instanceof Error ? error.message : error }, "sql refused");
      return;
    }
    this.logger.error({ requestId: currentRequestId(), sql: query, reason: error instanceof Error ? error.message : error }, "sql failed");
  }
  logQuerySlow(time: number, query: string) {
    this.logger.warn({ requestId: currentRequestId(), sql: query, durationMs: time }, "sql slow");
  }
  logSchemaBuild() {}
  logMigration(message: string) {
    if (this.echo) this.logger.info({ migration: message }, "migration");
  }
  log(level: "log" | "info" | "warn", message: unknown) {
    if (level === "warn") this.logger.warn({ detail: String(message) }, "database warning");
  }
}

let sharedFallback: PinoLogger | undefined;
/** The logger of a QueryCounter made without one (tools, tests): warnings and failures only. */
const fallbackLogger = () => (sharedFallback ??= createLogger("database", "warn"));

/**
 * With tracing on, each SQL statement becomes a span under the request's
 * span, with the duration TypeORM measured (the logger only sees a
 * statement before it runs, so spans come from this subscriber).
 */
@EventSubscriber()
export class StatementSpans implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent) {
    if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(event.query)) return;
    recordStatement(isMysql(event.connection) ? "mysql" : "sqlite", event.query, event.executionTime, !event.success);
  }
}

export interface DataSourceSettings {
  /** mysql://… to use MySQL/MariaDB; absent for the embedded SQLite file. */
  url?: string;
  /** The SQLite file (":memory:" allowed); used when `url` is absent. */
  sqlitePath: string;
  entities: NonNullable<DataSourceOptions["entities"]>;
  migrations: NonNullable<DataSourceOptions["migrations"]>;
  logger?: QueryCounter;
}

/**
 * Builds (but does not initialise) a service's TypeORM data source. Schema
 * changes only ever come from migrations: `synchronize` stays off.
 */
export function createDataSource(settings: DataSourceSettings): DataSource {
  const common = {
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: "schema_migrations",
    synchronize: false,
    subscribers: [StatementSpans],
    logger: settings.logger ?? new QueryCounter(),
    logging: true as const,
    maxQueryExecutionTime: 1000,
  };
  let options: DataSourceOptions;
  if (settings.url) {
    options = {
      ...common,
      type: "mysql",
      url: settings.url.replace(/^mariadb:/, "mysql:"),
      charset: "utf8mb4_unicode_ci",
      timezone: "Z",
      dateStrings: ["DATE"],
      poolSize: 10,
      extra: { connectionLimit: 10, enableKeepAlive: true },
    };
  } else {
    if (settings.sqlitePath !== ":memory:") mkdirSync(dirname(settings.sqlitePath), { recursive: true });
    options = {
      ...common,
      type: "better-sqlite3",
      database: settings.sqlitePath,
      enableWAL: settings.sqlitePath !== ":memory:",
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma("foreign_keys = ON");
        db.pragma("busy_timeout = 5000");
        // 64 MiB of page cache instead of SQLite's 2 MiB: statistics scan every participation, and a cache smaller than the table rereads it from the OS each time.
        db.pragma("cache_size = -65536");
        // Text search compares Unicode case-folded text (SQLite's LOWER and LIKE fold ASCII only).
        (db as unknown as { function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): unknown }).function(
          SQLITE_FOLD,
          { deterministic: true },
          (value) => (typeof value === "string" ? foldCase(value) : value),
        );
      },
    };
  }
  const dataSource = new DataSource(options);
  if (!settings.url) serialiseTransactions(dataSource);
  return dataSource;
}

/**
 * better-sqlite3 is one connection per data source, and TypeORM turns a
 * second concurrent `transaction()` on it into a savepoint of the first: one
 * request's commit or rollback would then act on another's work, and plain
 * reads would see uncommitted rows. So on SQLite at most one transaction is
 * open at a time: transactions queue behind each other, and a statement
 * from outside the open transaction waits until it has ended. Code running
 * inside the transaction (tracked with AsyncLocalStorage) goes straight
 * through, including nested transactions (savepoints of its own).
 */
function serialiseTransactions(dataSource: DataSource) {
  const insideTransaction = new AsyncLocalStorage<true>();
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) =>
    insideTransaction.getStore()
      ? transaction(...args)
      : exclusive(() => insideTransaction.run(true, () => transaction(...args)))) as typeof manager.transaction;

  const driver = dataSource.driver as unknown as { createQueryRunner(mode: string): { query: (...args: unknown[]) => Promise<unknown> } };
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  const wrapped = new WeakSet<object>();
  driver.createQueryRunner = (mode: string) => {
    const runner = createQueryRunner(mode);
    if (!wrapped.has(runner)) {
      wrapped.add(runner);
      const query = runner.query.bind(runner);
      runner.query = (...args: unknown[]) => (insideTransaction.getStore() ? query(...args) : exclusive(() => query(...args)));
    }
    return runner;
  };
}

/** True when the data source talks to MySQL/MariaDB rather than SQLite. */
export const isMysql = (ds: DataSource) => ds.options.type === "mysql" || ds.options.type === "mariadb";
