import { ConfigError, createLogger, exitOnSignals, exitOnUnexpectedErrors, startTracing } from "@sstc/service-kit";
import { loadGatewayEnv } from "./env";
import { startGateway } from "./gateway";

async function main() {
  let logger = createLogger("gateway", "info");
  try {
    process.env.APOLLO_TELEMETRY_DISABLED ??= "1";
    const config = loadGatewayEnv();
    logger = createLogger("gateway", config.LOG_LEVEL);
    exitOnUnexpectedErrors(logger);
    // Before the gateway starts, so that its first request already has a tracer.
    const tracing = config.OTEL_EXPORTER_OTLP_ENDPOINT ? startTracing("gateway", config.OTEL_EXPORTER_OTLP_ENDPOINT) : undefined;
    const gateway = await startGateway(config);
    logger.info(
      { url: gateway.graphqlUrl, graphiql: gateway.graphiqlUrl, metrics: gateway.metricsUrl, tracing: Boolean(tracing) },
      `ready at ${gateway.graphqlUrl}`,
    );
    exitOnSignals(
      async () => {
        await gateway.stop();
        await tracing?.shutdown();
        logger.info("stopped");
      },
      undefined,
      logger,
    );
  } catch (error) {
    // A bad configuration is the operator's to fix, not a crash: the list of problems, no stack.
    logger.fatal(
      error instanceof ConfigError ? { problems: error.problems } : { err: error },
      `failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}

void main();
