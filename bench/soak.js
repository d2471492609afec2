#!/usr/bin/env node
"use strict";
/**
 * npm run soak — steady load on the real graph (scripts/start.js on fresh
 * SQLite files, or MySQL via <NAME>_DATABASE_URL) for SOAK_SECONDS, from
 * this machine only, with a mix of operations: the public country page, the
 * seed story as a partner, and the programme search. Every SOAK_SAMPLE_SECONDS
 * it reads each service's resident memory (VmRSS in /proc/<pid>/status) and
 * at the end prints throughput, errors, memory over time, and whether memory
 * levels off.
 *
 * "Levels off": the samples are cut in thirds. A garbage-collected
 * process's RSS is a sawtooth, so slopes over a minute or two swing by tens
 * of MB/min either way; what a leak raises is the floor the sawtooth falls
 * back to. So a process levels off when the lowest RSS of the last third is
 * at most SOAK_TOLERANCE_MB (default 10) or 5 %, whichever is larger, above
 * the lowest of the middle third. The least-squares slopes (MB/min) of the
 * first and last thirds are printed next to it: warm-up grows memory, a
 * leak keeps growing it. Exits 1 on any failed request or a process that
 * does not level off.
 */
const { join } = require("node:path");
const autocannon = require("autocannon");
const { ROOT, startGraph, servicesOf, rssMb } = require("./graph");

const SECONDS = Number(process.env.SOAK_SECONDS || 300);
const SAMPLE_SECONDS = Number(process.env.SOAK_SAMPLE_SECONDS || 10);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS || 8);
// Requests per second over all connections: a steady, bounded load rather than as much as the machine takes.
const RATE = Number(process.env.SOAK_RATE || 100);
const TOLERANCE_MB = Number(process.env.SOAK_TOLERANCE_MB || 10);
const PORTS = { GATEWAY_PORT: 5430, PROGRAMS_PORT: 5431, INSTITUTIONS_PORT: 5432, PARTNERS_PORT: 5433 };

/** Least-squares slope of points [x, y]. */
function slope(points) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function main() {
  const { devToken } = require(join(ROOT, "gateway/dist"));
  const { EXAMPLE_OPERATIONS } = require(join(ROOT, "gateway/dist/examples.js"));
  const graph = await startGraph({ ports: PORTS, name: "soak" });
  const services = servicesOf(graph.pid);
  const gateway = graph.gatewayUrl;
  const json = { "content-type": "application/json" };
  const partner = { ...json, authorization: `Bearer ${await devToken({ role: "partner", expiresIn: `${SECONDS + 600}s` })}` };
  const op = (name) => EXAMPLE_OPERATIONS.find((o) => o.name === name).query;
  const operations = [
    {
      name: "country page (public)",
      headers: json,
      body: JSON.stringify({ query: '{ country(code: "LK") { name cooperationStats { participantsSent editionsAttended } } }' }),
    },
    { name: "seed story (partner)", headers: partner, body: JSON.stringify({ query: op("SeedStory") }) },
    { name: "programme search (public)", headers: json, body: JSON.stringify({ query: op("FindPrograms") }) },
  ];
  const perOperation = operations.map((o) => ({ operation: o.name, responses: 0, "graphql errors": 0, non2xx: 0 }));
  const requests = operations.map((o, i) => ({
    method: "POST",
    path: "/graphql",
    headers: o.headers,
    body: o.body,
    onResponse: (status, body) => {
      const row = perOperation[i];
      row.responses++;
      if (status < 200 || status >= 300) row.non2xx++;
      else if (/"errors"\s*:/.test(body)) row["graphql errors"]++;
    },
  }));

  const samples = [];
  let lastCount = 0;
  const sample = () => {
    const count = perOperation.reduce((s, r) => s + r.responses, 0);
    const t = (Date.now() - loadStart) / 1000;
    samples.push({ t, "req/s": Math.round((count - lastCount) / (t - (samples.at(-1)?.t ?? 0) || 1)), rss: services.map((s) => rssMb(s.pid)) });
    lastCount = count;
  };
  console.error(`[soak] ${SECONDS}s at ≤${RATE} req/s over ${CONNECTIONS} connections on ${gateway}; sampling every ${SAMPLE_SECONDS}s`);
  const loadStart = Date.now();
  sample();
  const timer = setInterval(sample, SAMPLE_SECONDS * 1000);
  const result = await new Promise((res, rej) =>
    autocannon({ url: gateway, connections: CONNECTIONS, overallRate: RATE, duration: SECONDS, requests }, (err, r) => (err ? rej(err) : res(r))),
  );
  clearInterval(timer);
  if ((Date.now() - loadStart) / 1000 - samples.at(-1).t > SAMPLE_SECONDS / 2) sample();

  const graphCode = await graph.stop();

  console.log(`\nSSTC graph soak: ${SECONDS}s, ≤${RATE} req/s over ${CONNECTIONS} connections, sampled every ${SAMPLE_SECONDS}s\n`);
  console.log(
    `throughput: ${Math.round(result.requests.average)} req/s average, ${result.requests.total} requests; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(`errors: ${result.errors} connection errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  console.table(perOperation);
  console.log("memory (RSS MB) over time:");
  console.table(samples.map((s) => ({ "t (s)": Math.round(s.t), "req/s": s["req/s"], ...Object.fromEntries(services.map((p, i) => [p.name, s.rss[i]])) })));

  const third = Math.max(2, Math.floor(samples.length / 3));
  const verdicts = services.map((p, i) => {
    const points = samples.map((s) => [s.t / 60, s.rss[i]]).filter(([, y]) => y !== null);
    const thirds = [points.slice(0, third), points.slice(third, points.length - third), points.slice(-third)];
    const floor = (part) => Math.min(...part.map(([, y]) => y));
    const growth = floor(thirds[2]) - floor(thirds[1]);
    return {
      process: `${p.name} (pid ${p.pid})`,
      "start MB": points[0]?.[1],
      "end MB": points.at(-1)?.[1],
      "first third MB/min": Number(slope(thirds[0]).toFixed(1)),
      "last third MB/min": Number(slope(thirds[2]).toFixed(1)),
      "middle third low MB": floor(thirds[1]),
      "last third low MB": floor(thirds[2]),
      "levels off": growth <= Math.max(TOLERANCE_MB, floor(thirds[1]) * 0.05),
    };
  });
  console.log(
    `memory verdict: a process levels off when the lowest RSS of the last third (${third} samples) is at most ${TOLERANCE_MB} MB or 5 % above the lowest of the middle third`,
  );
  console.table(verdicts);
  const failed = perOperation.reduce((s, r) => s + r.non2xx + r["graphql errors"], 0) + result.errors + result.timeouts;
  console.log(`graph stopped with exit code ${graphCode}`);
  if (failed > 0) console.error(`[soak] ${failed} requests failed`);
  if (verdicts.some((v) => !v["levels off"])) console.error("[soak] memory did not level off");
  if (failed > 0 || verdicts.some((v) => !v["levels off"]) || samples.length < 6) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
