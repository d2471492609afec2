#!/usr/bin/env node
"use strict";
/**
 * npm run bench — load on the real graph (scripts/start.js on fresh SQLite
 * files, or MySQL via <NAME>_DATABASE_URL), from this machine only.
 * Reports throughput and latency per scenario and the memory of each
 * process, and compares _entities with 1 and 50 representations (the
 * batching ratio: ~1 means the cost does not grow with the list).
 * Machines here are shared and noisy: compare ratios within one run.
 */
const { execFileSync } = require("node:child_process");
const { join } = require("node:path");
const autocannon = require("autocannon");
const { ROOT, startGraph, rssMb } = require("./graph");

const DURATION = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 16);
const PORTS = { GATEWAY_PORT: 5400, PROGRAMS_PORT: 5401, INSTITUTIONS_PORT: 5402, PARTNERS_PORT: 5403 };

function run(opts) {
  return new Promise((res, rej) => autocannon({ duration: DURATION, connections: CONNECTIONS, ...opts }, (err, out) => (err ? rej(err) : res(out))));
}

async function main() {
  const { devToken } = require(join(ROOT, "gateway/dist"));
  const { EXAMPLE_OPERATIONS } = require(join(ROOT, "gateway/dist/examples.js"));
  const { signPrincipal, servicePrincipal, PRINCIPAL_HEADER, DEV_SIGNING_SECRET } = require(join(ROOT, "packages/service-kit/dist"));
  const graph = await startGraph({ ports: PORTS, name: "bench", timeoutMs: 60000 });
  const startMs = graph.startMs;
  const gateway = graph.gatewayUrl;
  const partner = `Bearer ${await devToken({ role: "partner" })}`;
  const json = { "content-type": "application/json" };
  const story = EXAMPLE_OPERATIONS.find((o) => o.name === "SeedStory").query;

  const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { id name country { name } } } }`;
  const ids = JSON.parse(
    await (await fetch(gateway, { method: "POST", headers: json, body: JSON.stringify({ query: "{ institutions(first: 50) { nodes { id } } }" }) })).text(),
  ).data.institutions.nodes.map((n) => n.id);
  const reps = (n) => Array.from({ length: n }, (_, i) => ({ __typename: "Institution", id: ids[i % ids.length] }));
  const signed = {
    ...json,
    [PRINCIPAL_HEADER]: await signPrincipal(process.env.GATEWAY_SIGNING_SECRET || DEV_SIGNING_SECRET, servicePrincipal("bench"), entities),
  };
  const institutions = `http://127.0.0.1:${PORTS.INSTITUTIONS_PORT}/graphql`;

  const scenarios = [
    {
      name: "country page, public (gateway → 2 subgraphs)",
      url: gateway,
      headers: json,
      body: JSON.stringify({ query: '{ country(code: "LK") { name cooperationStats { participantsSent editionsAttended } } }' }),
    },
    {
      name: "seed story, partner (gateway → 3 subgraphs, 19 participants)",
      url: gateway,
      headers: { ...json, authorization: partner },
      body: JSON.stringify({ query: story }),
    },
    { name: "_entities × 1 (institutions subgraph)", url: institutions, headers: signed, body: JSON.stringify({ query: entities, variables: { r: reps(1) } }) },
    {
      name: "_entities × 50 (institutions subgraph)",
      url: institutions,
      headers: signed,
      body: JSON.stringify({ query: entities, variables: { r: reps(50) } }),
    },
  ];
  const results = [];
  for (const s of scenarios) {
    const r = await run({ url: s.url, method: "POST", headers: s.headers, body: s.body });
    results.push({ scenario: s.name, "req/s": Math.round(r.requests.average), "p50 ms": r.latency.p50, "p99 ms": r.latency.p99, errors: r.errors + r.non2xx });
  }
  console.log(`\nSSTC graph benchmark: ${DURATION}s per scenario, ${CONNECTIONS} connections, start-up ${startMs} ms (fresh databases, migrate + seed)\n`);
  console.table(results);
  const ratio = results[3]["p50 ms"] / Math.max(results[2]["p50 ms"], 0.01);
  console.log(`_entities latency, 50 vs 1 representations (p50): ×${ratio.toFixed(2)}`);
  const pids = execFileSync("pgrep", ["-P", String(graph.pid)])
    .toString()
    .trim()
    .split("\n");
  console.log(`memory (RSS MB) of the ${pids.length} processes after load: ${pids.map((p) => rssMb(p)).join(", ")}`);
  await graph.stop();
  if (results.some((r) => r.errors > 0)) {
    console.error("some requests failed");
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
