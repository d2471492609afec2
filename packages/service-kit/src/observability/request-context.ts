import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Context } from "@opentelemetry/api";

/** The header that carries a request's id from client to gateway to subgraphs, and back in every response. */
export const REQUEST_ID_HEADER = "x-request-id";

/** What one process knows about the request it is serving; resolvers, the SQL logger and outgoing calls read it. */
export interface RequestContext {
  requestId: string;
  /** The executed operation's name ("" for an unnamed one); unset until GraphQL resolved it. */
  operation?: string;
  /** The `extensions.code` of every error in the response. */
  errorCodes: string[];
  /** The trace context of this request's server span (when tracing is on). */
  trace?: Context;
}

const storage = new AsyncLocalStorage<RequestContext>();

// Letters, digits and -_.: only (UUIDs, ULIDs, W3C/hex ids, most load balancers' ids): nothing that could forge a log field or a header.
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The client's request id when it is well formed, else a fresh UUID. */
export function acceptOrCreateRequestId(header: string | undefined): string {
  return header && WELL_FORMED.test(header) ? header : randomUUID();
}

/** Runs `fn` (and everything it awaits) inside `request`. */
export function runInRequest<T>(request: RequestContext, fn: () => T): T {
  return storage.run(request, fn);
}

/** The request being served, when code runs on behalf of one. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** The id of the request being served, when code runs on behalf of one. */
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;
