import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { metricsExposure, Observability, outgoingContextHeaders, watchOutgoingFetches, type ServiceMetrics } from "@sstc/service-kit";
import type { GatewayConfig } from "./env";

/**
 * The gateway's logs, metrics and request tracing, as the Apollo plugin that
 * carries them to the server bootstrap: JSON logs at LOG_LEVEL, /metrics as
 * METRICS_PORT and NODE_ENV decide, and the duration and failures of every
 * call to a subgraph.
 */
export function gatewayObservability<C extends BaseContext>(config: GatewayConfig): { plugin: ApolloServerPlugin<C>; metrics: ServiceMetrics } {
  const observability = new Observability({ service: "gateway", logLevel: config.LOG_LEVEL, metrics: metricsExposure(config) });
  observability.onClose(watchOutgoingFetches(observability.metrics, config.subgraphUrls));
  return { plugin: observability.plugin<C>(), metrics: observability.metrics };
}

/**
 * The headers that make a subgraph call part of the client's request: the
 * same `x-request-id` and, when tracing is on, a `traceparent` whose parent
 * is the gateway's span for this fetch.
 */
export const outgoingHeaders = (): Record<string, string> => outgoingContextHeaders();
