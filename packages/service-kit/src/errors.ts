import { GraphQLError, type GraphQLFormattedError } from "graphql";

/**
 * The stable error codes clients may rely on (`extensions.code`). Every
 * expected failure in the graph carries one of these; anything else is an
 * internal error and is masked before it leaves a server.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  CONFLICT: "CONFLICT",
  /** HTTP 429 from the gateway: the caller's requests per minute are used up. */
  RATE_LIMITED: "RATE_LIMITED",
  /** A part of the graph (a subgraph, or a subgraph's database) is unreachable or failing; `extensions.service` names it. Retry later. */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** A part of the graph did not answer within its deadline; `extensions.service` names it. Retry later. */
  SERVICE_TIMEOUT: "SERVICE_TIMEOUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes produced by GraphQL itself or by Apollo Server for malformed requests. */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Base class: a GraphQLError whose code is one of {@link ErrorCode}. */
export class DomainError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string, extra: { argument?: string; field?: string; [k: string]: unknown } = {}) {
    super(message, ErrorCode.BAD_USER_INPUT, extra);
  }
}

export class NotFoundError extends DomainError {
  constructor(typeName: string, key: string) {
    super(`${typeName} ${JSON.stringify(key)} was not found.`, ErrorCode.NOT_FOUND, { typeName, key });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, extra);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You are not allowed to do this.") {
    super(message, ErrorCode.FORBIDDEN);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "Authentication is required.") {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), ...REQUEST_ERROR_CODES]);

/**
 * Apollo Server `formatError`: keeps errors that carry a known code and
 * replaces every other error with a generic one, so SQL, stack traces and
 * internal URLs never reach a client. The original is handed to `log`.
 */
export function maskUnexpectedErrors(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _dropped, validationErrors, ...extensions } = formatted.extensions ?? {};
      if (Array.isArray(validationErrors)) {
        // type-graphql's input validation: report each bad field by its path, without echoing the input object back.
        const fields = flattenValidation(validationErrors as ValidationLike[]);
        return {
          ...formatted,
          message: `Invalid input: ${fields.map((f) => `${f.field} ${f.messages.join("; ")}`).join(". ")}`.slice(0, 1000),
          extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, fields },
        };
      }
      return { ...formatted, extensions };
    }
    log(error);
    if (isDatabaseUnavailable(error)) {
      return {
        message: "The service's database is unavailable; retry later.",
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    return {
      message: "Internal server error.",
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Driver codes (mysql2, Node's sockets, MySQL/MariaDB server errors) that mean the database cannot be reached or is going away, not that the statement is wrong. */
const DATABASE_UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR",
  "PROTOCOL_ENQUEUE_AFTER_QUIT",
  "ER_CON_COUNT_ERROR",
  "ER_TOO_MANY_USER_CONNECTIONS",
  "ER_SERVER_SHUTDOWN",
  "ER_NORMAL_SHUTDOWN",
  "ER_SHUTDOWN_COMPLETE",
  "ER_CONNECTION_KILLED",
  "ER_CLIENT_INTERACTION_TIMEOUT",
]);

/** Whether an error, or what it wraps (GraphQL's originalError, TypeORM's driverError, a thrown non-Error, a socket's AggregateError), says the database is unreachable. */
function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; originalError?: unknown; driverError?: unknown; thrownValue?: unknown; errors?: unknown; message?: unknown };
  if (typeof e.code === "string" && DATABASE_UNAVAILABLE.has(e.code)) return true;
  // mysql2 reports a query on a connection the server already closed with a message and no code.
  if (typeof e.message === "string" && /connection is in closed state/.test(e.message)) return true;
  // mysql2's pool rejects with a plain object, which graphql-js wraps as NonErrorThrown { thrownValue }.
  const wrapped = [e.originalError, e.driverError, e.thrownValue, ...(Array.isArray(e.errors) ? e.errors : [])];
  return wrapped.some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

interface ValidationLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationLike[];
}

/** class-validator's nested errors as a flat list of `{ field: "participants.3.personId", messages }`. */
function flattenValidation(list: ValidationLike[], prefix = ""): Array<{ field: string; messages: string[] }> {
  return list.flatMap((v) => {
    const field = prefix ? `${prefix}.${v.property}` : v.property;
    const own = v.constraints ? [{ field, messages: Object.values(v.constraints) }] : [];
    return [...own, ...flattenValidation(v.children ?? [], field)];
  });
}
