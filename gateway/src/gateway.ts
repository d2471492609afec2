import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import cors from "cors";
import type { Request, Response } from "express";
import { rateLimit } from "express-rate-limit";
import { ANONYMOUS, PRINCIPAL_HEADER, sendGraphqlError, signPrincipal, startGraphqlServer, type Principal, type RunningServer } from "@sstc/common";
import { createAuthenticator } from "./auth";
import { authFailureThrottle } from "./auth-throttle";
import type { GatewayConfig } from "./env";
import { devToken } from "./dev-token";
import { graphiqlRenderer } from "./graphiql";
import { operationResolutionPlugin } from "./operation-resolution";

export interface GatewayContext {
  principal: Principal;
  /** The client's Accept-Language, passed on so subgraphs answer in it. */
  acceptLanguage?: string;
}

/**
 * Calls a subgraph with the caller's principal signed for that very query
 * (subgraphs refuse anything else), through Node's fetch (undici: pooled
 * keep-alive connections) with a deadline — the gateway has none by default,
 * and one hung subgraph would otherwise hold every request that touches it.
 */
class SignedSubgraph extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly secret: string, timeoutMs: number) {
    super({ url, fetcher: ((u: string, init: RequestInit) => fetch(u, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const { principal = ANONYMOUS, acceptLanguage } = context as Partial<GatewayContext>;
    request.http!.headers.set(PRINCIPAL_HEADER, await signPrincipal(this.secret, principal, request.query ?? ""));
    if (acceptLanguage) request.http!.headers.set("accept-language", acceptLanguage.slice(0, 200));
  }
}

export interface RunningGateway extends RunningServer {
  graphiqlUrl: string | null;
}

/** Starts the gateway on the committed supergraph (static composition, no introspection of subgraphs). */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(config.supergraphPath, "utf8");
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SignedSubgraph(config.subgraphUrls[name] ?? url!, config.GATEWAY_SIGNING_SECRET, config.SUBGRAPH_TIMEOUT_MS),
  });
  const production = config.NODE_ENV === "production";
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH },
    // armor lets `__typename` aliases through by default, and hundreds of them cost as much as any other.
    maxAliases: { n: config.MAX_ALIASES, allowList: [] },
    maxDirectives: { n: config.MAX_DIRECTIVES },
    // Token counting is left to graphql-js's parser (parseOptions below): armor's re-parse turns syntax errors into validation errors.
    maxTokens: { enabled: false },
    costLimit: { maxCost: config.MAX_COST },
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
    // An X-Forwarded-For that no configured proxy vouches for is ignored on purpose (TRUST_PROXY), not a misconfiguration.
    validate: { xForwardedForHeader: false },
    // The library has set Retry-After to the seconds left in the caller's window.
    handler: (_req: Request, res: Response) => sendGraphqlError(res, 429, "RATE_LIMITED", "Too many requests; slow down and retry after the time in the Retry-After header."),
  });
  const authFailures = authFailureThrottle(config.RATE_LIMIT_AUTH_FAILURES);

  // Outside production GraphiQL starts as a partner (development token), so the examples show the whole story.
  const graphiqlPage = graphiqlRenderer(
    config.JWT_HS256_SECRET && !production
      ? { Authorization: `Bearer ${await devToken({ role: "partner", subject: "graphiql", expiresIn: "30d", secret: config.JWT_HS256_SECRET, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE })}` }
      : {},
  );
  const server = await startGraphqlServer<GatewayContext>({
    name: "gateway",
    apolloConfig: { gateway, validationRules: armor.validationRules, parseOptions: { maxTokens: config.MAX_TOKENS }, allowBatchedHttpRequests: false },
    plugins: [operationResolutionPlugin<GatewayContext>(), ...(armor.plugins as never[])],
    host: config.HOST,
    port: config.PORT,
    introspection: config.introspection,
    hideSuggestions: !config.introspection,
    trustProxy: config.trustProxy,
    bodyLimit: config.BODY_LIMIT,
    beforeBody: [corsMiddleware],
    // Failed-credential throttling runs first: an address past its limit gets no verdict on any credential.
    before: [authFailures.guard, createAuthenticator(config, authFailures), limiter],
    context: async (req, res) => ({ principal: res.locals.principal as Principal, acceptLanguage: req.header("accept-language") }),
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
    log: production ? (m, e) => console.error(`[gateway] ${m}: ${e instanceof Error ? e.message : String(e ?? "")}`) : undefined,
  });
  return { ...server, graphiqlUrl: config.graphiql ? `${server.url}/graphiql` : null };
}
