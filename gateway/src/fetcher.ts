import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { ErrorCode } from "@sstc/service-kit";

/** How a subgraph data source makes its HTTP calls (@apollo/utils.fetcher's `Fetcher`, as the gateway takes it). */
export type Fetcher = RemoteGraphQLDataSource["fetcher"];

/** What went wrong on the way to a subgraph, in the terms a client is told. */
export interface SubgraphFault {
  code: typeof ErrorCode.SERVICE_UNAVAILABLE | typeof ErrorCode.SERVICE_TIMEOUT;
  /** Short words for operators ("timed out", "unreachable", "HTTP 502"); never an address. */
  reason: string;
}

/**
 * Node's fetch (undici, pooled keep-alive connections) with a deadline that
 * covers connecting, waiting and reading the body. An aborted request
 * destroys its socket, so a hung subgraph leaves no dead connection in the
 * pool for the next request to wait on.
 */
export function deadlineFetcher(timeoutMs: number): Fetcher {
  return (url, init) =>
    fetch(url, {
      ...init,
      // The gateway sends JSON text; a Buffer would be a Uint8Array, which fetch takes too (the cast only drops SharedArrayBuffer from its type).
      body: init?.body as RequestInit["body"],
      signal: AbortSignal.timeout(timeoutMs),
    });
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
  // undici: TypeError("fetch failed") whose cause is the socket error; "other side closed" is UND_ERR_SOCKET.
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } } | undefined)?.cause;
  const codes = [cause?.code, ...(cause?.errors ?? []).map((e) => e.code)];
  if (codes.some((c) => typeof c === "string" && (UNREACHABLE.has(c) || c.startsWith("UND_ERR_")))) {
    return { code: ErrorCode.SERVICE_UNAVAILABLE, reason: "unreachable" };
  }
  if (error instanceof TypeError && error.message === "fetch failed") return { code: ErrorCode.SERVICE_UNAVAILABLE, reason: "unreachable" };
  return undefined;
}
