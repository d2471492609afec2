"use strict";
/**
 * The benchmark's arithmetic and its markdown: percentiles, per stack × op
 * summaries over the rounds, ratios to our stack, and the tables of the
 * results file. Pure functions (tests/unit/bench-report.test.ts).
 */

/** The p-th percentile (0–100) of ascending `sorted` by the nearest-rank method; null for none. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round1 = (x) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10) / 10);

/**
 * One stack × op over its rounds. `rounds` are the load child's results
 * ({ elapsedMs, requests, latencies, non2xx, graphqlErrors, connectionErrors,
 * timeouts }) with `cpuTicks` ({ process: ticks }) and `peakRssMb` ({
 * process: MB }) the runner measured around each; `tickMs` is the length of
 * a clock tick.
 */
function summarize(rounds, tickMs = 10) {
  const requests = rounds.reduce((s, r) => s + r.requests, 0);
  const seconds = rounds.reduce((s, r) => s + r.elapsedMs, 0) / 1000;
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const processes = [...new Set(rounds.flatMap((r) => Object.keys(r.cpuTicks ?? {})))];
  const cpuMsPerRequest = {};
  const peakRssMb = {};
  for (const p of processes) {
    const ticks = rounds.reduce((s, r) => s + (r.cpuTicks?.[p] ?? 0), 0);
    cpuMsPerRequest[p] = requests ? Math.round(((ticks * tickMs) / requests) * 100) / 100 : null;
    peakRssMb[p] = round1(Math.max(...rounds.map((r) => r.peakRssMb?.[p] ?? 0)));
  }
  return {
    requests,
    seconds: round1(seconds),
    reqPerSec: seconds ? round1(requests / seconds) : 0,
    unfinished: rounds.reduce((s, r) => s + (r.unfinished ?? 0), 0),
    roundsReqPerSec: rounds.map((r) => round1(r.requests / (r.elapsedMs / 1000))),
    p50: round1(percentile(latencies, 50)),
    p95: round1(percentile(latencies, 95)),
    p99: round1(percentile(latencies, 99)),
    errors: rounds.reduce((s, r) => s + r.non2xx + r.graphqlErrors + (r.connectionErrors ?? 0) + (r.timeouts ?? 0), 0),
    cpuMsPerRequest,
    peakRssMb,
  };
}

/** ours / reference for throughput (above 1: ours serves more) and p99 (below 1: ours waits less); null where either is missing. */
function ratios(ours, reference) {
  if (!ours || !reference) return { throughput: null, p99: null };
  return {
    throughput: reference.reqPerSec ? Math.round((ours.reqPerSec / reference.reqPerSec) * 100) / 100 : null,
    p99: reference.p99 ? Math.round((ours.p99 / reference.p99) * 100) / 100 : null,
  };
}

