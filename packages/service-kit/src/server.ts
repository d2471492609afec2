import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ApolloServer,
  type ApolloServerOptionsWithGateway,
  type GraphQLRequest,
  type GraphQLResponse,
  type ApolloServerOptionsWithSchema,
  type ApolloServerPlugin,
  type BaseContext,
} from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type Request, type Response } from "express";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { ErrorCode, maskUnexpectedErrors } from "./errors";
import { apolloLogger, currentRequestId, findObservability, Observability, type Logger, type RequestContext } from "./observability";

// The package's entry point re-exports this module: logging, metrics and tracing come with the server bootstrap.

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4001 */
  url: string;
  /** The GraphQL endpoint. */
  graphqlUrl: string;
  port: number;
  /** Where Prometheus scrapes this process (`…/metrics`), or null when metrics are not served. */
  metricsUrl: string | null;
  /** Stops accepting requests, lets in-flight ones finish, then closes. */
  stop(): Promise<void>;
}

/** Apollo Server's options apart from what it serves (a schema or a gateway). */
export type ApolloServerSettings<C extends BaseContext> = Omit<ApolloServerOptionsWithSchema<C>, "schema" | "gateway" | "typeDefs" | "resolvers">;

/** What Apollo Server serves: a subgraph's own schema, or the gateway executing the supergraph over its subgraphs. */
export type GraphqlSource<C extends BaseContext> =
  { schema: GraphQLSchema; gateway?: undefined } | { gateway: ApolloServerOptionsWithGateway<C>["gateway"]; schema?: undefined };

/** How {@link startGraphqlServer} serves: what, and everything around it. */
export type GraphqlServerOptions<C extends BaseContext> = GraphqlSource<C> & HttpServiceOptions<C>;

/** The HTTP service around Apollo Server: address, context, middleware, readiness, observability. */
export interface HttpServiceOptions<C extends BaseContext> {
  name: string;
  /** Further Apollo Server options (validation rules, parser limits...); those this bootstrap sets itself take precedence. */
  apolloConfig?: ApolloServerSettings<C>;
  host: string;
  port: number;
  /** Builds the GraphQL context; `res.locals` holds what `before` middleware found (e.g. the principal). */
  context: (req: Request, res: Response) => Promise<C>;
  /** Answers /ready: resolves when the service can serve, rejects when not. */
  readiness: () => Promise<void>;
  plugins?: ApolloServerPlugin<C>[];
  /** Routes mounted before /graphql (GraphiQL, exports...); `execute` runs an operation through this server's Apollo Server. */
  routes?: (app: Express, execute: ExecuteOperation<C>) => void;
  /** Express middleware run before the body is parsed (CORS...). */
  beforeBody?: express.RequestHandler[];
  /** Express middleware run after the body is parsed, before GraphQL (authentication, rate limits...). */
  before?: express.RequestHandler[];
  introspection?: boolean;
  /** Removes "Did you mean …?" from every error message; on by default when introspection is off, since suggestions spell out the schema. */
  hideSuggestions?: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed (express `trust proxy`: a hop count or addresses/subnets); none by default. */
  trustProxy?: false | number | string[];
  bodyLimit?: string;
  /**
   * Logger, metrics and request tracing of this service; when absent, the
   * one carried by an Observability plugin in `plugins`, else a default one.
   */
  observability?: Observability;
  /** @deprecated Ignored: failures go to the structured logger of `observability`. */
  log?: (message: string, error?: unknown) => void;
}

/**
 * Runs one operation through the server's Apollo Server with a context the
 * caller built: parsing limits, validation rules, plugins and error masking
 * apply as to a request on /graphql, without HTTP. For routes beside
 * /graphql that answer from the graph (exports).
 */
export type ExecuteOperation<C extends BaseContext> = (request: GraphQLRequest, context: C) => Promise<GraphQLResponse>;

/**
 * The shared HTTP bootstrap: express with `/health` (process alive) and
 * `/ready` (dependencies answer), Apollo Server at `/graphql` with error
 * masking, and a drain on stop so shutdown never cuts a request short.
 */
