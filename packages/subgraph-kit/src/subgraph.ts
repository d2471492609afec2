import { resolve } from "node:path";
import type { DataSource } from "typeorm";
import {
  runServiceProcess,
  subgraph,
  subgraphUrls,
  type SubgraphName,
  parseConfig,
  subgraphEnvSchema,
  type SubgraphEnv,
  sendGraphqlError,
  startGraphqlServer,
  type RunningServer,
  ErrorCode,
  currentRequestId,
  metricsExposure,
  Observability,
  PRINCIPAL_HEADER,
  verifyPrincipal,
  type Principal,
  type ServiceLinks,
} from "@sstc/service-kit";
import { createDataSource, isMysql, QueryCounter, type DataSourceSettings } from "./data-source";
import type { SubgraphSchema } from "./federation";
import { RequestLoaders } from "./loaders";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import type { Request, Response, NextFunction } from "express";
import { languageFromHeader } from "./bilingual";
import type { Language } from "./language";

/** How long a subgraph's answer may be cached when no schema hint says otherwise: catalogue data changes a few times a day. */
const PUBLIC_MAX_AGE_SECONDS = 60;

/** What every resolver of a subgraph receives. */
export interface SubgraphContext {
  /** This subgraph's own database. */
  db: DataSource;
  /** The DataLoaders of this request. */
  loaders: RequestLoaders;
  /** Who is asking, as signed by the gateway. */
  principal: Principal;
  /** How to reach the other subgraphs. */
  links: ServiceLinks;
  /** The request's preferred language (Accept-Language), for texts asked for without `lang`. */
  language: Language;
  /** The request's id (the gateway's `x-request-id`), for log lines about it. */
  requestId: string;
}

/** Everything that distinguishes one subgraph from another. */
export interface SubgraphDefinition {
  /** Its name in the subgraph registry, which also gives its default port. */
  name: SubgraphName;
  entities: DataSourceSettings["entities"];
  migrations: DataSourceSettings["migrations"];
  /** Builds the subgraph schema (no database needed). */
  buildSchema(): Promise<SubgraphSchema>;
  /** True when the database holds none of this subgraph's records. */
  isEmpty(db: DataSource): Promise<boolean>;
  /** Loads the demo data set in one transaction. */
  seed(db: DataSource): Promise<void>;
}

export interface RunningSubgraph extends RunningServer {
  db: DataSource;
  queries: QueryCounter;
}

/** Opens the database and applies pending migrations. */
export async function openDatabase(
  definition: SubgraphDefinition,
  env: Pick<SubgraphEnv, "DATABASE_URL" | "SQLITE_PATH" | "LOG_LEVEL">,
  queries = new QueryCounter(env.LOG_LEVEL === "debug"),
) {
  const db = createDataSource({
    url: env.DATABASE_URL,
    sqlitePath: env.SQLITE_PATH ?? resolve(process.cwd(), ".data", `${definition.name}.sqlite`),
    entities: definition.entities,
    migrations: definition.migrations,
    logger: queries,
  });
  await db.initialize();
  await db.runMigrations({ transaction: "each" });
  return db;
}

/** Seeds the demo data according to SEED_DEMO_DATA (auto = only into an empty database). */
export async function seedIfWanted(definition: SubgraphDefinition, db: DataSource, mode: SubgraphEnv["SEED_DEMO_DATA"]) {
  if (mode === "never") return false;
  if (mode === "auto" && !(await definition.isEmpty(db))) return false;
  await definition.seed(db);
  return true;
}

/** Starts a subgraph: database, migrations, optional seed, schema, HTTP server. */
export async function startSubgraph(definition: SubgraphDefinition, env: SubgraphEnv): Promise<RunningSubgraph> {
  const observability = new Observability({ service: definition.name, logLevel: env.LOG_LEVEL, metrics: metricsExposure(env) });
  const queries = new QueryCounter(env.LOG_LEVEL === "debug", observability.logger, observability.metrics.sqlStatementCounter());
  let db: DataSource;
  try {
    db = await openDatabase(definition, env, queries);
  } catch (error) {
    observability.close();
    throw error;
  }
  if (isMysql(db)) observability.metrics.watchMysqlPool(() => (db.driver as unknown as { pool?: unknown }).pool);
  try {
    await seedIfWanted(definition, db, env.SEED_DEMO_DATA);
    const { schema } = await definition.buildSchema();
    const links: ServiceLinks = {
      self: definition.name,
      urls: subgraphUrls(env),
      secret: env.GATEWAY_SIGNING_SECRET,
    };
    const server = await startGraphqlServer<SubgraphContext>({
      name: definition.name,
      schema,
      host: env.HOST,
      port: env.PORT,
      introspection: env.INTROSPECTION ?? env.NODE_ENV !== "production",
      observability,
      // Inline traces only feed Apollo's hosted usage reporting, which this graph does not use.
      // Every answer says how long it may be cached (`max-age=60, public` unless a `@cacheControl` hint says shorter or private);
      // the gateway folds these into its own Cache-Control, and makes anything authenticated or mutating no-store.
      plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControl({ defaultMaxAge: PUBLIC_MAX_AGE_SECONDS })],
      before: [requireGatewaySignature(env.GATEWAY_SIGNING_SECRET)],
      context: async (req, res) => ({
        db,
        loaders: new RequestLoaders(),
        principal: res.locals.principal as Principal,
        links,
        language: languageFromHeader(req.header("accept-language")),
        requestId: currentRequestId() ?? "",
      }),
      readiness: async () => {
        await db.query("SELECT 1");
      },
    });
    return {
      ...server,
      db,
      queries,
      stop: async () => {
        await server.stop();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    observability.close();
    throw error;
  }
}

/**
 * Subgraphs answer only the gateway (and each other): every GraphQL request
 * must carry a principal signed with the shared secret and bound to its
 * query, so `_entities` and `_service` cannot be called directly.
 */
function requireGatewaySignature(secret: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const query = req.method === "GET" ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    try {
      res.locals.principal = await verifyPrincipal(secret, req.header(PRINCIPAL_HEADER), typeof query === "string" ? query : "");
      next();
    } catch (error) {
      sendGraphqlError(res, 401, ErrorCode.UNAUTHENTICATED, (error as Error).message);
    }
  };
}

/** The `main` of a subgraph process (see runServiceProcess). */
export function runSubgraphProcess(definition: SubgraphDefinition) {
  return runServiceProcess({
    name: definition.name,
    loadConfig: () => parseConfig(subgraphEnvSchema(subgraph(definition.name).port), process.env),
    start: (env) => startSubgraph(definition, env),
    describe: (running, env) => ({ metrics: running.metricsUrl, database: env.DATABASE_URL ? "MySQL" : "SQLite" }),
  });
}