/** A markdown table from a header row and rows of cells (null shows as "–"). */
function table(header, rows) {
  const cell = (v) => (v === null || v === undefined ? "–" : String(v).replace(/\|/g, "\\|"));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === "number"));
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (numeric[i] ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

const fmtMap = (m) =>
  Object.entries(m ?? {})
    .map(([k, v]) => `${k} ${v ?? "–"}`)
    .join(", ") || null;

/**
 * The markdown of one run: header (date, machine, settings), then per
 * configuration (scale × database) the stack × op table, the ratios, the
 * SQL statements per operation, and the growth table when there are several
 * scales.
 */
function markdown(run) {
  const out = [];
  const m = run.machine;
  out.push(`# Benchmark ${run.date}`);
  out.push("");
  out.push(`- machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB RAM, Node.js ${m.node}, ${m.os}`);
  out.push(
    `- settings: scales ${run.settings.scales.join(", ")}; databases ${run.settings.dbs.join(", ")}; ${run.settings.seconds} s × ${run.settings.rounds} rounds per stack × operation, alternating stacks round by round (after a ${run.settings.warmupSeconds} s warm-up each); ${run.settings.connections} connections; load from a separate process`,
  );
  out.push(`- stacks: ${run.stacks.map((s) => `${s.name}${s.skipped ? ` (skipped: ${s.skipped})` : ""}`).join("; ")}`);
  out.push(
    "- each cell: throughput in requests/second, requests answered, latency percentiles in ms (of answered requests: the one in flight on each connection when a round stops is not, which flatters an operation that answers only a few requests a round); CPU ms per request and peak RSS (MB) per process during the load; errors are non-2xx answers, answers with GraphQL `errors`, connection errors and timeouts",
  );
  out.push("- the machine is shared and noisy: compare stacks within one run (ratios), not across runs");
  for (const config of run.configs) {
    out.push("");
    out.push(`## ${config.scale}x data on ${config.db}`);
    out.push("");
    const c = config.counts;
    out.push(
      `Data: ${c.programs} programmes, ${c.editions} editions, ${c.participations} participations, ${c.institutions} institutions, ${c.people} people, ${c.partners} partners (generated, plus the demo data). Seed + load ${config.loadSeconds} s; graph start ${config.startSeconds} s.`,
    );
    out.push("");
    const rows = [];
    for (const op of config.operations) {
      for (const stack of Object.keys(op.results)) {
        const r = op.results[stack];
        rows.push([op.name, stack, r.reqPerSec, r.requests, r.p50, r.p95, r.p99, r.errors, fmtMap(r.cpuMsPerRequest), fmtMap(r.peakRssMb)]);
      }
    }
    out.push(table(["operation", "stack", "req/s", "requests", "p50 ms", "p95 ms", "p99 ms", "errors", "CPU ms/request", "peak RSS MB"], rows));
    const references = [...new Set(config.operations.flatMap((op) => Object.keys(op.results)))].filter((s) => s !== "ours");
    if (references.length > 0) {
      out.push("");
      out.push("Ours / reference (throughput: above 1 is ours faster; p99: below 1 is ours better):");
      out.push("");
      out.push(
        table(
          ["operation", ...references.flatMap((s) => [`vs ${s} req/s`, `vs ${s} p99`])],
          config.operations.map((op) => [
            op.name,
            ...references.flatMap((s) => {
              const q = ratios(op.results.ours, op.results[s]);
              return [q.throughput, q.p99];
            }),
          ]),
        ),
      );
    }
    out.push("");
    out.push(
      "SQL statements for one request of each operation, alone, per subgraph (`sstc_sql_statements_total`; ours asked with `Cache-Control: no-cache`), the share of requests identical to one of the 15 before them, and the share of ours' requests its response cache answered during the load:",
    );
    out.push("");
    const sqlStacks = [...new Set(config.operations.flatMap((op) => Object.keys(op.sqlStatements ?? {})))];
    out.push(
      table(
        ["operation", ...sqlStacks.map((s) => `${s}: programs / institutions / partners`), "identical share", "ours: response cache hits"],
        config.operations.map((op) => [
          op.name,
          ...sqlStacks.map((s) => {
            const q = op.sqlStatements?.[s];
            return q ? `${q.programs} / ${q.institutions} / ${q.partners}` : null;
          }),
          `${Math.round(op.identicalShare * 100)} %`,
          `${Math.round((op.responseCacheHitShare ?? 0) * 100)} %`,
        ]),
      ),
    );
  }
  const growth = growthTable(run.configs);
  if (growth) {
    out.push("");
    out.push("## Growth with data");
    out.push("");
    out.push(growth);
  }
  out.push("");
  return out.join("\n");
}

/** p50 of each operation at each scale (per database and stack) and the ratio of the largest scale to the smallest; null with one scale. */
function growthTable(configs) {
  const scales = [...new Set(configs.map((c) => c.scale))].sort((a, b) => a - b);
  if (scales.length < 2) return null;
  const rows = [];
  for (const db of [...new Set(configs.map((c) => c.db))]) {
    const byScale = scales.map((s) => configs.find((c) => c.db === db && c.scale === s));
    const first = byScale[0];
    if (!first) continue;
    for (const op of first.operations) {
      for (const stack of Object.keys(op.results)) {
        const p50s = byScale.map((c) => c?.operations.find((o) => o.name === op.name)?.results[stack]?.p50 ?? null);
        const ratio = p50s[0] && p50s.at(-1) ? Math.round((p50s.at(-1) / p50s[0]) * 100) / 100 : null;
        rows.push([op.name, db, stack, ...p50s, ratio]);
      }
    }
  }
  return table(["operation", "db", "stack", ...scales.map((s) => `p50 ms at ${s}x`), `${scales.at(-1)}x / ${scales[0]}x`], rows);
}

module.exports = { percentile, summarize, ratios, table, markdown, growthTable };
