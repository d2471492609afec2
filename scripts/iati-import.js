#!/usr/bin/env node
"use strict";
/**
 * Reads an IATI 2.03 activities file and creates or updates programmes,
 * editions, institutions, partners, partnerships and commitments through the
 * graph's API (every rule of the graph applies), idempotently. The file is
 * checked in full (official XSD, IATI code lists, every reference) before
 * anything is written; a refused file is reported as `line N: message`.
 *   npm run iati:import -- file.xml [--url http://127.0.0.1:4000/graphql] [--token <admin token>] [--default-country ID]
 * Without --token (or SSTC_TOKEN), a development admin token is minted, which
 * only a gateway outside production accepts.
 */
const { parseArgs } = require("node:util");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string", default: process.env.GRAPHQL_URL || "http://127.0.0.1:4000/graphql" },
    token: { type: "string", default: process.env.SSTC_TOKEN },
    "schema-dir": { type: "string" },
    "default-country": { type: "string", default: "ID" },
  },
});
const { iati } = require(join(__dirname, "../services/programs/dist"));

async function main() {
  if (positionals.length !== 1) throw new Error("Usage: npm run iati:import -- file.xml [--url …] [--token …]");
  const schemaDir = values["schema-dir"] ?? iati.iatiSchemaDir();
  if (!schemaDir) throw new Error("The IATI 2.03 schema files were not found: set IATI_SCHEMA_DIR or --schema-dir (README, IATI).");
  const token = values.token ?? (await require(join(__dirname, "../gateway/dist")).devToken({ role: "admin", subject: "iati-import" }));
  const graph = iati.httpGraphClient(values.url, { authorization: `Bearer ${token}` });
  const outcome = await iati.importIatiActivities(readFileSync(positionals[0], "utf8"), graph, { schemaDir, defaultCountry: values["default-country"] });
  if (!outcome.ok) {
    for (const p of outcome.problems) console.error(`${positionals[0]}: ${iati.formatProblem(p)}`);
    console.error("Nothing was imported.");
    process.exitCode = 1;
    return;
  }
  for (const what of ["created", "updated", "skipped"]) {
    const counts = Object.entries(outcome.report[what]).map(([kind, n]) => `${n} ${kind}`);
    console.log(`${what}: ${counts.join(", ")}`);
  }
}

main().catch((error) => {
  console.error(`Import stopped: ${error.message}. What was written before stays; run the same import again to complete it.`);
  process.exitCode = 1;
});
