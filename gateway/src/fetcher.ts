import { GraphQLError } from "graphql";
import { Pool } from "undici";
import { ErrorCode } from "@sstc/service-kit";

/** What went wrong on the way to a subgraph, in the terms a client is told. */
export interface SubgraphFault {
  code: typeof ErrorCode.SERVICE_UNAVAILABLE | typeof ErrorCode.SERVICE_TIMEOUT;
  /** Short words for operators ("timed out", "unreachable", "HTTP 502"); never an address. */
  reason: string;
}

/** A subgraph's answer as it came over the wire: each caller parses `text` itself, so a shared answer is never one shared object. */
export interface SubgraphAnswer {
  status: number;
  /** The subgraph's `cache-control` header, which the gateway folds into its own response's policy. */
  cacheControl: string | undefined;
  text: string;
}

export interface SubgraphClientOptions {
  /** Deadline of one call: connecting, waiting and reading the body. */
  timeoutMs: number;
  /** Most sockets kept open to the subgraph; requests beyond them queue. */
  connections: number;
}

/** POSTs a GraphQL request body to one subgraph and resolves with its answer (any status), or rejects with a socket error or the deadline. */
export type SubgraphClient = ((body: string, headers: Record<string, string>) => Promise<SubgraphAnswer>) & { close(): Promise<void> };

/**
 * One subgraph's HTTP client: undici's Pool (keep-alive sockets, at most
 * `connections` of them) and its plain `request()` API — Node's fetch builds
 * WHATWG Request, Headers and stream objects per call, a quarter of the
 * gateway's CPU under load. The deadline covers connecting, waiting and
 * reading the body; an aborted request destroys its socket, so a hung
 * subgraph leaves no dead connection in the pool for the next request.
 */
export function subgraphClient(url: string, options: SubgraphClientOptions): SubgraphClient {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: options.connections, keepAliveTimeout: 30_000 });
  const path = `${target.pathname}${target.search}`;
  const call = async (body: string, headers: Record<string, string>): Promise<SubgraphAnswer> => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const response = await pool.request({ path, method: "POST", headers, body, signal });
    const cacheControl = response.headers["cache-control"];
    return {
      status: response.statusCode,
      cacheControl: Array.isArray(cacheControl) ? cacheControl.join(", ") : cacheControl,
      text: await response.body.text(),
    };
  };
  return Object.assign(call, { close: () => pool.close() });
}

/**
 * A subgraph answered with a non-2xx status; the body is kept when it is a
 * GraphQL response. A GraphQLError because that is what the data source's
 * `errorFromResponse` returns; it carries no code, so it is masked like any
 * other unexpected error if it ever reaches a client.
 */
export class SubgraphHttpError extends GraphQLError {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/** Node's socket error codes that mean nothing is (any longer) listening or reachable there. */
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "ETIMEDOUT"]);

const isUnreachableCode = (code: unknown) => typeof code === "string" && (UNREACHABLE.has(code) || code.startsWith("UND_ERR_"));

/**
 * Classifies a failed subgraph call: the deadline passing is SERVICE_TIMEOUT;
 * a refused, reset or unresolvable connection, a socket closed mid-answer,
 * or a 5xx is SERVICE_UNAVAILABLE. Anything else (a bug, a 4xx) is not an
 * outage and is left to the usual masking (undefined).
 */
export function classifyFault(error: unknown): SubgraphFault | undefined {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { code: ErrorCode.SERVICE_TIMEOUT, reason: "timed out" };
  }
  if (error instanceof SubgraphHttpError) {
    return error.status >= 500 ? { code: ErrorCode.SERVICE_UNAVAILABLE, reason: `HTTP ${error.status}` } : undefined;
  }
  // undici's request() rejects with the socket error itself ("other side closed" is UND_ERR_SOCKET); fetch wraps it as the cause of TypeError("fetch failed").
  const failure = error as { code?: unknown; errors?: Array<{ code?: unknown }>; cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } } | undefined;
  const codes = [failure?.code, ...(failure?.errors ?? []).map((e) => e.code), failure?.cause?.code, ...(failure?.cause?.errors ?? []).map((e) => e.code)];
  if (codes.some(isUnreachableCode)) return { code: ErrorCode.SERVICE_UNAVAILABLE, reason: "unreachable" };
  if (error instanceof TypeError && error.message === "fetch failed") return { code: ErrorCode.SERVICE_UNAVAILABLE, reason: "unreachable" };
  return undefined;
}
