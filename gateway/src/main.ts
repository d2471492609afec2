import { exitOnSignals } from "@sstc/common";
import { loadGatewayEnv } from "./env";
import { startGateway } from "./gateway";

async function main() {
  try {
    process.env.APOLLO_TELEMETRY_DISABLED ??= "1";
    const config = loadGatewayEnv();
    const gateway = await startGateway(config);
    console.log(`[gateway] ready at ${gateway.graphqlUrl}`);
    if (gateway.graphiqlUrl) console.log(`[gateway] GraphiQL at ${gateway.graphiqlUrl}`);
    exitOnSignals(gateway.stop);
  } catch (error) {
    console.error(`[gateway] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
