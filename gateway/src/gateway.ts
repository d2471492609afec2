import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import compression from "compression";
import cors from "cors";
import type { Request, Response } from "express";
import { rateLimit } from "express-rate-limit";
import { ErrorCode, sendGraphqlError, startGraphqlServer, type Principal, type RunningServer } from "@sstc/service-kit";
import { createAuthenticator } from "./auth";
import { authFailureThrottle } from "./auth-throttle";
import type { GatewayConfig } from "./env";
import { devToken } from "./dev-token";
import { graphiqlRenderer } from "./graphiql";
import { operationResolutionPlugin } from "./operation-resolution";
import { costLimitPlugin } from "./cost";
import { gatewayObservability } from "./observability";
import { httpCachePlugins } from "./http-cache";
import { ResponseCache } from "./response-cache";
import { SignedSubgraph, type GatewayContext } from "./subgraph-source";
import { SubgraphHealth } from "./subgraph-health";
import { mountExports } from "./exports";

export type { GatewayContext };

const MIB = 2 ** 20;

export interface RunningGateway extends RunningServer {
  graphiqlUrl: string | null;
}

/** Starts the gateway on the committed supergraph (static composition, no introspection of subgraphs). */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(config.supergraphPath, "utf8");
  const health = new SubgraphHealth(config.subgraphUrls, Math.min(config.SUBGRAPH_HEALTH_TIMEOUT_MS, config.SUBGRAPH_TIMEOUT_MS));
  // Set when shutdown starts, so /ready on a connection still open during the drain says 503.
  let draining = false;
  // A subgraph the registry does not name keeps the URL the supergraph was composed with.
  const configured = new Map<string, string>(Object.entries(config.subgraphUrls));
  const sources: SignedSubgraph[] = [];
  const client = { timeoutMs: config.SUBGRAPH_TIMEOUT_MS, connections: config.SUBGRAPH_MAX_SOCKETS };
  const gateway = new ApolloGateway({
    supergraphSdl,
    // Query plans by operation, sized explicitly (approximate MiB, Apollo's own size estimate): it bounds the gateway's memory.
    experimental_approximateQueryPlanStoreMiB: config.QUERY_PLAN_CACHE_MB,
    buildService: ({ name, url }) => {
      const source = new SignedSubgraph(
        name,
        configured.get(name) ?? url!,
        config.GATEWAY_SIGNING_SECRET,
        client,
        health,
        config.SUBGRAPH_FETCH_MERGING ?? true,
      );
      sources.push(source);
      return source;
    },
  });
  const production = config.NODE_ENV === "production";
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH },
    // armor lets `__typename` aliases through by default, and hundreds of them cost as much as any other.
    maxAliases: { n: config.MAX_ALIASES, allowList: [] },
    maxDirectives: { n: config.MAX_DIRECTIVES },
    // Token counting is left to graphql-js's parser (parseOptions below): armor's re-parse turns syntax errors into validation errors.
    maxTokens: { enabled: false },
    // Cost is weighed by costLimitPlugin, which counts the page sizes a list will really return (variables and defaults too).
    costLimit: { enabled: false },
    // Suggestions are removed from every message in formatError (hideSuggestions below); armor's covers only some and leaves a mask behind.
    blockFieldSuggestion: { enabled: false },
  }).protect();

  const corsMiddleware = cors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true, maxAge: 600 });
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: (_req: Request, res: Response) => res.locals.rateLimit as number,
    keyGenerator: (_req: Request, res: Response) => res.locals.rateKey as string,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // An X-Forwarded-For that no configured proxy vouches for is ignored on purpose (TRUST_PROXY), not a misconfiguration;
    // an export counts each page it reads, so one request may be counted more than once.
    validate: { xForwardedForHeader: false, singleCount: false },
    // The library has set Retry-After to the seconds left in the caller's window.
    handler: (_req: Request, res: Response) =>
      sendGraphqlError(res, 429, ErrorCode.RATE_LIMITED, "Too many requests; slow down and retry after the time in the Retry-After header."),
  });
  const authFailures = authFailureThrottle(config.RATE_LIMIT_AUTH_FAILURES);
  // Failed-credential throttling runs first: an address past its limit gets no verdict on any credential.
  const guards = [authFailures.guard, createAuthenticator(config, authFailures), limiter];
  const context = async (req: Request, res: Response): Promise<GatewayContext> => ({
    principal: res.locals.principal as Principal,
    acceptLanguage: req.header("accept-language"),
  });

  // Outside production GraphiQL starts as a partner (development token), so the examples show the whole story.
  const graphiqlPage = graphiqlRenderer(
    config.JWT_HS256_SECRET && !production
      ? {
          Authorization: `Bearer ${await devToken({ role: "partner", subject: "graphiql", expiresIn: "30d", secret: config.JWT_HS256_SECRET, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE })}`,
        }
      : {},
  );
  const observability = gatewayObservability<GatewayContext>(config);
  const responseCache = ResponseCache.fromMegabytes(config.RESPONSE_CACHE_MB, config.CACHE_MAX_AGE, observability.metrics.responseCacheCounter());
  const server = await startGraphqlServer<GatewayContext>({
    name: "gateway",
    gateway,
    apolloConfig: {
      validationRules: armor.validationRules,
      parseOptions: { maxTokens: config.MAX_TOKENS },
      allowBatchedHttpRequests: false,
      // Parsed and validated documents, and the query texts of automatic persisted queries, each in an LRU of a stated size.
      documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: config.DOCUMENT_CACHE_MB * MIB }),
      cache: new InMemoryLRUCache<string>({ maxSize: config.PERSISTED_QUERY_CACHE_MB * MIB }),
    },
    plugins: [
      operationResolutionPlugin<GatewayContext>(),
      costLimitPlugin<GatewayContext>(config.MAX_COST),
      ...armor.plugins,
      observability.plugin,
      ...httpCachePlugins(config.CACHE_MAX_AGE),
      ...responseCache.plugins(),
    ],
    host: config.HOST,
    port: config.PORT,
    introspection: config.introspection,
    hideSuggestions: !config.introspection,
    trustProxy: config.trustProxy,
    bodyLimit: config.BODY_LIMIT,
    beforeBody: [corsMiddleware],
    before: guards,
    context,
    // Ready means this gateway can serve: started on its supergraph and not shutting down. A subgraph
    // that is down costs only the fields it serves (errors at their paths), so it must not take every
    // gateway out of the load balancer; operators see each subgraph on /ready/subgraphs.
    readiness: async () => {
      if (draining) throw new Error("shutting down");
    },
    routes: (app, execute) => {
      // Everything after this (GraphQL answers, the 9 MB GraphiQL page) is gzip- or br-compressed for clients that accept it.
      app.use(compression({ threshold: config.COMPRESSION_THRESHOLD }));
      const exportGuards = [corsMiddleware, ...guards];
      mountExports(app, {
        supergraphSdl,
        maxRows: config.EXPORT_MAX_ROWS,
        pageSize: config.EXPORT_PAGE_SIZE,
        guards: exportGuards,
        rateLimiter: limiter,
        context,
        execute,
      });
      app.get("/ready/subgraphs", async (_req: Request, res: Response) => {
        const subgraphs = await health.check();
        const allUp = subgraphs.every((s) => s.state === "up");
        res.status(allUp ? 200 : 503).json({ status: allUp ? "ok" : "degraded", subgraphs });
      });
      if (!config.graphiql) return;
      app.get("/graphiql", (_req: Request, res: Response) => {
        const page = graphiqlPage();
        // express answers 304 itself when If-None-Match names this ETag.
        res.set({ etag: page.etag, "cache-control": page.cacheControl }).type("html").send(page.html);
      });
      app.get("/", (_req: Request, res: Response) => res.redirect("/graphiql"));
    },
  });
  return {
    ...server,
    graphiqlUrl: config.graphiql ? `${server.url}/graphiql` : null,
    stop: async () => {
      draining = true;
      await server.stop();
      await Promise.all(sources.map((source) => source.close()));
    },
  };
}
