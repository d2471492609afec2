import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { ServiceMetrics } from "./metrics";

interface UndiciRequest {
  origin?: string;
  path?: string;
}

/**
 * Times every call this process makes through undici (Node's fetch, or the
 * npm package's Pool the gateway uses: both publish to the same diagnostics
 * channels) to one of `targets` (name → GraphQL URL) and counts the failed
 * ones: the data source that makes the calls stays as it is. A call ends
 * when its answer's body has been read (`trailers`), or fails (`error`:
 * timeout, refused connection, reset). Returns the unsubscribe function.
 * The channels are the whole process's: tests that run several services in
 * one process see each other's calls to the same URLs.
 */
export function watchOutgoingFetches(metrics: ServiceMetrics, targets: Record<string, string>): () => void {
  const byUrl = new Map<string, string>();
  for (const [name, url] of Object.entries(targets)) {
    const parsed = new URL(url);
    byUrl.set(`${parsed.origin}${parsed.pathname}`, name);
  }
  const started = new WeakMap<object, { subgraph: string; at: bigint; status?: number }>();
  const seconds = (at: bigint) => Number(process.hrtime.bigint() - at) / 1e9;

  const onCreate = (message: unknown) => {
    const { request } = message as { request: UndiciRequest };
    const subgraph = byUrl.get(`${request.origin ?? ""}${(request.path ?? "").split("?")[0]}`);
    if (subgraph) started.set(request, { subgraph, at: process.hrtime.bigint() });
  };
  const onHeaders = (message: unknown) => {
    const { request, response } = message as { request: object; response: { statusCode: number } };
    const call = started.get(request);
    if (call) call.status = response.statusCode;
  };
  const onTrailers = (message: unknown) => {
    const { request } = message as { request: object };
    const call = started.get(request);
    if (!call) return;
    started.delete(request);
    const status = call.status ?? 0;
    metrics.subgraphFetches.observe({ subgraph: call.subgraph, outcome: status >= 400 ? "http_error" : "ok" }, seconds(call.at));
    if (status >= 400) metrics.subgraphErrors.inc({ subgraph: call.subgraph, reason: status >= 500 ? "http_5xx" : "http_4xx" });
  };
  const onError = (message: unknown) => {
    const { request, error } = message as { request: object; error: { name?: string } };
    const call = started.get(request);
    if (!call) return;
    started.delete(request);
    metrics.subgraphFetches.observe({ subgraph: call.subgraph, outcome: "failed" }, seconds(call.at));
    const reason = error?.name === "TimeoutError" ? "timeout" : error?.name === "AbortError" ? "aborted" : "unreachable";
    metrics.subgraphErrors.inc({ subgraph: call.subgraph, reason });
  };
  const channels: Array<[string, (message: unknown) => void]> = [
    ["undici:request:create", onCreate],
    ["undici:request:headers", onHeaders],
    ["undici:request:trailers", onTrailers],
    ["undici:request:error", onError],
  ];
  for (const [name, handler] of channels) subscribe(name, handler);
  return () => {
    for (const [name, handler] of channels) unsubscribe(name, handler);
  };
}
