import { z } from "zod";

/** Raised when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses an environment once against a zod schema. Every problem is listed
 * in one error, so a bad deployment is fixed in one round instead of one
 * variable per restart.
 */
export function parseConfig<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Empty strings count as unset: `FOO=` in an env file must not mean "the value ''". */
export const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const nodeEnv = z.enum(["development", "test", "production"]).default("development");

/** A MySQL URL (`mysql://user:pass@host:port/db`), the switch from the embedded SQLite file. */
export const mysqlUrl = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .regex(/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_$-]+(\?.*)?$/, "must look like mysql://user:password@host:3306/database")
    .optional(),
);

/** The URL of another service of the graph (http or https), with the local default. */
export const serviceUrl = (fallback: string) => z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).default(fallback));

/** The variables every subgraph reads; a subgraph's env.ts adds its own. */
export const subgraphEnvShape = {
  NODE_ENV: nodeEnv,
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: mysqlUrl,
  SQLITE_PATH: optionalString,
  SEED_DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
};

export const subgraphEnvSchema = (defaultPort: number) => z.object({ ...subgraphEnvShape, PORT: port(defaultPort) });
export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;
