import { resolve } from "node:path";
import type { DataSource, EntitySchema, MixedList } from "typeorm";
import { parseConfig, subgraphEnvSchema, type SubgraphEnv } from "./config";
import { createDataSource, QueryCounter } from "./data-source";
import type { SubgraphSchema } from "./federation";
import { RequestLoaders } from "./loaders";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { exitOnSignals, sendGraphqlError, startGraphqlServer, type RunningServer } from "./server";
import { PRINCIPAL_HEADER, verifyPrincipal, type Principal } from "./principal";
import type { Request, Response, NextFunction } from "express";
import type { ServiceLinks } from "./service-client";
import { languageFromHeader } from "./bilingual";
import type { Language } from "./language";

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
}

/** Everything that distinguishes one subgraph from another. */
export interface SubgraphDefinition {
  name: string;
  defaultPort: number;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
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
export async function openDatabase(definition: SubgraphDefinition, env: Pick<SubgraphEnv, "DATABASE_URL" | "SQLITE_PATH" | "LOG_LEVEL">, queries = new QueryCounter(env.LOG_LEVEL === "debug")) {
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
  const queries = new QueryCounter(env.LOG_LEVEL === "debug");
  const db = await openDatabase(definition, env, queries);
  try {
    await seedIfWanted(definition, db, env.SEED_DEMO_DATA);
    const { schema } = await definition.buildSchema();
    const links: ServiceLinks = {
      self: definition.name,
      urls: { programs: env.PROGRAMS_URL, institutions: env.INSTITUTIONS_URL, partners: env.PARTNERS_URL },
      secret: env.GATEWAY_SIGNING_SECRET,
    };
    const server = await startGraphqlServer<SubgraphContext>({
      name: definition.name,
      schema,
      host: env.HOST,
      port: env.PORT,
      introspection: env.INTROSPECTION ?? env.NODE_ENV !== "production",
      // Inline traces only feed Apollo's hosted usage reporting, which this graph does not use.
      plugins: [ApolloServerPluginInlineTraceDisabled()],
      before: [requireGatewaySignature(env.GATEWAY_SIGNING_SECRET)],
      context: async (req, res) => ({
        db,
        loaders: new RequestLoaders(),
        principal: res.locals.principal as Principal,
        links,
        language: languageFromHeader(req.header("accept-language")),
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
      sendGraphqlError(res, 401, "UNAUTHENTICATED", (error as Error).message);
    }
  };
}

/** The `main` of a subgraph process: configuration from the environment, signals handled. */
export async function runSubgraphProcess(definition: SubgraphDefinition) {
  try {
    const env = parseConfig(subgraphEnvSchema(definition.defaultPort), process.env);
    const running = await startSubgraph(definition, env);
    console.log(`[${definition.name}] ready at ${running.graphqlUrl} (${env.DATABASE_URL ? "MySQL" : "SQLite"})`);
    exitOnSignals(running.stop);
  } catch (error) {
    console.error(`[${definition.name}] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
