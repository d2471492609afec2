"use strict";
/**
 * What the benchmark and the soak command share: the real graph started by
 * scripts/start.js on fresh SQLite files (or MySQL via <NAME>_DATABASE_URL,
 * or the databases the caller names) on fixed loopback ports, its service
 * processes, and what a process tree costs (CPU ticks, resident memory).
 */
const { execFileSync, spawn } = require("node:child_process");
const { mkdtempSync, readdirSync, rmSync, readFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");

/**
 * Starts the whole graph and resolves once the launcher says it is up;
 * `stop()` ends it and removes its files. `databases` (optional) maps each
 * subgraph to `{ sqlitePath }` or `{ url }`; `env` is added to the
 * launcher's environment (the ports are variables too).
 */
async function startGraph({ ports, name, timeoutMs = 120000, databases, env: extra = {} }) {
  const dir = mkdtempSync(join(tmpdir(), `sstc-${name}-`));
  const env = {
    ...process.env,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    RATE_LIMIT_PUBLIC: "1000000",
    RATE_LIMIT_PARTNER: "1000000",
    ...extra,
  };
  for (const [sub, target] of Object.entries(databases ?? {})) {
    const prefix = sub.toUpperCase();
    delete env[`${prefix}_DATABASE_URL`];
    delete env[`${prefix}_SQLITE_PATH`];
    if (target.url) env[`${prefix}_DATABASE_URL`] = target.url;
    else env[`${prefix}_SQLITE_PATH`] = target.sqlitePath;
  }
  for (const sub of ["PROGRAMS", "INSTITUTIONS", "PARTNERS"])
    if (!env[`${sub}_DATABASE_URL`]) env[`${sub}_SQLITE_PATH`] ||= join(dir, `${sub.toLowerCase()}.sqlite`);
  const graph = spawn(process.execPath, [join(ROOT, "scripts/start.js")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  graph.stdout.on("data", (d) => (out += d));
  const exited = new Promise((r) => graph.on("exit", r));
  const started = Date.now();
  while (!/is up/.test(out)) {
    if (graph.exitCode !== null) throw new Error(`the graph did not start:\n${out}`);
    if (Date.now() - started > timeoutMs) throw new Error(`the graph did not start within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    pid: graph.pid,
    startMs: Date.now() - started,
    gatewayUrl: `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`,
    /** Stops the graph; resolves with the launcher's exit code. */
    stop: async () => {
      graph.kill("SIGTERM");
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Resident memory of a process in MB (one decimal), or null when it is gone. */
function rssMb(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1];
    return Math.round(Number(kb) / 102.4) / 10;
  } catch {
    return null;
  }
}

const SERVICE_ORDER = ["programs", "institutions", "partners", "gateway"];

/** The launcher's service processes, named by the script each runs. */
function servicesOf(launcherPid) {
  const pids = execFileSync("pgrep", ["-P", String(launcherPid)])
    .toString()
    .trim()
    .split("\n")
    .map(Number);
  return pids
    .map((pid) => {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const m = /(gateway|programs|institutions|partners)\/dist\/main\.js/.exec(cmd);
      return m && { name: m[1], pid };
    })
    .filter(Boolean)
    .sort((a, b) => SERVICE_ORDER.indexOf(a.name) - SERVICE_ORDER.indexOf(b.name));
}

/** A process and its descendants (a planner may run helpers of its own). */
function processTree(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** CPU time (user + system, in clock ticks) a process and its threads have used; 0 when it is gone. */
function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat; `fields` starts at field 3.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** The length of a clock tick in ms (`getconf CLK_TCK`, usually 100 a second). */
function tickMs() {
  try {
    return 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());
  } catch {
    return 10;
  }
}

module.exports = { ROOT, startGraph, servicesOf, processTree, cpuTicks, tickMs, rssMb };
