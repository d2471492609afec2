#!/usr/bin/env node
"use strict";
/**
 * Starts the whole graph: the three subgraphs (each migrating and, when
 * empty, seeding its own database) and then the gateway.
 *
 * - Every port is checked before anything starts; a taken one fails the
 *   start, naming the service and the variable that moves it.
 * - "is up" is printed only once each process this launcher started has
 *   reported over its IPC channel that it is serving (so its port is its
 *   own) and then answered /ready: another graph on the same ports can
 *   never be mistaken for this one.
 * - Ctrl-C, SIGTERM, or the launcher's parent going away (SIGTERM to
 *   `npm start` kills npm's shell, not this process) stops the gateway
 *   first, then the subgraphs, each draining its in-flight requests. The
 *   services run in their own process groups so a terminal's Ctrl-C reaches
 *   only this launcher, which orders the stop; if the launcher itself is
 *   killed (even SIGKILL) its IPC channels close and every service stops.
 * - If one service dies, the others are stopped and the launcher exits 1.
 */
const { spawn } = require("node:child_process");
const { createServer } = require("node:net");
const { join } = require("node:path");
const { ROOT, SUBGRAPHS, subgraphEnv, subgraphUrl, portOf, bindHost } = require("./services");

// Longer than a gateway drain plus a subgraph drain (10 s each in exitOnSignals), so a forced kill is a last resort.
const HARD_STOP_MS = Number(process.env.STOP_TIMEOUT_MS || 25_000);
const START_TIMEOUT_MS = 120_000;
// The gateway's live heap is ~65 MB; V8's default young generation and lazy old-space growth let its RSS climb past 350 MB under load.
const GATEWAY_NODE_FLAGS = (process.env.GATEWAY_NODE_FLAGS ?? "--max-semi-space-size=4 --max-old-space-size=256").split(/\s+/).filter(Boolean);

const children = [];
let stopping = false;

const log = (message) => console.error(`[start] ${message}`);

function launch(name, script, env, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, join(ROOT, script)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    detached: true,
  });
  child.serviceName = name;
  child.serving = new Promise((resolve, reject) => {
    child.on("message", (message) => {
      if (message && message.type === "serving") resolve();
    });
    child.once("exit", (code, signal) => reject(new Error(`${name} exited (${signal || `code ${code}`}) before it was serving`)));
  });
  child.serving.catch(() => {});
  child.exitCode0 = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code === 0 && !signal)));
  child.once("exit", (code, signal) => {
    child.exited = true;
    if (!stopping) {
      log(`${name} exited (${signal || `code ${code}`}); stopping the graph`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

/** Stops one child and resolves once it has exited (true when it exited 0). */
function stopChild(child) {
  if (child.exited) return child.exitCode0;
  child.kill("SIGTERM");
  return child.exitCode0;
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    for (const child of children) if (!child.exited) child.kill("SIGKILL");
    log(`services did not stop within ${HARD_STOP_MS} ms; killed`);
    process.exit(1);
  }, HARD_STOP_MS).unref();
  // The gateway first: its in-flight requests still need the subgraphs.
  const gateway = children.filter((c) => c.serviceName === "gateway");
  const subgraphs = children.filter((c) => c.serviceName !== "gateway");
  const clean = [...(await Promise.all(gateway.map(stopChild))), ...(await Promise.all(subgraphs.map(stopChild)))];
  process.exit(code || (clean.every(Boolean) ? 0 : 1));
}

/** Resolves when nothing listens on host:port, rejects with the service and variable to change when something does. */
function checkPortFree(service, variable, host, port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error) => {
      const why = error.code === "EADDRINUSE" ? "is already in use" : `cannot be bound (${error.code || error.message})`;
      reject(new Error(`port ${port} on ${host} for ${service} ${why}; stop what holds it or set ${variable} to a free port`));
    });
    probe.listen({ port: Number(port), host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function waitReady(child, url, deadline) {
  // The child says it is serving only after binding its own port, so the /ready below cannot be answered by anyone else.
  await Promise.race([
    child.serving,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${child.serviceName} did not start within ${START_TIMEOUT_MS / 1000} s`)), deadline - Date.now()).unref(),
    ),
  ]);
  const ready = url.replace(/\/graphql$/, "/ready");
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(ready, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* dependencies not answering yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${ready} did not become ready`);
}

function watchParent() {
  // npm runs this under `sh -c`; SIGTERM to npm kills the shell and leaves this process to init.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && !stopping) {
      log("parent process is gone; stopping the graph");
      void stop(0);
    }
  }, 500).unref();
}

async function main() {
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGHUP", () => void stop(0));
  watchParent();

  const gatewayPort = process.env.GATEWAY_PORT || "4000";
  const planned = [
    ...SUBGRAPHS.map((sub) => ({ service: sub.name, variable: `${sub.name.toUpperCase()}_PORT`, port: portOf(sub) })),
    { service: "gateway", variable: "GATEWAY_PORT", port: gatewayPort },
  ];
  const seen = new Map();
  for (const p of planned) {
    if (!/^\d+$/.test(p.port) || Number(p.port) < 1 || Number(p.port) > 65535) throw new Error(`${p.variable}=${p.port} is not a port`);
    if (seen.has(p.port)) throw new Error(`${p.service} and ${seen.get(p.port)} are both set to port ${p.port}; give each its own (${p.variable})`);
    seen.set(p.port, p.service);
  }
  const host = bindHost();
  for (const p of planned) await checkPortFree(p.service, p.variable, host, p.port);

  const deadline = Date.now() + START_TIMEOUT_MS;
  const subgraphs = SUBGRAPHS.map((sub) => launch(sub.name, `services/${sub.name}/dist/main.js`, subgraphEnv(sub)));
  await Promise.all(SUBGRAPHS.map((sub, i) => waitReady(subgraphs[i], subgraphUrl(sub), deadline)));
  if (stopping) return;
  const gatewayEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: "1" };
  for (const sub of SUBGRAPHS) gatewayEnv[`${sub.name.toUpperCase()}_URL`] ||= subgraphUrl(sub);
  gatewayEnv.PORT = gatewayPort;
  delete gatewayEnv.METRICS_PORT;
  if (process.env.GATEWAY_METRICS_PORT) gatewayEnv.METRICS_PORT = process.env.GATEWAY_METRICS_PORT;
  const gateway = launch("gateway", "gateway/dist/main.js", gatewayEnv, GATEWAY_NODE_FLAGS);
  const urlHost = process.env.HOST && process.env.HOST !== "0.0.0.0" ? process.env.HOST : "127.0.0.1";
  const gatewayUrl = `http://${urlHost}:${gatewayPort}/graphql`;
  await waitReady(gateway, gatewayUrl, deadline);
  if (stopping) return;
  console.log("");
  console.log(`  SSTC Cooperation Graph is up.`);
  console.log(`  GraphQL:  ${gatewayUrl}`);
  if (process.env.NODE_ENV !== "production" || process.env.GRAPHIQL === "true") console.log(`  GraphiQL: http://${urlHost}:${gatewayPort}/graphiql`);
  console.log(`  Stop with Ctrl-C.`);
  console.log("");
}

main().catch((error) => {
  if (stopping) return;
  log(error.message);
  void stop(1);
});
