import { z } from "zod";
import { DEV_SIGNING_SECRET } from "./principal";
import { defaultSubgraphUrl, SUBGRAPHS, urlVariable, type SubgraphName, type UrlVariable } from "./subgraphs";

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
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}`));
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

/** METRICS_PORT: a port for /metrics alone (0 = any free one), or `off`; unset leaves the choice to NODE_ENV (see metricsExposure). */
export const metricsPort = z.preprocess(
  (v) => (v === "" ? undefined : typeof v === "string" && v.trim().toLowerCase() === "off" ? "off" : v),
  z.union([z.literal("off"), z.coerce.number().int().min(0).max(65535)], { error: "must be a port number (0-65535) or off" }).optional(),
);

/** OTEL_EXPORTER_OTLP_ENDPOINT: the OTLP/HTTP collector base URL (spans go to `<url>/v1/traces`); unset turns tracing off. */
export const otlpEndpoint = z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).optional());

/** `<NAME>_URL` for every subgraph in the registry, each defaulting to its loopback port. */
export function subgraphUrlShape() {
  return Object.fromEntries(SUBGRAPHS.map((s) => [urlVariable(s.name), serviceUrl(defaultSubgraphUrl(s.name))])) as Record<
    UrlVariable,
    ReturnType<typeof serviceUrl>
  >;
}

/** The subgraph URLs of a parsed environment, by subgraph name. */
export function subgraphUrls(env: Record<UrlVariable, string>): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPHS.map((s) => [s.name, env[urlVariable(s.name)]])) as Record<SubgraphName, string>;
}

/** The variables every subgraph reads; a subgraph's env.ts adds its own. */
export const subgraphEnvShape = {
  NODE_ENV: nodeEnv,
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: mysqlUrl,
  SQLITE_PATH: optionalString,
  SEED_DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Shared by the gateway and every subgraph: signs and verifies the principal header. */
  GATEWAY_SIGNING_SECRET: z.string().min(32, "must be at least 32 characters").default(DEV_SIGNING_SECRET),
  /** Where the other subgraphs are (for reference checks between them). */
  ...subgraphUrlShape(),
  /** Subgraph introspection (`_service` stays available to signed callers regardless). */
  INTROSPECTION: z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true" || v === "1"), z.boolean().optional()),
  METRICS_PORT: metricsPort,
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
};

/** Refuses development defaults when NODE_ENV=production. */
export function refuseDevDefaultsInProduction(env: { NODE_ENV: string; GATEWAY_SIGNING_SECRET: string }, ctx: z.RefinementCtx) {
  if (env.NODE_ENV === "production" && env.GATEWAY_SIGNING_SECRET === DEV_SIGNING_SECRET) {
    ctx.addIssue({ code: "custom", path: ["GATEWAY_SIGNING_SECRET"], message: "is the development default; production needs its own secret" });
  }
}

export const subgraphEnvSchema = (defaultPort: number) => z.object({ ...subgraphEnvShape, PORT: port(defaultPort) }).superRefine(refuseDevDefaultsInProduction);
export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;
