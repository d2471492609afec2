"use strict";
/**
 * The stacks the benchmark compares, started on the same subgraphs (or, for
 * the monolith, the same databases): ours (scripts/start.js, gateway and
 * three subgraphs) and the reference stacks under bench/references/, started
 * through their interface:
 *
 * - `node bench/references/hive.js` with PORT, PLANNER=js|rust,
 *   SUPERGRAPH_PATH, PROGRAMS_URL / INSTITUTIONS_URL / PARTNERS_URL and the
 *   secrets (GATEWAY_SIGNING_SECRET, JWT_HS256_SECRET, JWT_ISSUER,
 *   JWT_AUDIENCE, JWKS_PATH, NODE_ENV);
 * - `node bench/references/monolith.js` with PORT, the subgraphs' database
 *   variables (<NAME>_SQLITE_PATH or <NAME>_DATABASE_URL) and the secrets;
 * - `node bench/references/uncached.js`: our gateway with RESPONSE_CACHE_MB=0,
 *   with PORT, the subgraph URLs and the secrets.
 *
 * Each prints a line containing "is up" once it serves
 * http://127.0.0.1:$PORT/graphql. A stack whose script is absent is skipped
 * with a message.
 */
const { execFileSync, spawn } = require("node:child_process");
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { ROOT } = require("./graph");

const REFERENCES = {
  "hive-js": { script: "bench/references/hive.js", env: { PLANNER: "js" }, usesSubgraphs: true },
  "hive-rust": { script: "bench/references/hive.js", env: { PLANNER: "rust" }, usesSubgraphs: true },
  monolith: { script: "bench/references/monolith.js", env: {}, usesSubgraphs: false },
  // Our gateway as scripts/start.js runs it (same node flags and limits), with its response cache off.
  "ours-uncached": {
    script: "bench/references/uncached.js",
    env: { RATE_LIMIT_PUBLIC: "1000000", RATE_LIMIT_PARTNER: "1000000", LOG_LEVEL: "warn", METRICS_PORT: "off" },
    nodeFlags: ["--max-semi-space-size=4", "--max-old-space-size=256"],
    usesSubgraphs: true,
  },
};

/** Why a reference stack cannot run here (its script is absent), or null. */
function missingReason(name) {
  const ref = REFERENCES[name];
  if (!ref) return `unknown stack ${name}; known: ours, ${Object.keys(REFERENCES).join(", ")}`;
  if (!existsSync(join(ROOT, ref.script))) return `${ref.script} is absent`;
  return null;
}

/** Installs the reference stacks' own dependencies (bench/package.json) when bench/node_modules is absent. */
function ensureReferenceDependencies(log) {
  if (!existsSync(join(ROOT, "bench/package.json")) || existsSync(join(ROOT, "bench/node_modules"))) return;
  log("installing the reference stacks' dependencies: npm ci --prefix bench");
  execFileSync("npm", ["ci", "--prefix", join(ROOT, "bench"), "--no-audit", "--no-fund"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
}

/**
 * Starts a reference stack on `port`; resolves with { name, pid, url, stop }
 * once it prints "is up", rejects with its output if it exits first or takes
 * longer than `timeoutMs`.
 */
async function startReference(name, { port, secrets, subgraphUrls, databases, timeoutMs = 180_000 }) {
  const ref = REFERENCES[name];
  const env = { ...process.env, ...secrets, ...ref.env, PORT: String(port), HOST: "127.0.0.1", SUPERGRAPH_PATH: join(ROOT, "schema/supergraph.graphql") };
  for (const [sub, url] of Object.entries(subgraphUrls)) env[`${sub.toUpperCase()}_URL`] = url;
  for (const [sub, target] of Object.entries(databases)) {
    const prefix = sub.toUpperCase();
    delete env[`${prefix}_DATABASE_URL`];
    delete env[`${prefix}_SQLITE_PATH`];
    if (target.url) env[`${prefix}_DATABASE_URL`] = target.url;
    else env[`${prefix}_SQLITE_PATH`] = target.sqlitePath;
  }
  const child = spawn(process.execPath, [...(ref.nodeFlags ?? []), join(ROOT, ref.script)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise((r) => child.on("exit", r));
  const started = Date.now();
  while (!/is up/.test(out)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} (${ref.script}) exited before it was up:\n${out.slice(-4000)}`);
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not print "is up" within ${timeoutMs / 1000} s:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // Keep draining its output so a chatty stack never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  return {
    name,
    pid: child.pid,
    url: `http://127.0.0.1:${port}/graphql`,
    usesSubgraphs: ref.usesSubgraphs,
    startMs: Date.now() - started,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

module.exports = { REFERENCES, missingReason, ensureReferenceDependencies, startReference };
