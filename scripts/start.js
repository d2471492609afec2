#!/usr/bin/env node
"use strict";
/**
 * Starts the whole graph: the three subgraphs (each migrating and, when
 * empty, seeding its own database) and then the gateway. Ctrl-C or SIGTERM
 * stops every process; if one dies, the others are stopped too.
 */
const { spawn } = require("node:child_process");
const { join } = require("node:path");
const { ROOT, SUBGRAPHS, subgraphEnv, subgraphUrl } = require("./services");

const children = [];
let stopping = false;

function launch(name, script, env) {
  const child = spawn(process.execPath, [join(ROOT, script)], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  child.serviceName = name;
  child.on("exit", (code, signal) => {
    child.exited = true;
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal || code}); stopping the graph`);
      stop(1);
    } else if (children.every((c) => c.exited)) {
      process.exit(process.exitCode || 0);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const child of children) if (!child.exited) child.kill("SIGTERM");
  if (children.every((c) => c.exited)) process.exit(code);
  setTimeout(() => {
    for (const child of children) if (!child.exited) child.kill("SIGKILL");
    process.exit(code || 1);
  }, 15000).unref();
}

async function waitReady(url, deadline) {
  const ready = url.replace(/\/graphql$/, "/ready");
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(ready);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${ready} did not become ready`);
}

async function main() {
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  const deadline = Date.now() + 120000;
  for (const sub of SUBGRAPHS) launch(sub.name, `services/${sub.name}/dist/main.js`, subgraphEnv(sub));
  await Promise.all(SUBGRAPHS.map((sub) => waitReady(subgraphUrl(sub), deadline)));
  const gatewayEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: "1" };
  for (const sub of SUBGRAPHS) gatewayEnv[`${sub.name.toUpperCase()}_URL`] ||= subgraphUrl(sub);
  delete gatewayEnv.PORT;
  gatewayEnv.PORT = process.env.GATEWAY_PORT || "4000";
  launch("gateway", "gateway/dist/main.js", gatewayEnv);
  const host = process.env.HOST && process.env.HOST !== "0.0.0.0" ? process.env.HOST : "127.0.0.1";
  const gatewayUrl = `http://${host}:${gatewayEnv.PORT}/graphql`;
  await waitReady(gatewayUrl, deadline);
  console.log("");
  console.log(`  SSTC Cooperation Graph is up.`);
  console.log(`  GraphQL:  ${gatewayUrl}`);
  if (process.env.NODE_ENV !== "production" || process.env.GRAPHIQL === "true") console.log(`  GraphiQL: http://${host}:${gatewayEnv.PORT}/graphiql`);
  console.log(`  Stop with Ctrl-C.`);
  console.log("");
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  stop(1);
});
