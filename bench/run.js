#!/usr/bin/env node
"use strict";
/**
 * npm run bench — the graph under a fixed mix of real portal operations, on a
 * generated data set, beside the stacks a team would pick instead.
 *
 *   npm run bench -- [--scale 1[,10]] [--db sqlite|mysql|both] [--seconds 5]
 *     [--rounds 2] [--warmup 1] [--connections 16]
 *     [--stacks ours,ours-uncached,hive-js,hive-rust,monolith] [--ops CataloguePage,...]
 *     [--out bench/results] [--seed 20231117]
 *
 * For each database and scale: generates the data set (bench/dataset.js),
 * migrates, seeds and bulk-loads it into fresh databases (SQLite files, or
 * databases it creates and drops on BENCH_MYSQL_URL), starts our graph in
 * production mode with secrets made for this run, starts the reference
 * stacks on the same subgraphs and databases, checks the data through the
 * graph and that every stack's answer to every operation deep-equals ours,
 * counts SQL statements per operation, then puts load on each stack × op from
 * a separate process (bench/load.js), op by op, round by round, alternating
 * stacks within a round. Writes <out>/<date>-<scales>x-<db>.json and .md.
 * Exits 1 when an answer differs, data is missing or a request fails.
 */
const { fork } = require("node:child_process");
const { randomBytes } = require("node:crypto");
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const os = require("node:os");
const { join, resolve } = require("node:path");
const { isDeepStrictEqual, parseArgs } = require("node:util");
const { generate, loadDataset } = require("./dataset");
const { ROOT, startGraph, servicesOf, processTree, cpuTicks, tickMs, rssMb } = require("./graph");
const { OPERATIONS, requestBodies, identicalShare } = require("./operations");
const { summarize, markdown } = require("./report");
const { missingReason, ensureReferenceDependencies, startReference } = require("./stacks");

const SUBGRAPHS = ["programs", "institutions", "partners"];
const PORTS = {
  GATEWAY_PORT: 5400,
  PROGRAMS_PORT: 5401,
  INSTITUTIONS_PORT: 5402,
  PARTNERS_PORT: 5403,
  GATEWAY_METRICS_PORT: 5410,
  PROGRAMS_METRICS_PORT: 5411,
  INSTITUTIONS_METRICS_PORT: 5412,
  PARTNERS_METRICS_PORT: 5413,
};
const REFERENCE_PORTS = { "hive-js": 5420, "hive-rust": 5421, monolith: 5422, "ours-uncached": 5423 };

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      db: { type: "string", default: "sqlite" },
      seconds: { type: "string", default: "5" },
      rounds: { type: "string", default: "2" },
      warmup: { type: "string", default: "1" },
      connections: { type: "string", default: "16" },
      stacks: { type: "string", default: "ours,ours-uncached,hive-js,hive-rust,monolith" },
      ops: { type: "string", default: OPERATIONS.map((o) => o.name).join(",") },
      out: { type: "string", default: "bench/results" },
      seed: { type: "string", default: "20231117" },
    },
  });
  const problems = [];
  const number = (name, min) => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min) problems.push(`--${name} must be a number of at least ${min}, not ${values[name]}`);
    return n;
  };
  const scales = values.scale.split(",").map((s) => Number(s));
  if (scales.some((s) => !(s > 0))) problems.push(`--scale must be positive numbers separated by commas, not ${values.scale}`);
  const dbs = values.db === "both" ? ["sqlite", "mysql"] : [values.db];
  if (!dbs.every((d) => d === "sqlite" || d === "mysql")) problems.push(`--db must be sqlite, mysql or both, not ${values.db}`);
  if (dbs.includes("mysql") && !process.env.BENCH_MYSQL_URL)
    problems.push("--db mysql needs BENCH_MYSQL_URL=mysql://user:pass@host:port/ (a server where the user may create and drop databases)");
  const stacks = values.stacks.split(",").filter(Boolean);
  if (!stacks.includes("ours")) problems.push("--stacks must include ours: the references are measured against it");
  const ops = values.ops.split(",").filter(Boolean);
  const unknown = ops.filter((o) => !OPERATIONS.some((op) => op.name === o));
  if (unknown.length) problems.push(`unknown --ops ${unknown.join(", ")}; known: ${OPERATIONS.map((o) => o.name).join(", ")}`);
  const settings = {
    scales,
    dbs,
    seconds: number("seconds", 1),
    rounds: number("rounds", 1),
    warmupSeconds: number("warmup", 0),
    connections: number("connections", 1),
    stacks,
    ops,
    out: resolve(ROOT, values.out),
    seed: number("seed", 0),
  };
  if (problems.length) {
    for (const p of problems) log(p);
    process.exit(2);
  }
  return settings;
}

