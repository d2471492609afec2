import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";
import {
  DEV_SIGNING_SECRET,
  metricsPort,
  nodeEnv,
  optionalString,
  otlpEndpoint,
  parseConfig,
  port,
  refuseDevDefaultsInProduction,
  subgraphUrlShape,
  subgraphUrls,
} from "@sstc/service-kit";

/** Development default for HS256 bearer tokens; production refuses any HS256 secret. */
export const DEV_JWT_SECRET = "dev-only-jwt-hs256-secret-do-not-use-in-production";

const int = (fallback: number, max = 1_000_000) => z.coerce.number().int().min(1).max(max).default(fallback);
const flag = z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true" || v === "1"), z.boolean().optional());

/** express's names for address ranges (proxy-addr): 127.0.0.0/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An address, a subnet in CIDR notation, or one of express's named ranges. */
function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Which reverse proxies may tell the gateway a client's address through
 * X-Forwarded-For: a hop count (the N proxies nearest the gateway) or a comma
 * list of their addresses/subnets. Unset means none, so a client cannot pick
 * the address its public rate limit counts against. `true` (trust every hop)
 * is refused for the same reason.
 */
const trustProxy = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string()
    .default("")
    .transform((value, ctx): false | number | string[] => {
      if (value === "" || value === "0") return false;
      if (/^\d+$/.test(value)) {
        if (Number(value) <= 20) return Number(value);
        ctx.addIssue({ code: "custom", message: "a hop count must be at most 20" });
        return z.NEVER;
      }
      const entries = value.split(",").map((e) => e.trim());
      const bad = entries.filter((e) => !isProxyEntry(e));
      if (bad.length) {
        ctx.addIssue({
          code: "custom",
          message: `must be a hop count or a comma list of proxy addresses, CIDR subnets, loopback, linklocal or uniquelocal; not ${bad.map((b) => JSON.stringify(b)).join(", ")}`,
        });
        return z.NEVER;
      }
      return entries;
    }),
);

export const gatewayEnvSchema = z
  .object({
    NODE_ENV: nodeEnv,
    HOST: z.string().default("127.0.0.1"),
    PORT: port(4000),
    ...subgraphUrlShape(),
    SUPERGRAPH_PATH: optionalString,
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Most keep-alive sockets the gateway holds open to each subgraph; calls beyond them wait for a free one. */
    SUBGRAPH_MAX_SOCKETS: int(64, 10_000),
    /** Merge the reads one request sends a subgraph at the same moment into one operation (default on; `false` sends each as planned). */
    SUBGRAPH_FETCH_MERGING: flag,
    /** Approximate MiB of query plans kept (least recently used go first). */
    QUERY_PLAN_CACHE_MB: int(16, 4096),
    /** MiB of parsed and validated operations kept. */
    DOCUMENT_CACHE_MB: int(8, 4096),
    /** MiB of automatic persisted query texts kept. */
    PERSISTED_QUERY_CACHE_MB: int(8, 4096),
    /** MiB of whole answers to anonymous queries the gateway keeps (0: none); each for its `max-age`, at most CACHE_MAX_AGE. */
    RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
    /** Longest `max-age` of an anonymous, public answer (seconds; 0: nothing is cacheable); subgraphs' hints may shorten it. */
    CACHE_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(60),
    /** Answers larger than this many bytes are compressed (gzip or br, as the client accepts). */
    COMPRESSION_THRESHOLD: z.coerce.number().int().min(0).max(10_000_000).default(1024),
    /** Deadline for probing one subgraph's /ready on /ready/subgraphs (capped by SUBGRAPH_TIMEOUT_MS). */
    SUBGRAPH_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    GRAPHIQL: flag,
    INTROSPECTION: flag,
    CORS_ORIGINS: z.string().default(""),
    TRUST_PROXY: trustProxy,
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** /metrics on a port of its own (0 = any free one) or `off`; unset: the main port outside production, none in production. */
    METRICS_PORT: metricsPort,
    /** OTLP/HTTP collector for traces; unset, tracing is off. */
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
    GATEWAY_SIGNING_SECRET: z.string().min(32, "must be at least 32 characters").default(DEV_SIGNING_SECRET),
    JWT_ISSUER: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("sstc-dev-issuer")),
    JWT_AUDIENCE: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("sstc-graph")),
    JWKS_PATH: optionalString,
    JWKS_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
    JWT_HS256_SECRET: optionalString,
    API_KEYS_FILE: optionalString,
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/, "must look like 100kb")
      .default("100kb"),
    MAX_DEPTH: int(16, 100),
    MAX_ALIASES: int(15, 1000),
    MAX_DIRECTIVES: int(10, 1000),
    MAX_TOKENS: int(2000, 100_000),
    MAX_COST: int(12_000),
    /** The most rows one CSV or XLSX export (/export/…) may hold; a larger export is refused, never cut short. */
    EXPORT_MAX_ROWS: int(5_000, 100_000),
    /** The page size an export reads lists with (`first`, at most the graph's 100); smaller pages cost less each where MAX_COST is low. */
    EXPORT_PAGE_SIZE: int(100, 100),
    RATE_LIMIT_PUBLIC: int(120),
    RATE_LIMIT_PARTNER: int(600),
    RATE_LIMIT_EDITOR: int(600),
    RATE_LIMIT_ADMIN: int(1200),
    /** Refused credentials (bad tokens, unknown API keys) per client address and minute before that address is refused outright. */
    RATE_LIMIT_AUTH_FAILURES: int(10),
  })
  .superRefine(refuseDevDefaultsInProduction)
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (env.JWT_HS256_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["JWT_HS256_SECRET"],
        message: "HS256 development tokens are not accepted in production; use JWKS_PATH or JWKS_URL",
      });
    }
  });
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

/** Parses the gateway's environment (throws ConfigError listing every problem). */
export function loadGatewayEnv(source: NodeJS.ProcessEnv = process.env) {
  const env = parseConfig(gatewayEnvSchema, source);
  const production = env.NODE_ENV === "production";
  return {
    ...env,
    supergraphPath: env.SUPERGRAPH_PATH ?? resolve(__dirname, "../../schema/supergraph.graphql"),
    subgraphUrls: subgraphUrls(env),
    // Exploration tools are on for development and off in production unless asked for.
    graphiql: env.GRAPHIQL ?? !production,
    introspection: env.INTROSPECTION ?? !production,
    corsOrigins: env.CORS_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    // Outside production, bearer tokens signed with the development secret work out of the box (see npm run token).
    JWT_HS256_SECRET: env.JWT_HS256_SECRET ?? (production ? undefined : DEV_JWT_SECRET),
    trustProxy: env.TRUST_PROXY,
    rateLimits: { public: env.RATE_LIMIT_PUBLIC, partner: env.RATE_LIMIT_PARTNER, editor: env.RATE_LIMIT_EDITOR, admin: env.RATE_LIMIT_ADMIN },
  };
}
export type GatewayConfig = ReturnType<typeof loadGatewayEnv>;
