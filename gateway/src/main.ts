import { runServiceProcess } from "@sstc/service-kit";
import { loadGatewayEnv } from "./env";
import { startGateway } from "./gateway";

void runServiceProcess({
  name: "gateway",
  prepare: () => void (process.env.APOLLO_TELEMETRY_DISABLED ??= "1"),
  loadConfig: () => loadGatewayEnv(),
  start: startGateway,
  describe: (gateway) => ({ graphiql: gateway.graphiqlUrl, metrics: gateway.metricsUrl }),
});
