"use strict";
/**
 * What the benchmark and the soak command share: the real graph started by
 * scripts/start.js on fresh SQLite files (or MySQL via <NAME>_DATABASE_URL)
 * on fixed loopback ports, and a process's resident memory.
 */
const { spawn } = require("node:child_process");
const { mkdtempSync, rmSync, readFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");

/** Starts the whole graph and resolves once the launcher says it is up; `stop()` ends it and removes its files. */
async function startGraph({ ports, name, timeoutMs = 120000 }) {
  const dir = mkdtempSync(join(tmpdir(), `sstc-${name}-`));
  const env = {
    ...process.env,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    RATE_LIMIT_PUBLIC: "1000000",
    RATE_LIMIT_PARTNER: "1000000",
  };
  for (const sub of ["PROGRAMS", "INSTITUTIONS", "PARTNERS"]) env[`${sub}_SQLITE_PATH`] ||= join(dir, `${sub.toLowerCase()}.sqlite`);
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

module.exports = { ROOT, startGraph, rssMb };
