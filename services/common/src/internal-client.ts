import { BadUserInputError, ConflictError, DomainError, ErrorCode, ForbiddenError, UnauthenticatedError } from "./errors";

/** How long a service-to-service call may take before it is abandoned. */
export const DEFAULT_SERVICE_TIMEOUT_MS = 5_000;

/**
 * A call to another service failed for a reason the client cannot fix
 * (unreachable, timed out, answered garbage or an internal error). It
 * carries INTERNAL_SERVER_ERROR, so the server masks it: the client never
 * sees the internal URL; the log keeps `cause`.
 */
export class ServiceCallError extends DomainError {
  constructor(readonly service: string, readonly reason: string) {
    super(`Call to the ${service} service failed: ${reason}`, ErrorCode.INTERNAL_SERVER_ERROR, { service });
  }
}

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
      headers: { "content-type": "application/json", accept: "application/json", ...options.headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    throw withCause(new ServiceCallError(service, timedOut ? "timed out" : "unreachable"), error);
  }
  let body: { data?: T | null; errors?: Array<{ message?: string; extensions?: { code?: unknown } }> };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw withCause(new ServiceCallError(service, `answered HTTP ${response.status} without a GraphQL body`), error);
  }
  const first = body.errors?.[0];
  if (first) {
    const passThrough = typeof first.extensions?.code === "string" ? PASSED_THROUGH[first.extensions.code] : undefined;
    if (passThrough) throw passThrough(first.message ?? "Invalid request.");
    throw new ServiceCallError(service, `answered with an error: ${first.message ?? "(no message)"}`);
  }
  if (!response.ok || body.data == null) throw new ServiceCallError(service, `answered HTTP ${response.status} without data`);
  return body.data;
}

function withCause<E extends Error>(error: E, cause: unknown): E {
  Object.defineProperty(error, "cause", { value: cause, enumerable: false });
  return error;
}
