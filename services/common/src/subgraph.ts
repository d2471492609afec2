import { resolve } from "node:path";
import type { DataSource, EntitySchema, MixedList } from "typeorm";
import type { z } from "zod";
import { parseConfig, subgraphEnvSchema, type SubgraphEnv } from "./config";
import { createDataSource, QueryCounter } from "./data-source";
import type { SubgraphSchema } from "./federation";
import { RequestLoaders } from "./loaders";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { exitOnSignals, startGraphqlServer, type RunningServer } from "./server";

/** What every resolver of a subgraph receives. */
export interface SubgraphContext {
  /** This subgraph's own database. */
  db: DataSource;
  /** The DataLoaders of this request. */
  loaders: RequestLoaders;
}

/** Everything that distinguishes one subgraph from another. */
export interface SubgraphDefinition<E extends SubgraphEnv = SubgraphEnv> {
  name: string;
  defaultPort: number;
  /** The subgraph's environment schema when it reads more than the shared variables. */
  envSchema?: z.ZodType<E>;
  /**
   * What the subgraph adds to every request's context from its configuration
   * (e.g. the URL of a service it calls); computed once at start-up.
   */
  context?(env: E): Record<string, unknown>;
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
export async function startSubgraph<E extends SubgraphEnv>(definition: SubgraphDefinition<E>, env: E): Promise<RunningSubgraph> {
  const extraContext = definition.context?.(env) ?? {};
  const queries = new QueryCounter(env.LOG_LEVEL === "debug");
  const db = await openDatabase(definition, env, queries);
  try {
    await seedIfWanted(definition, db, env.SEED_DEMO_DATA);
    const { schema } = await definition.buildSchema();
    const server = await startGraphqlServer<SubgraphContext>({
      name: definition.name,
      schema,
      host: env.HOST,
      port: env.PORT,
      introspection: true,
      // Inline traces only feed Apollo's hosted usage reporting, which this graph does not use.
      plugins: [ApolloServerPluginInlineTraceDisabled()],
      context: async () => ({ ...extraContext, db, loaders: new RequestLoaders() }),
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

/** The `main` of a subgraph process: configuration from the environment, signals handled. */
export async function runSubgraphProcess<E extends SubgraphEnv>(definition: SubgraphDefinition<E>) {
  try {
    const env = parseConfig(definition.envSchema ?? (subgraphEnvSchema(definition.defaultPort) as unknown as z.ZodType<E>), process.env);
    const running = await startSubgraph(definition, env);
    console.log(`[${definition.name}] ready at ${running.graphqlUrl} (${env.DATABASE_URL ? "MySQL" : "SQLite"})`);
    exitOnSignals(running.stop);
  } catch (error) {
    console.error(`[${definition.name}] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
