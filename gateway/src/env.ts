import { resolve } from "node:path";
import { z } from "zod";
import { nodeEnv, optionalString, parseConfig, port } from "@sstc/common";

const flag = z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true" || v === "1"), z.boolean().optional());

export const gatewayEnvSchema = z.object({
  NODE_ENV: nodeEnv,
  HOST: z.string().default("127.0.0.1"),
  PORT: port(4000),
  PROGRAMS_URL: z.url().default("http://127.0.0.1:4001/graphql"),
  INSTITUTIONS_URL: z.url().default("http://127.0.0.1:4002/graphql"),
  PARTNERS_URL: z.url().default("http://127.0.0.1:4003/graphql"),
  SUPERGRAPH_PATH: optionalString,
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  GRAPHIQL: flag,
  INTROSPECTION: flag,
  CORS_ORIGINS: z.string().default(""),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

/** Parses the gateway's environment (throws ConfigError listing every problem). */
export function loadGatewayEnv(source: NodeJS.ProcessEnv = process.env) {
  const env = parseConfig(gatewayEnvSchema, source);
  const production = env.NODE_ENV === "production";
  return {
    ...env,
    supergraphPath: env.SUPERGRAPH_PATH ?? resolve(__dirname, "../../schema/supergraph.graphql"),
    subgraphUrls: { programs: env.PROGRAMS_URL, institutions: env.INSTITUTIONS_URL, partners: env.PARTNERS_URL } as Record<string, string>,
    // Exploration tools are on for development and off in production unless asked for.
    graphiql: env.GRAPHIQL ?? !production,
    introspection: env.INTROSPECTION ?? !production,
    corsOrigins: env.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
  };
}
export type GatewayConfig = ReturnType<typeof loadGatewayEnv>;
