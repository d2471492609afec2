import { GraphQLError, type ASTNode, type GraphQLFormattedError } from "graphql";

/**
 * Every code the graph sends (`extensions.code`): the one list, which
 * clients may rely on. Every expected failure carries one of these; anything
 * else is an internal error and is masked before it leaves a server. Source
 * code names them as `ErrorCode.X`, never as bare strings.
 */
export const ErrorCode = {
  // Failures of an operation the graph ran.
  /** An argument or input field is invalid; `extensions.fields` lists each input field by its path, with what is wrong (a value given directly as an argument or variable is named in the message). */
  BAD_USER_INPUT: "BAD_USER_INPUT",
  /** The record named does not exist or is not visible to the caller (`extensions.typeName`, `key`); also HTTP 404 for a path other than /graphql. */
  NOT_FOUND: "NOT_FOUND",
  /** The caller's role or organisation may not do this. */
  FORBIDDEN: "FORBIDDEN",
  /** HTTP 401: the credential presented (token, API key, Authorization scheme) is refused; subgraphs so refuse a request the gateway did not sign. */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** The record changed since the version the caller read, or a unique value is taken; `extensions.currentVersion` when it is the former. */
  CONFLICT: "CONFLICT",
  /** HTTP 429 from the gateway: the caller's requests per minute, or its address's refused credentials, are used up; see Retry-After. */
  RATE_LIMITED: "RATE_LIMITED",
  /** A part of the graph (a subgraph, or a subgraph's database) is unreachable or failing; `extensions.service` names it. Retry later. */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** A part of the graph did not answer within its deadline; `extensions.service` names it. Retry later. */
  SERVICE_TIMEOUT: "SERVICE_TIMEOUT",
  /** Anything unexpected; the message is generic and the details go to the server's log. */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",

  // Refusals of the request itself, before any resolver runs (HTTP 4xx, from the server, graphql-js, Apollo Server or graphql-armor).
  /** The HTTP request is not one GraphQL is served for: malformed or too large a body, a charset other than UTF-8, a method other than GET or POST, a CSRF-unsafe request. */
  BAD_REQUEST: "BAD_REQUEST",
  /** The document is not valid GraphQL syntax, or has more tokens than the gateway allows. */
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  /** The document does not validate against the schema, or is past a gateway limit (depth, aliases, directives, cost). */
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  /** An automatic persisted query's hash is not known (yet): send the query text with it. */
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  /** Apollo Server's answer to a persisted query where automatic persisted queries are off (they are on throughout the graph today). */
  PERSISTED_QUERY_NOT_SUPPORTED: "PERSISTED_QUERY_NOT_SUPPORTED",
  /** No operation can be chosen: `operationName` names none in the document, or there are several and none is named. */
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

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

/**
 * A value its GraphQL type refuses (a custom scalar's parsing, e.g. a Date
 * that is no calendar day): BAD_USER_INPUT, also where graphql-js reports it
 * as a validation failure (a literal written in the document, at `node`).
 */
export class InvalidValueError extends GraphQLError {
  constructor(message: string, node?: ASTNode) {
    super(message, { nodes: node, extensions: { code: ErrorCode.BAD_USER_INPUT } });
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

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

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
      // A literal a scalar refused (a Date that is no calendar day) fails validation, but it is the client's input that is wrong.
      if (code === ErrorCode.GRAPHQL_VALIDATION_FAILED && refusedAsUserInput(error))
        return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
      const coercion = code === ErrorCode.BAD_USER_INPUT && !extensions.fields ? VARIABLE_FIELD_REFUSED.exec(formatted.message) : null;
      // A field of an input variable that graphql-js refused (a scalar's or an enum's value) is named as resolvers' checks name theirs.
      if (coercion) return { ...formatted, extensions: { ...extensions, fields: [{ field: coercion[2], messages: [coercion[3]] }] } };
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

/** graphql-js's refusal of a field inside a variable: `Variable "$input" got invalid value … at "input.date"; <why>`. */
const VARIABLE_FIELD_REFUSED = /^Variable "\$(\w+)" got invalid value .*? at "\1\.([^"]+)"; (.*)$/s;

/** True when a validation error was raised by an {@link InvalidValueError} (a custom scalar refusing a literal). */
function refusedAsUserInput(error: unknown): boolean {
  return error instanceof GraphQLError && error.originalError instanceof InvalidValueError;
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
