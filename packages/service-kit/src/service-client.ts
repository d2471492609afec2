import { outgoingContextHeaders } from "./observability";
import { BadUserInputError, ConflictError, DomainError, ErrorCode, ForbiddenError, UnauthenticatedError } from "./errors";
import { PRINCIPAL_HEADER, signPrincipal, type Principal } from "./principal";
import type { SubgraphName } from "./subgraphs";

/** How long a service-to-service call may take before it is abandoned. */
export const DEFAULT_SERVICE_TIMEOUT_MS = 5_000;

/**
 * A call to another service failed for a reason the client cannot fix. An
 * outage (unreachable, 5xx, the other service reporting its own outage)
 * carries SERVICE_UNAVAILABLE and a missed deadline SERVICE_TIMEOUT: the
 * client sees which service and may retry, never its URL. Anything else
 * (garbage, an internal error over there) carries INTERNAL_SERVER_ERROR and
 * is masked; the log keeps `cause`.
 */
export class ServiceCallError extends DomainError {
  constructor(
    readonly service: string,
    readonly reason: string,
    code: typeof ErrorCode.SERVICE_UNAVAILABLE | typeof ErrorCode.SERVICE_TIMEOUT | typeof ErrorCode.INTERNAL_SERVER_ERROR = ErrorCode.INTERNAL_SERVER_ERROR,
  ) {
    super(`Call to the ${service} service failed: ${reason}`, code, { service });
  }
}

/** Codes another service reports for its own outage, passed on with the name of that service. */
const OUTAGE_CODES = new Set<string>([ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_TIMEOUT]);

/** Errors another service may report that describe the caller's input, re-raised as they are. */
const PASSED_THROUGH: Partial<Record<string, (message: string) => DomainError>> = {
  [ErrorCode.BAD_USER_INPUT]: (m) => new BadUserInputError(m),
  [ErrorCode.NOT_FOUND]: (m) => new DomainError(m, ErrorCode.NOT_FOUND),
  [ErrorCode.CONFLICT]: (m) => new ConflictError(m),
  [ErrorCode.FORBIDDEN]: (m) => new ForbiddenError(m),
  [ErrorCode.UNAUTHENTICATED]: (m) => new UnauthenticatedError(m),
};

export interface ServiceCallOptions {
  /** Name of the called service, for logs (never its URL). */
  service?: string;
  timeoutMs?: number;
  /** Extra request headers (the signed principal). */
  headers?: Record<string, string>;
}

/**
 * Sends one GraphQL operation to another service of the graph and returns
 * its `data`. Every service-to-service call goes through this one function,
 * so what such calls must carry (a request signature, tracing headers) is
 * added in one place. Uses Node's global fetch with a deadline.
 */
export async function queryService<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: ServiceCallOptions = {},
): Promise<T> {
  const service = options.service ?? "internal";
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...outgoingContextHeaders(), ...options.headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS),
    });
  } catch (error) {
    throw withCause(
      isTimeout(error)
        ? new ServiceCallError(service, "timed out", ErrorCode.SERVICE_TIMEOUT)
        : new ServiceCallError(service, "unreachable", ErrorCode.SERVICE_UNAVAILABLE),
      error,
    );
  }
  let body: { data?: T | null; errors?: Array<{ message?: string; extensions?: { code?: unknown } }> };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    if (isTimeout(error)) throw withCause(new ServiceCallError(service, "timed out", ErrorCode.SERVICE_TIMEOUT), error);
    const outage = response.status >= 500 ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR;
    throw withCause(new ServiceCallError(service, `answered HTTP ${response.status} without a GraphQL body`, outage), error);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code;
    const passThrough = typeof code === "string" ? PASSED_THROUGH[code] : undefined;
    if (passThrough) throw passThrough(first.message ?? "Invalid request.");
    if (typeof code === "string" && OUTAGE_CODES.has(code))
      throw new ServiceCallError(service, code === ErrorCode.SERVICE_TIMEOUT ? "timed out" : "unavailable", code as typeof ErrorCode.SERVICE_UNAVAILABLE);
    throw new ServiceCallError(service, `answered with an error: ${first.message ?? "(no message)"}`);
  }
  if (!response.ok || body.data == null) {
    throw new ServiceCallError(
      service,
      `answered HTTP ${response.status} without data`,
      response.status >= 500 ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR,
    );
  }
  return body.data;
}

/** AbortSignal.timeout's rejection, while connecting or while reading the body. */
const isTimeout = (error: unknown) => error instanceof DOMException && error.name === "TimeoutError";

function withCause<E extends Error>(error: E, cause: unknown): E {
  Object.defineProperty(error, "cause", { value: cause, enumerable: false });
  return error;
}

/** Where the other subgraphs are, and how to sign calls to them. */
export interface ServiceLinks {
  self: string;
  urls: Partial<Record<SubgraphName, string>>;
  secret: string;
  timeoutMs?: number;
}

/**
 * Calls another subgraph directly, signed the way the gateway signs (the
 * subgraphs answer nothing else), through the one service-to-service client
 * (`queryService`: deadline, error pass-through, masking).
 */
export async function callSubgraph<T = Record<string, unknown>>(
  links: ServiceLinks,
  service: SubgraphName,
  principal: Principal,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const url = links.urls[service];
  if (!url) throw new Error(`${links.self}: no URL configured for the ${service} subgraph`);
  return queryService<T>(url, query, variables, {
    service,
    timeoutMs: links.timeoutMs,
    headers: { [PRINCIPAL_HEADER]: await signPrincipal(links.secret, principal, query) },
  });
}
