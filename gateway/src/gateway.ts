import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import cors from "cors";
import type { Request, Response } from "express";
import { rateLimit } from "express-rate-limit";
import {
  ANONYMOUS,
  ErrorCode,
  PRINCIPAL_HEADER,
  sendGraphqlError,
  signPrincipal,
  startGraphqlServer,
  type Principal,
  type RunningServer,
} from "@sstc/service-kit";
import { createAuthenticator } from "./auth";
import { authFailureThrottle } from "./auth-throttle";
import type { GatewayConfig } from "./env";
import { devToken } from "./dev-token";
import { graphiqlRenderer } from "./graphiql";
import { operationResolutionPlugin } from "./operation-resolution";
import { costLimitPlugin } from "./cost";
import { gatewayObservability, propagateRequestContext } from "./observability";
import { classifyFault, deadlineFetcher, SubgraphHttpError } from "./fetcher";
import { SubgraphHealth } from "./subgraph-health";
import { affectedPaths } from "./fault-paths";
import { mountExports } from "./exports";

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
 *
 * A subgraph that is down or too slow does not fail the whole operation:
 * its part of the answer becomes one error per affected field, at that
 * field's path, with SERVICE_UNAVAILABLE or SERVICE_TIMEOUT and the
 * subgraph's name (never its URL); the gateway fills in everything else.
 */
class SignedSubgraph extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly secret: string,
    timeoutMs: number,
    private readonly health: SubgraphHealth,
  ) {
    super({ url, fetcher: deadlineFetcher(timeoutMs) });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    let response: Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;
    try {
      response = await super.process(options);
    } catch (error) {
      // Apollo Server answers a request it refuses (bad variables, a bad signature) with 4xx and a GraphQL body: those errors are the answer.
      if (error instanceof SubgraphHttpError && error.status < 500 && hasGraphqlErrors(error.body)) response = error.body;
      else {
        const fault = classifyFault(error);
        // Health checks and schema loading (not used on a static supergraph) fail as they always did.
        if (!fault || !("incomingRequestContext" in options)) throw error;
        this.health.recordFailure(this.serviceName, fault.code, fault.reason);
        const message =
          fault.code === ErrorCode.SERVICE_TIMEOUT
            ? `The ${this.serviceName} service did not answer in time; retry later.`
            : `The ${this.serviceName} service is unavailable; retry later.`;
        const extensions = { code: fault.code, service: this.serviceName };
        const paths = affectedPaths(options.document, options.request);
        return { errors: paths.length ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }] };
      }
    }
    this.health.recordAnswer(this.serviceName);
    // A subgraph reporting its own outage (its database) is named the same way.
    for (const error of response.errors ?? []) {
      const code = error.extensions?.code;
      if (code === ErrorCode.SERVICE_UNAVAILABLE || code === ErrorCode.SERVICE_TIMEOUT) {
        // A subgraph passing on another's outage (programs asking partners) has named that one already.
        (error as { extensions: Record<string, unknown> }).extensions = { service: this.serviceName, ...error.extensions };
        this.health.recordFailure(this.serviceName, code, error.message);
      }
    }
    return response;
  }

  /** Replaces the default error, which carries the subgraph's URL and drops a GraphQL body. */
  override async errorFromResponse(response: { status: number; json(): Promise<unknown> }) {
    const body = await response.json().catch(() => undefined);
    return new SubgraphHttpError(response.status, body);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    propagateRequestContext(request);
    const { principal = ANONYMOUS, acceptLanguage } = context as Partial<GatewayContext>;
    request.http!.headers.set(PRINCIPAL_HEADER, await signPrincipal(this.secret, principal, request.query ?? ""));
    if (acceptLanguage) request.http!.headers.set("accept-language", acceptLanguage.slice(0, 200));
  }
}

/** Whether a GraphQL response body carries a non-empty `errors` list. */
function hasGraphqlErrors(body: unknown): body is { errors: Array<{ message: string; extensions?: Record<string, unknown> }> } {
  return typeof body === "object" && body !== null && Array.isArray((body as { errors?: unknown }).errors) && (body as { errors: unknown[] }).errors.length > 0;
}

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
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SignedSubgraph(name, configured.get(name) ?? url!, config.GATEWAY_SIGNING_SECRET, config.SUBGRAPH_TIMEOUT_MS, health),
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
  const server = await startGraphqlServer<GatewayContext>({
    name: "gateway",
    gateway,
    apolloConfig: { validationRules: armor.validationRules, parseOptions: { maxTokens: config.MAX_TOKENS }, allowBatchedHttpRequests: false },
    plugins: [
      operationResolutionPlugin<GatewayContext>(),
      costLimitPlugin<GatewayContext>(config.MAX_COST),
      ...armor.plugins,
      gatewayObservability<GatewayContext>(config),
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
        res.type("html").send(graphiqlPage());
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
    },
  };
}
