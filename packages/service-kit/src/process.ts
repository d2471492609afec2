import { ConfigError } from "./config";
import { createLogger, exitOnUnexpectedErrors, startTracing, type LogLevel } from "./observability";
import { exitOnSignals } from "./server";

/** What a process's configuration must say for the shared start-up: how much to log and where traces go. */
export interface ProcessConfig {
  LOG_LEVEL: LogLevel;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}

/** A started service: where it listens, and how to stop it. */
export interface StartedService {
  graphqlUrl: string;
  stop(): Promise<void>;
}

/**
 * The `main` of every process of the graph (the gateway and each subgraph):
 * configuration from the environment, tracing when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set, JSON logs for start, stop and anything unexpected, signals handled.
 * A bad configuration is the operator's to fix, not a crash: it is logged as
 * the list of problems, without a stack, and the process exits with 1.
 */
export async function runServiceProcess<C extends ProcessConfig, S extends StartedService>(options: {
  name: string;
  /** Parses the environment (throws ConfigError listing every problem). */
  loadConfig: () => C;
  /** Runs before the service starts, e.g. to set defaults in process.env. */
  prepare?: () => void;
  start: (config: C) => Promise<S>;
  /** Fields of the "ready" log line besides the URL. */
  describe?: (service: S, config: C) => Record<string, unknown>;
}) {
  let logger = createLogger(options.name, "info");
  try {
    options.prepare?.();
    const config = options.loadConfig();
    logger = createLogger(options.name, config.LOG_LEVEL);
    exitOnUnexpectedErrors(logger);
    // Before the service starts, so that its first request already has a tracer.
    const tracing = config.OTEL_EXPORTER_OTLP_ENDPOINT ? startTracing(options.name, config.OTEL_EXPORTER_OTLP_ENDPOINT) : undefined;
    const service = await options.start(config);
    logger.info({ url: service.graphqlUrl, ...options.describe?.(service, config), tracing: Boolean(tracing) }, `ready at ${service.graphqlUrl}`);
    exitOnSignals(
      async () => {
        await service.stop();
        await tracing?.shutdown();
        logger.info("stopped");
      },
      undefined,
      logger,
    );
  } catch (error) {
    logger.fatal(
      error instanceof ConfigError ? { problems: error.problems } : { err: error },
      `failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
