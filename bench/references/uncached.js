#!/usr/bin/env node
"use strict";
/**
 * A reference for the benchmark: our own gateway with its response cache
 * off (RESPONSE_CACHE_MB=0), on the same subgraphs as ours. Ours answers
 * repeated anonymous queries from that cache; this stack shows what the
 * rest of our gateway does without it, so the table says how much of a
 * lead is the cache and how much is everything else.
 *
 * Env: PORT, PROGRAMS_URL / INSTITUTIONS_URL / PARTNERS_URL and our
 * gateway's secrets and settings (read by its env parser). Needs only the
 * root install and a build.
 */
const { join } = require("node:path");
const { ROOT } = require("./common");

process.env.RESPONSE_CACHE_MB = "0";
process.env.APOLLO_TELEMETRY_DISABLED ??= "1";
const { loadGatewayEnv } = require(join(ROOT, "gateway/dist/env.js"));
const { startGateway } = require(join(ROOT, "gateway/dist/gateway.js"));
const { exitOnSignals } = require(join(ROOT, "packages/service-kit/dist"));

async function main() {
  const gateway = await startGateway(loadGatewayEnv());
  console.log(`Our gateway without its response cache is up at ${gateway.graphqlUrl}`);
  exitOnSignals(() => gateway.stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
