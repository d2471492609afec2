import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import cors from "cors";
import type { Request, Response } from "express";
import { startGraphqlServer, type RunningServer } from "@sstc/common";
import type { GatewayConfig } from "./env";
import { graphiqlPage } from "./graphiql";

/**
 * Subgraph calls through Node's fetch (undici: pooled keep-alive
 * connections) with a deadline, because the gateway has none by default and
 * one hung subgraph would otherwise hold every request that touches it.
 */
function fetchWithTimeout(timeoutMs: number) {
  return ((url: string, init: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never;
}

export interface RunningGateway extends RunningServer {
  graphiqlUrl: string | null;
}

/** Starts the gateway on the committed supergraph (static composition, no introspection of subgraphs). */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(config.supergraphPath, "utf8");
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({ url: config.subgraphUrls[name] ?? url, fetcher: fetchWithTimeout(config.SUBGRAPH_TIMEOUT_MS) }),
  });
  const corsMiddleware = cors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true });
  const server = await startGraphqlServer({
    name: "gateway",
    apolloConfig: { gateway },
    host: config.HOST,
    port: config.PORT,
    introspection: config.introspection,
    before: [corsMiddleware],
    context: async () => ({}),
    readiness: async () => {
      await Promise.all(
        Object.values(config.subgraphUrls).map(async (url) => {
          const res = await fetch(url.replace(/\/graphql$/, "/ready"), { signal: AbortSignal.timeout(2000) });
          if (!res.ok) throw new Error(`${url} is not ready (${res.status})`);
        }),
      );
    },
    routes: (app) => {
      if (!config.graphiql) return;
      app.get("/graphiql", (_req: Request, res: Response) => {
        res.type("html").send(graphiqlPage());
      });
      app.get("/", (_req: Request, res: Response) => res.redirect("/graphiql"));
    },
  });
  return { ...server, graphiqlUrl: config.graphiql ? `${server.url}/graphiql` : null };
}