export async function startGraphqlServer<C extends BaseContext>(options: GraphqlServerOptions<C>): Promise<RunningServer> {
  const observability = options.observability ?? findObservability(options.plugins) ?? new Observability({ service: options.name });
  const logger = observability.logger;
  // Stack traces go in the `err` field of one JSON line, with the request they belong to.
  const log = (message: string, error?: unknown) => logger.error({ err: error, requestId: currentRequestId() }, message);
  const app = express();
  app.disable("x-powered-by");
  // Without a configured proxy, X-Forwarded-For is the client's own say-so: req.ip stays the socket's address.
  app.set("trust proxy", options.trustProxy ?? false);
  app.get("/health", (_req: Request, res: Response) => {
    res.json({ status: "ok", service: options.name });
  });
  app.get("/ready", async (_req: Request, res: Response) => {
    try {
      await options.readiness();
      res.json({ status: "ready", service: options.name });
    } catch (error) {
      logger.warn({ err: error }, "readiness check failed");
      res.status(503).json({ status: "unavailable", service: options.name });
    }
  });
  if (observability.exposure === "main") app.get("/metrics", metricsHandler(observability));

  const mask = maskUnexpectedErrors((error) => log("unexpected error", error));
  const httpServer: Server = createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const settings: ApolloServerSettings<C> = {
    ...options.apolloConfig,
    introspection: options.introspection ?? true,
    csrfPrevention: true,
    // Shutdown is ours (exitOnSignals): Apollo's own handler would stop the server and re-raise the signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    logger: apolloLogger(logger),
    formatError: (options.hideSuggestions ?? !(options.introspection ?? true)) ? withoutSuggestions(mask) : mask,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...(findObservability(options.plugins) ? [] : [observability.plugin<C>()]),
      ...(options.plugins ?? []),
    ],
  };
  const apollo = new ApolloServer<C>(options.gateway ? { ...settings, gateway: options.gateway } : { ...settings, schema: options.schema });
  await apollo.start();
  options.routes?.(app, (request, contextValue) => apollo.executeOperation(request, { contextValue }));
  app.use(
    "/graphql",
    // app.use also matches /graphql/anything: GraphQL is served at /graphql alone.
    (req: Request, res: Response, next: express.NextFunction) => (req.originalUrl.split("?")[0] === "/graphql" ? next() : notFound(res)),
    observability.startRequest,
    refuseOtherMethods,
    ...(options.beforeBody ?? []),
    express.json({ limit: options.bodyLimit ?? "1mb", verify: requireUtf8 }),
    observability.bindRequest,
    ...(options.before ?? []),
    expressMiddleware(apollo, { context: async ({ req, res }) => options.context(req, res) }),
  );
  // Malformed JSON and oversized bodies reach here: answer in GraphQL's shape, never with an HTML stack.
  app.use((error: { status?: number; type?: string; message?: string }, _req: Request, res: Response, _next: express.NextFunction) => {
    if (error.type === INVALID_UTF8) return sendGraphqlError(res, 400, ErrorCode.BAD_REQUEST, "Request body is not valid UTF-8.");
    // body-parser reports a throwing verify hook as 403 whatever the error says.
    const status = error.type === UNSUPPORTED_CHARSET ? 415 : error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log("request failed", error);
    const message =
      status === 413
        ? "Request body is too large."
        : status === 415
          ? "Request body must be UTF-8 JSON."
          : status === 500
            ? "Internal server error."
            : "Malformed request body.";
    sendGraphqlError(res, status, status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST, message);
  });

  app.use((_req: Request, res: Response) => notFound(res));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const base = (p: number) => `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${p}`;
  const url = base(port);
  let metricsServer: Server | undefined;
  let metricsUrl: string | null = observability.exposure === "main" ? `${url}/metrics` : null;
  if (typeof observability.exposure === "object") {
    try {
      metricsServer = await listenForMetrics(observability, options.host, observability.exposure.port);
    } catch (error) {
      await apollo.stop();
      observability.close();
      throw new Error(`cannot serve metrics on port ${observability.exposure.port} (METRICS_PORT): ${(error as Error).message}`);
    }
    metricsUrl = `${base((metricsServer.address() as AddressInfo).port)}/metrics`;
  }
  // While stopping, every response says Connection: close: a keep-alive client would otherwise send its next
  // request on a socket the drain then ends, and get a reset instead of an answer.
  let draining = false;
  const inFlight = new Set<import("node:http").ServerResponse>();
  httpServer.prependListener("request", (_req, res) => {
    if (draining) return void res.setHeader("Connection", "close");
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
  });
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    metricsUrl,
    stop: async () => {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      await apollo.stop();
      if (metricsServer) await new Promise<void>((resolve) => metricsServer!.close(() => resolve()));
      observability.close();
    },
  };
}

/** Answers a Prometheus scrape with the service's registry. */
function metricsHandler(observability: Observability) {
  return async (_req: Request, res: Response) => {
    const { contentType, body } = await observability.metrics.scrape();
    res.type(contentType).send(body);
  };
}

