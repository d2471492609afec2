#!/usr/bin/env node
"use strict";
/**
 * Loads the demo data set (the TPBIS 2023 story) into each subgraph's
 * database: migrates, then seeds every database that is still empty.
 * Same configuration as `npm start` (<NAME>_DATABASE_URL, <NAME>_SQLITE_PATH).
 */
const { ROOT, SUBGRAPHS, subgraphEnv } = require("./services");
const { join } = require("node:path");

async function main() {
  const common = require(join(ROOT, "packages/subgraph-kit/dist"));
  for (const sub of SUBGRAPHS) {
    const definition = require(join(ROOT, `services/${sub.name}/dist`))[`${sub.name}Subgraph`];
    const env = common.parseConfig(common.subgraphEnvSchema(sub.port), subgraphEnv(sub));
    const db = await common.openDatabase(definition, env);
    try {
      const seeded = await common.seedIfWanted(definition, db, env.SEED_DEMO_DATA === "never" ? "auto" : env.SEED_DEMO_DATA);
      console.log(`[seed] ${sub.name}: ${seeded ? "demo data loaded" : "already has data; left as it is"}`);
    } finally {
      await db.destroy();
    }
  }
}

main().catch((error) => {
  console.error(`[seed] failed: ${error.message}`);
  process.exit(1);
});
