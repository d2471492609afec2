import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import { ErrorCode } from "../errors";
import { createLogger, type LogLevel, type Logger } from "./logger";
import { ServiceMetrics } from "./metrics";
import { acceptOrCreateRequestId, currentRequest, REQUEST_ID_HEADER, runInRequest, type RequestContext } from "./request-context";
import { startServerSpan, withTraceContext } from "./tracing";

export * from "./logger";
export * from "./metrics";
export * from "./outgoing-fetches";
export * from "./request-context";
export * from "./tracing";

/**
 * Where a process serves `/metrics`: on a listener of its own (`port`, 0 for
 * any free one), on its main port next to /graphql, or nowhere.
 */
export type MetricsExposure = { port: number } | "main" | "off";

/**
 * METRICS_PORT as a decision: a number serves /metrics on that port alone
 * (keep it private: do not publish it through the load balancer), `off`
 * serves none, and unset means the main port in development and test, none
 * in production.
 */
export function metricsExposure(env: { NODE_ENV: string; METRICS_PORT?: number | "off" }): MetricsExposure {
  if (env.METRICS_PORT === "off") return "off";
  if (typeof env.METRICS_PORT === "number") return { port: env.METRICS_PORT };
  return env.NODE_ENV === "production" ? "off" : "main";
}

export interface ObservabilitySettings {
  service: string;
  logLevel?: LogLevel;
  metrics?: MetricsExposure;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;
const TAG = Symbol.for("sstc.observability");

/**
 * Logs, metrics and trace context of one service: the express middleware
 * that gives each GraphQL request its id, server span and access line, and
 * the Apollo plugin that tells them which operation ran and which errors it
 * answered.
 */
export class Observability {
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  readonly exposure: MetricsExposure;
  private readonly cleanups: Array<() => void> = [];

  constructor(readonly settings: ObservabilitySettings) {
    this.logger = createLogger(settings.service, settings.logLevel ?? "info");
    this.metrics = new ServiceMetrics(settings.service);
    this.exposure = settings.metrics ?? "main";
  }

  /** Runs `cleanup` when the service stops (e.g. unsubscribing from a channel). */
  onClose(cleanup: () => void) {
    this.cleanups.push(cleanup);
  }

  /** Releases what `onClose` registered. */
  close() {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.metrics.registry.clear();
  }

  /**
   * First middleware of /graphql: takes the client's well-formed
   * `x-request-id` or makes one, echoes it, starts the server span, and
   * writes the access line and the request metrics when the answer is sent
   * (or the client goes away). The line holds no credentials, variables or
   * query text.
   */
  readonly startRequest: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const request: RequestContext = { requestId: acceptOrCreateRequestId(req.header(REQUEST_ID_HEADER)), errorCodes: [] };
    res.setHeader(REQUEST_ID_HEADER, request.requestId);
    const server = startServerSpan(`${req.method} /graphql`, req.headers, {
      "http.request.method": req.method,
      "url.path": "/graphql",
      "sstc.service": this.settings.service,
      "sstc.request_id": request.requestId,
    });
    request.trace = server?.context;
    res.locals.observedRequest = request;
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.statusCode;
      const principal = res.locals.principal as { role?: string; via?: string } | undefined;
      const bodyName = (req.body as { operationName?: unknown } | undefined)?.operationName ?? req.query?.operationName;
      const operation = request.operation ?? (typeof bodyName === "string" && GRAPHQL_NAME.test(bodyName) ? bodyName : undefined);
      const traceId = server?.span.spanContext().traceId;
      const line = {
        requestId: request.requestId,
        method: req.method,
        operation: operation === undefined ? null : operation || "anonymous",
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        errorCodes: request.errorCodes,
        role: principal?.role ?? null,
        via: principal?.via ?? null,
        ...(traceId ? { traceId } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) this.logger.warn(line, "graphql request");
      else this.logger.info(line, "graphql request");
      this.metrics.observeRequest(request.operation, status, seconds, request.errorCodes);
      if (server) {
        server.span.setAttribute("http.response.status_code", status);
        if (operation !== undefined) server.span.setAttribute("graphql.operation.name", operation);
        if (status >= 500) server.span.setStatus({ code: SpanStatusCode.ERROR });
        server.span.end();
      }
    });
    next();
  };

  /**
   * Runs the rest of the request (authentication, GraphQL, resolvers, SQL,
   * outgoing calls) inside its request context and trace context. It comes
   * after the body parser, whose stream callbacks would otherwise lose them.
   */
  readonly bindRequest: RequestHandler = (_req: Request, res: Response, next: NextFunction) => {
    const request = res.locals.observedRequest as RequestContext | undefined;
    if (!request) return next();
    withTraceContext(request.trace, () => runInRequest(request, next));
  };

  /** The Apollo Server plugin of this service; `startGraphqlServer` finds the service's Observability through it. */
  plugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    const plugin: ApolloServerPlugin<C> = {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation }) {
            const request = currentRequest();
            if (request && operation) request.operation = operation.name?.value ?? "";
          },
          async willSendResponse({ response }) {
            const request = currentRequest();
            if (!request || response.body.kind !== "single") return;
            for (const error of response.body.singleResult.errors ?? []) {
              const code = error.extensions?.code;
              request.errorCodes.push(typeof code === "string" ? code : ErrorCode.INTERNAL_SERVER_ERROR);
            }
            if (request.operation !== undefined && request.trace) trace.getSpan(request.trace)?.setAttribute("graphql.operation.name", request.operation);
          },
        };
      },
    };
    return Object.assign(plugin, { [TAG]: this });
  }
}

/** The Observability an Apollo plugin of the list belongs to, if any. */
export function findObservability(plugins: readonly unknown[] | undefined): Observability | undefined {
  for (const plugin of plugins ?? []) {
    const found = (plugin as { [TAG]?: Observability } | null)?.[TAG];
    if (found) return found;
  }
  return undefined;
}