/**
 * The metrics listener: GET /metrics and nothing else, on a port of its own
 * so that a deployment can keep it off the public network.
 */
async function listenForMetrics(observability: Observability, host: string, port: number): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  app.get("/metrics", metricsHandler(observability));
  app.use((_req: Request, res: Response) => res.status(404).type("text/plain").send("Not found; metrics are at /metrics.\n"));
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

const ALLOWED_METHODS = new Set(["GET", "POST", "HEAD", "OPTIONS"]);

/** GraphQL over HTTP is GET and POST; HEAD and CORS preflights go on as before, anything else is 405 with `Allow`. */
function refuseOtherMethods(req: Request, res: Response, next: express.NextFunction) {
  if (ALLOWED_METHODS.has(req.method)) return next();
  sendGraphqlError(res, 405, ErrorCode.BAD_REQUEST, `The ${req.method} method is not allowed; send GraphQL requests with GET or POST.`, { Allow: "GET, POST" });
}

const notFound = (res: Response) => sendGraphqlError(res, 404, ErrorCode.NOT_FOUND, "No such route; GraphQL is served at /graphql.");

const INVALID_UTF8 = "encoding.invalid_utf8";
// body-parser's own type for a charset it cannot decode (415); the verify hook reuses it for every charset but UTF-8.
const UNSUPPORTED_CHARSET = "charset.unsupported";
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * body-parser's `verify` hook: refuses bytes that are not UTF-8 instead of
 * letting the decoder turn them into U+FFFD, which would then be stored as
 * if the client had sent it.
 */
function requireUtf8(_req: unknown, _res: unknown, body: Buffer, encoding: string) {
  if (encoding.toLowerCase() !== "utf-8") {
    throw Object.assign(new Error("unsupported charset"), { type: UNSUPPORTED_CHARSET });
  }
  try {
    utf8.decode(body);
  } catch {
    throw Object.assign(new Error("invalid UTF-8"), { type: INVALID_UTF8 });
  }
}

const SUGGESTION = /\s*Did you mean\b[^?]*\?/gi;

/** Wraps a formatError so that no message offers schema names ("Did you mean "country"?"), from graphql-js or anywhere else. */
function withoutSuggestions(format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    const message = result.message.replace(SUGGESTION, "").trim();
    return message === result.message ? result : { ...result, message };
  };
}

/**
 * Answers a request that never reaches GraphQL (auth, limits, bad bodies) in
 * GraphQL's error shape, in the media type the client prefers as Apollo
 * Server negotiates it: `application/graphql-response+json` when its Accept
 * header ranks that above `application/json`, else `application/json`.
 */
export function sendGraphqlError(res: Response, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}) {
  (res.locals.observedRequest as RequestContext | undefined)?.errorCodes.push(code);
  res
    .status(status)
    .set(headers)
    .type(errorMediaType(res.req))
    .json({ errors: [{ message, extensions: { code } }] });
}

const JSON_TYPE = "application/json";
const GRAPHQL_RESPONSE_TYPE = "application/graphql-response+json";

/** The media type of an error answer for this request (express's `accepts`, the negotiator Apollo Server uses, JSON first on a tie). */
function errorMediaType(req: Request | undefined): string {
  const preferred = req?.accepts([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]);
  return preferred === GRAPHQL_RESPONSE_TYPE ? GRAPHQL_RESPONSE_TYPE : JSON_TYPE;
}

/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits 0. Signals that arrive
 * while stopping are ignored (process managers and terminals often deliver
 * one to every process of a group); a stop that hangs past `graceMs` forces
 * exit 1. Started by the launcher (scripts/start.js, over an IPC channel),
 * the process also tells it that it is serving, and stops when the channel
 * closes: the launcher is gone, even if it was SIGKILLed.
 */
export function exitOnSignals(stop: () => Promise<void>, graceMs = 10_000, logger?: Logger) {
  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(1), graceMs);
    timer.unref();
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        if (logger) logger.error({ err: error, reason }, "shutdown failed");
        else console.error(`shutdown after ${reason} failed`, error);
        process.exit(1);
      });
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  if (typeof process.send === "function") {
    // The channel may already have closed while this process was starting.
    if (!process.connected) return shutdown("launcher exit");
    process.on("disconnect", () => shutdown("launcher exit"));
    // Without a callback a send racing the channel's close would throw; the disconnect handler covers that case.
    process.send({ type: "serving", pid: process.pid }, undefined, undefined, () => {});
  }
}