function machine() {
  const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  return { cpuModel, cores: os.cpus().length, ramGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}` };
}

/** Secrets made for this run: a signing secret, an ES256 key pair whose public half is the JWKS (production accepts no HS256), and an HS256 secret for references that only take that. */
async function makeSecrets(dir) {
  const { generateKeyPair, exportJWK, SignJWT } = await import("jose");
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = randomBytes(8).toString("hex");
  const jwksPath = join(dir, "jwks.json");
  writeFileSync(jwksPath, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" }] }));
  const env = {
    NODE_ENV: "production",
    GATEWAY_SIGNING_SECRET: randomBytes(32).toString("hex"),
    JWT_ISSUER: `sstc-bench-${randomBytes(4).toString("hex")}`,
    JWT_AUDIENCE: "sstc-bench",
    JWKS_PATH: jwksPath,
  };
  const hs256 = randomBytes(32).toString("hex");
  const claims = () =>
    new SignJWT({ role: "partner" }).setSubject("bench-partner").setIssuer(env.JWT_ISSUER).setAudience(env.JWT_AUDIENCE).setIssuedAt().setExpirationTime("6h");
  return {
    env,
    // The references read our gateway's settings (loadGatewayEnv), which in production refuse an HS256 secret: they verify the same JWKS as ours.
    referenceEnv: env,
    tokens: {
      ES256: await claims().setProtectedHeader({ alg: "ES256", kid }).sign(privateKey),
      HS256: await claims().setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(hs256)),
    },
  };
}

async function post(url, body, headers = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  try {
    return { status: res.status, ...JSON.parse(text) };
  } catch {
    return { status: res.status, text };
  }
}
const gql = (url, query, variables, headers) => post(url, JSON.stringify({ query, variables }), headers);

/** Databases for one configuration: SQLite files in a fresh folder, or fresh databases on BENCH_MYSQL_URL. */
async function makeDatabases(db, tag) {
  if (db === "sqlite") {
    const dir = mkdtempSync(join(os.tmpdir(), "sstc-bench-db-"));
    return {
      targets: Object.fromEntries(SUBGRAPHS.map((s) => [s, { sqlitePath: join(dir, `${s}.sqlite`) }])),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const mysql = require(join(ROOT, "node_modules/mysql2/promise"));
  const base = process.env.BENCH_MYSQL_URL.replace(/^mariadb:/, "mysql:");
  const names = Object.fromEntries(SUBGRAPHS.map((s) => [s, `sstc_bench_${tag}_${s}`]));
  const conn = await mysql.createConnection({ uri: base });
  for (const name of Object.values(names)) {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await conn.end();
  const url = new URL(base);
  return {
    targets: Object.fromEntries(SUBGRAPHS.map((s) => [s, { url: `${url.protocol}//${url.username}:${url.password}@${url.host}/${names[s]}` }])),
    drop: async () => {
      const c = await mysql.createConnection({ uri: base });
      for (const name of Object.values(names)) await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** Checks through our graph that the generated data is there and visible as it should be; throws naming every mismatch. */
async function verifyData(url, dataset, partner) {
  const q = `query BenchCounts($e: ID!) {
    programs { totalCount } editions { totalCount } institutions { totalCount } countries { totalCount }
    statistics { participationCount }
    edition(id: $e) { participations { totalCount } }
  }`;
  const asPartner = await gql(url, q, { e: dataset.edition100 }, partner);
  const asPublic = await gql(url, q.replace("edition(id: $e) { participations { totalCount } }", "edition(id: $e) { id }"), { e: dataset.edition100 });
  const x = dataset.expected;
  const checks = [
    ["programs (partner)", asPartner.data?.programs?.totalCount, x.programs],
    ["editions (partner)", asPartner.data?.editions?.totalCount, x.editions],
    ["institutions", asPartner.data?.institutions?.totalCount, x.institutions],
    ["countries", asPartner.data?.countries?.totalCount, x.countries],
    ["participations (partner statistics)", asPartner.data?.statistics?.participationCount, x.participations],
    ["participants of the 100 edition", asPartner.data?.edition?.participations?.totalCount, 100],
    ["programs (public)", asPublic.data?.programs?.totalCount, x.publishedPrograms],
    ["editions (public)", asPublic.data?.editions?.totalCount, x.publishedEditions],
    ["participations (public statistics)", asPublic.data?.statistics?.participationCount, x.participationsInPublished],
  ];
  const wrong = checks.filter(([, got, want]) => got !== want);
  if (asPartner.errors || asPublic.errors || wrong.length) {
    throw new Error(
      `the graph does not show the generated data:\n${wrong.map(([what, got, want]) => `  ${what}: ${got} (expected ${want})`).join("\n")}\n${JSON.stringify(asPartner.errors ?? asPublic.errors ?? [])}`,
    );
  }
  return Object.fromEntries(checks.map(([what, got]) => [what, got]));
}

/** What two answers must agree on: the data and each error's path and code (messages may be worded differently). */
const comparable = (answer) => ({
  status: answer.status,
  data: answer.data,
  errors: (answer.errors ?? []).map((e) => ({ path: e.path ?? null, code: e.extensions?.code ?? null })),
});

/** Sum of one measure over the trees of `pids`. */
const treeSum = (pids, measure) => pids.flatMap((pid) => processTree(pid)).reduce((s, pid) => s + (measure(pid) ?? 0), 0);

/** Runs the load child for one stack × op; resolves with its result plus CPU ticks and peak RSS of the stack's processes. */
function loadRound({ stack, op, bodies, headers, seconds, connections, progress }) {
  const file = join(os.tmpdir(), `sstc-bench-load-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ url: stack.url, headers, bodies, seconds, connections }));
  const before = Object.fromEntries(stack.processes.map((p) => [p.name, treeSum([p.pid], cpuTicks)]));
  const peak = Object.fromEntries(stack.processes.map((p) => [p.name, 0]));
  const sampleRss = () => {
    for (const p of stack.processes) peak[p.name] = Math.max(peak[p.name], treeSum([p.pid], rssMb));
  };
  sampleRss();
  const sampler = setInterval(sampleRss, 200);
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(__dirname, "load.js"), [file], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.on("message", (m) => {
      if (m.type === "progress") progress?.(m);
      else if (m.type === "error") reject(new Error(`load generator: ${m.message}`));
      else if (m.type === "done") {
        clearInterval(sampler);
        sampleRss();
        const cpu = Object.fromEntries(stack.processes.map((p) => [p.name, treeSum([p.pid], cpuTicks) - before[p.name]]));
        child.disconnect();
        // Requests still in flight when the load stops would run into the next stack's round: wait until this stack is idle.
        waitIdle(stack.processes.map((p) => p.pid)).then(() => resolvePromise({ ...m, cpuTicks: cpu, peakRssMb: peak }), reject);
      }
    });
    child.on("exit", (code) => {
      clearInterval(sampler);
      if (code) reject(new Error(`load generator (${stack.name}, ${op.name}) exited ${code}`));
    });
  });
}

/** Resolves once `pids` have used at most 2 clock ticks in each of two consecutive 250 ms windows (or after 120 s). */
async function waitIdle(pids) {
  const deadline = Date.now() + 120_000;
  let quiet = 0;
  let last = treeSum(pids, cpuTicks);
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = treeSum(pids, cpuTicks);
    quiet = now - last <= 2 ? quiet + 1 : 0;
    last = now;
  }
}

/** Sends each distinct request body of `op` once through `stack`, four at a time. */
async function prime(stack, op, bodies) {
  const distinct = [...new Set(bodies)];
  let next = 0;
  const worker = async () => {
    while (next < distinct.length) await post(stack.url, distinct[next++], stack.headers(op));
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** Reads our gateway's `sstc_response_cache_requests_total` (hits and misses). */
async function responseCacheCounters() {
  const text = await (await fetch(`http://127.0.0.1:${PORTS.GATEWAY_METRICS_PORT}/metrics`)).text();
  const read = (result) => Number(new RegExp(`^sstc_response_cache_requests_total\\{[^}]*result="${result}"[^}]*\\} (\\d+)`, "m").exec(text)?.[1] ?? 0);
  return { hit: read("hit"), miss: read("miss") };
}

/** Reads `sstc_sql_statements_total` of each subgraph. */
async function sqlCounters() {
  const out = {};
  for (const sub of SUBGRAPHS) {
    const text = await (await fetch(`http://127.0.0.1:${PORTS[`${sub.toUpperCase()}_METRICS_PORT`]}/metrics`)).text();
    out[sub] = Number(/^sstc_sql_statements_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
  }
  return out;
}

async function runConfiguration(settings, db, scale, stacksWanted) {
  const started = Date.now();
  log(`${scale}x on ${db}: generating the data set`);
  const dataset = generate({ scale, seed: settings.seed });
  const dbs = await makeDatabases(db, `${process.pid}_${String(scale).replace(".", "_")}`);
  const secretsDir = mkdtempSync(join(os.tmpdir(), "sstc-bench-secrets-"));
  const running = [];
  try {
    log(`${scale}x on ${db}: migrating, seeding the demo data and loading ${dataset.counts.participations} participations`);
    const load = await loadDataset(dataset, dbs.targets);
    const loadSeconds = Math.round((Date.now() - started) / 100) / 10;
    log(`${scale}x on ${db}: loaded in ${loadSeconds} s (seed ${load.seedMs} ms, insert ${JSON.stringify(load.loadMs)} ms)`);

    const secrets = await makeSecrets(secretsDir);
    const graphStart = Date.now();
    const graph = await startGraph({
      ports: PORTS,
      name: "bench",
      databases: dbs.targets,
      env: { ...secrets.env, SEED_DEMO_DATA: "never" },
      timeoutMs: 180_000,
    });
    running.push(graph);
    const services = servicesOf(graph.pid);
    const subgraphProcesses = services.filter((s) => s.name !== "gateway");
    const stacks = [{ name: "ours", url: graph.gatewayUrl, usesSubgraphs: true, processes: services }];
    const skipped = [];
    const startSeconds = Math.round((Date.now() - graphStart) / 100) / 10;

    const partnerOurs = { authorization: `Bearer ${secrets.tokens.ES256}` };
    const verified = await verifyData(graph.gatewayUrl, dataset, partnerOurs);
    log(`${scale}x on ${db}: the graph shows the generated data (${JSON.stringify(verified)})`);

    for (const name of stacksWanted.filter((s) => s !== "ours")) {
      const reason = missingReason(name);
      if (reason) {
        log(`skipping ${name}: ${reason}`);
        skipped.push({ name, skipped: reason });
        continue;
      }
      ensureReferenceDependencies(log);
      log(`starting ${name}`);
      const ref = await startReference(name, {
        port: REFERENCE_PORTS[name],
        secrets: secrets.referenceEnv,
        subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s, `http://127.0.0.1:${PORTS[`${s.toUpperCase()}_PORT`]}/graphql`])),
        databases: dbs.targets,
      });
      running.push(ref);
      stacks.push({ ...ref, processes: [{ name, pid: ref.pid }, ...(ref.usesSubgraphs ? subgraphProcesses : [])] });
    }

    // The partner's token: ES256 from the run's JWKS; a reference that refuses it gets the same claims signed HS256 with the run's secret.
    const ops = OPERATIONS.filter((o) => settings.ops.includes(o.name));
    const bodiesOf = new Map(ops.map((op) => [op.name, requestBodies(op, dataset)]));
    const editionOp = OPERATIONS.find((o) => o.name === "EditionParticipants");
    const editionBody = requestBodies(editionOp, dataset, 1)[0];
    for (const stack of stacks) {
      for (const alg of ["ES256", "HS256"]) {
        const answer = await post(stack.url, editionBody, { authorization: `Bearer ${secrets.tokens[alg]}` });
        if (answer.status === 200 && answer.data?.edition?.participations) {
          stack.auth = alg;
          break;
        }
      }
      if (!stack.auth) throw new Error(`${stack.name} accepts neither the ES256 nor the HS256 partner token`);
      stack.headers = (op) => (op.auth === "partner" ? { authorization: `Bearer ${secrets.tokens[stack.auth]}` } : {});
    }

    // Every stack must answer every operation exactly as ours does (first distinct bodies of each op, the hot one included).
    for (const op of ops) {
      const distinct = [...new Set(bodiesOf.get(op.name))].slice(0, 6);
      for (const body of distinct) {
        const ours = await post(stacks[0].url, body, stacks[0].headers(op));
        if (ours.status !== 200 || ours.errors || !ours.data)
          throw new Error(`ours fails ${op.name} ${body.slice(-200)}:\n${JSON.stringify(ours).slice(0, 3000)}`);
        for (const stack of stacks.slice(1)) {
          const theirs = await post(stack.url, body, stack.headers(op));
          if (!isDeepStrictEqual(comparable(theirs), comparable(ours))) {
            throw new Error(
              `${stack.name} answers ${op.name} differently from ours; variables ${JSON.stringify(JSON.parse(body).variables)}\nours:   ${JSON.stringify(comparable(ours)).slice(0, 1500)}\ntheirs: ${JSON.stringify(comparable(theirs)).slice(0, 1500)}`,
            );
          }
        }
      }
    }
    log(`every stack's answers deep-equal ours (${stacks.map((s) => `${s.name}: ${s.auth}`).join(", ")})`);

    // SQL statements per operation: one request alone (the first body), counters read before and after.
    const sqlStatements = {};
    for (const op of ops) {
      sqlStatements[op.name] = {};
      for (const stack of stacks.filter((s) => s.usesSubgraphs)) {
        const before = await sqlCounters();
        // no-cache: ours answers afresh instead of from its response cache (the checks above asked this already).
        await post(stack.url, bodiesOf.get(op.name)[0], { ...stack.headers(op), "cache-control": "no-cache" });
        const after = await sqlCounters();
        sqlStatements[op.name][stack.name] = Object.fromEntries(SUBGRAPHS.map((s) => [s, after[s] - before[s]]));
      }
    }

    const operations = [];
    const total = ops.length * stacks.length * settings.rounds;
    let done = 0;
    for (const op of ops) {
      const bodies = bodiesOf.get(op.name);
      const rounds = Object.fromEntries(stacks.map((s) => [s.name, []]));
      const cache = { hit: 0, miss: 0 };
      // The subgraphs' caches (statistics) are shared by every stack: each distinct request is sent once before any load,
      // so no stack pays for counting what the next one finds cached (the first stack of a round would otherwise).
      // Through a stack without a response cache (ours has one): ours starts each operation with its cache empty and fills it
      // only from the load, so its hit share is what this traffic gives, not what priming left behind.
      await prime(stacks.find((s) => s.name !== "ours" && s.usesSubgraphs) ?? stacks[0], op, bodies);
      for (const stack of stacks) {
        if (settings.warmupSeconds > 0)
          await loadRound({ stack, op, bodies, headers: stack.headers(op), seconds: settings.warmupSeconds, connections: settings.connections });
      }
      for (let round = 1; round <= settings.rounds; round++) {
        for (const stack of stacks) {
          const label = `${scale}x ${db} · ${op.name} · round ${round}/${settings.rounds} · ${stack.name} [${++done}/${total}]`;
          const progress = (m) => {
            const line = `${label} · ${(m.elapsedMs / 1000).toFixed(0)}/${settings.seconds} s · ${Math.round(m.requests / (m.elapsedMs / 1000))} req/s`;
            if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K[bench] ${line}`);
          };
          const cacheBefore = stack.name === "ours" ? await responseCacheCounters() : null;
          const result = await loadRound({
            stack,
            op,
            bodies,
            headers: stack.headers(op),
            seconds: settings.seconds,
            connections: settings.connections,
            progress,
          });
          if (cacheBefore) {
            const after = await responseCacheCounters();
            cache.hit += after.hit - cacheBefore.hit;
            cache.miss += after.miss - cacheBefore.miss;
          }
          if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
          const errors = result.non2xx + result.graphqlErrors + result.connectionErrors + result.timeouts;
          log(
            `${label} · ${Math.round(result.requests / (result.elapsedMs / 1000))} req/s${errors ? ` · ${errors} ERRORS, e.g. ${JSON.stringify(result.failure).slice(0, 500)}` : ""}`,
          );
          rounds[stack.name].push(result);
        }
      }
      const tick = tickMs();
      operations.push({
        name: op.name,
        title: op.title,
        auth: op.auth,
        identicalShare: Math.round(identicalShare(bodies, settings.connections) * 1000) / 1000,
        distinctRequests: new Set(bodies).size,
        sqlStatements: sqlStatements[op.name],
        // Of ours' requests in the timed rounds, the share its response cache answered (anonymous queries only).
        responseCacheHitShare: cache.hit + cache.miss > 0 ? Math.round((cache.hit / (cache.hit + cache.miss)) * 1000) / 1000 : 0,
        results: Object.fromEntries(stacks.map((s) => [s.name, summarize(rounds[s.name], tick)])),
        failures: Object.fromEntries(stacks.map((s) => [s.name, rounds[s.name].map((r) => r.failure).find(Boolean) ?? null])),
      });
    }
    return {
      scale,
      db,
      counts: dataset.counts,
      expected: dataset.expected,
      verified,
      loadSeconds,
      startSeconds,
      stacks: [...stacks.map((s) => ({ name: s.name, auth: s.auth, processes: s.processes.map((p) => p.name) })), ...skipped],
      operations,
    };
  } finally {
    for (const r of running.reverse()) await r.stop().catch((e) => log(`stopping: ${e.message}`));
    await dbs.drop().catch((e) => log(`dropping the databases: ${e.message}`));
    rmSync(secretsDir, { recursive: true, force: true });
  }
}

async function main() {
  const settings = options();
  const started = new Date();
  const configs = [];
  for (const db of settings.dbs) for (const scale of settings.scales) configs.push(await runConfiguration(settings, db, scale, settings.stacks));
  const date = started.toISOString().slice(0, 10);
  const run = {
    date: started.toISOString(),
    machine: machine(),
    settings: { ...settings, out: undefined },
    stacks: configs[0].stacks,
    configs,
  };
  mkdirSync(settings.out, { recursive: true });
  const name = `${date}-${settings.scales.join("+")}x-${settings.dbs.join("+")}`;
  writeFileSync(join(settings.out, `${name}.json`), `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(join(settings.out, `${name}.md`), markdown(run));
  process.stdout.write(markdown(run));
  log(`wrote ${join(settings.out, name)}.{json,md} in ${Math.round((Date.now() - started.getTime()) / 1000)} s`);
  const failing = configs.flatMap((c) =>
    c.operations.flatMap((op) =>
      Object.entries(op.results)
        .filter(([, r]) => r.errors > 0)
        .map(([s]) => `${c.scale}x ${c.db} ${op.name} ${s}`),
    ),
  );
  if (failing.length) {
    log(`requests failed: ${failing.join("; ")} (see "failures" in the JSON)`);
    process.exit(1);
  }
}

main().catch((error) => {
  log(error.stack || error.message);
  process.exit(1);
});
