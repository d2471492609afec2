import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

/** The levels LOG_LEVEL accepts (pino's names). */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

let destination: DestinationStream | undefined;

/**
 * Sends every logger created from now on to `stream` instead of stdout (tests
 * read the lines a whole graph writes this way); `undefined` restores stdout.
 */
export function setLogDestination(stream?: DestinationStream) {
  destination = stream;
}

/**
 * Header and field names that must never reach a log line, whatever a caller
 * passes to the logger: credentials, the signed principal, GraphQL variables
 * (they carry personal data such as e-mail addresses).
 */
const REDACTED = [
  "authorization",
  "headers.authorization",
  "headers.cookie",
  'headers["x-api-key"]',
  'headers["x-sstc-principal"]',
  "variables",
  "token",
  "apiKey",
  "password",
];

/**
 * A structured JSON logger for one service: one object per line with
 * `level` (name), `time` (ISO 8601), `service` and `msg`. Errors go in an
 * `err` field (type, message, stack), never as bare stack traces.
 */
export function createLogger(service: string, level: LogLevel = "info"): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED, censor: "[redacted]" },
    },
    // Synchronous writes to stdout: a line logged just before process.exit is never lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** Apollo Server's logger interface on top of a pino logger. */
export function apolloLogger(logger: Logger) {
  return {
    debug: (message: string) => logger.debug(message),
    info: (message: string) => logger.info(message),
    warn: (message: string) => logger.warn(message),
    error: (message: string) => logger.error(message),
  };
}

/**
 * Logs an uncaught exception or unhandled rejection through `logger` at
 * fatal level and exits 1, instead of Node printing a bare stack trace.
 */
export function exitOnUnexpectedErrors(logger: Logger) {
  const fail = (kind: string) => (error: unknown) => {
    logger.fatal({ err: error }, kind);
    process.exit(1);
  };
  process.on("uncaughtException", fail("uncaught exception"));
  process.on("unhandledRejection", fail("unhandled rejection"));
}
