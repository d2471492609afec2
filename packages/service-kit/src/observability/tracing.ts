import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace-node";
import type { IncomingHttpHeaders } from "node:http";
import { currentRequestId, REQUEST_ID_HEADER } from "./request-context";

/** The tracer of the graph's own spans (Apollo Gateway adds its own under `@apollo/gateway`). */
const tracer = trace.getTracer("sstc-graph");

let enabled = false;

/** A running trace pipeline: `flush` exports what is buffered, `shutdown` also stops it. */
export interface Tracing {
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Turns tracing on for this process: spans are batched and exported over
 * OTLP/HTTP (JSON) to `${endpoint}/v1/traces` (or to the given exporter),
 * W3C `traceparent` is read from incoming and written to outgoing requests.
 * Without a call to this, no span is recorded and nothing is exported.
 * OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG and OTEL_EXPORTER_OTLP_HEADERS
 * are read by the SDK itself.
 */
export function startTracing(service: string, target: string | SpanExporter): Tracing {
  const exporter = typeof target === "string" ? new OTLPTraceExporter({ url: `${target.replace(/\/+$/, "")}/v1/traces` }) : target;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": service }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  // Registers the AsyncLocalStorage context manager and the W3C trace-context propagator globally.
  provider.register();
  enabled = true;
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      enabled = false;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/** True once `startTracing` ran in this process. */
export const tracingEnabled = () => enabled;

/**
 * Starts the server span of one incoming HTTP request, as a child of the
 * caller's `traceparent` when there is one. Returns nothing when tracing is off.
 */
export function startServerSpan(name: string, headers: IncomingHttpHeaders, attributes: Record<string, string>): { span: Span; context: Context } | undefined {
  if (!enabled) return undefined;
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `fn` with `ctx` as the active trace context (or as is when there is none). */
export function withTraceContext<T>(ctx: Context | undefined, fn: () => T): T {
  return ctx ? context.with(ctx, fn) : fn();
}

/** The trace id of the active span, for log lines; undefined when tracing is off. */
export function currentTraceId(): string | undefined {
  if (!enabled) return undefined;
  return trace.getActiveSpan()?.spanContext().traceId;
}

/**
 * Records one SQL statement that has just finished as a span of its own
 * (text only, never its parameters), a child of the active span: it ended
 * now and took `durationMs`.
 */
export function recordStatement(system: string, statement: string, durationMs: number | undefined, failed: boolean) {
  if (!enabled) return;
  const end = Date.now();
  const span = tracer.startSpan("db.query", {
    kind: SpanKind.CLIENT,
    startTime: end - (durationMs ?? 0),
    attributes: { "db.system": system, "db.query.text": statement.length > 2000 ? `${statement.slice(0, 2000)}…` : statement },
  });
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(end);
}

/**
 * The headers a call to another service of the graph must carry so that it
 * joins the current request: its `x-request-id` and, when tracing is on, its
 * W3C `traceparent` (the active span becomes the callee's parent).
 */
export function outgoingContextHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const requestId = currentRequestId();
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;
  if (enabled) propagation.inject(context.active(), headers);
  return headers;
}
