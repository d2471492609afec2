"use strict";
/**
 * The processes of the graph and how each one's environment is derived from
 * the launcher's: `<NAME>_DATABASE_URL` becomes that subgraph's
 * DATABASE_URL, so one env file can describe the whole graph. Every
 * subgraph gets the others' URLs as `<NAME>_URL`, the same variables the
 * gateway reads, so all of them always point at the same processes.
 */
const { resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");

// The one registry of subgraphs (packages/service-kit/src/subgraphs.ts), as built: the launcher runs after `npm run build`.
const { SUBGRAPHS } = require(resolve(ROOT, "packages/service-kit/dist/subgraphs.js"));

function subgraphEnv(sub, env = process.env) {
  const prefix = sub.name.toUpperCase();
  const out = { ...env, PORT: portOf(sub, env) };
  delete out.DATABASE_URL;
  if (env[`${prefix}_DATABASE_URL`]) out.DATABASE_URL = env[`${prefix}_DATABASE_URL`];
  if (env[`${prefix}_SQLITE_PATH`]) out.SQLITE_PATH = env[`${prefix}_SQLITE_PATH`];
  // Four processes cannot share one metrics port: each takes its own `<NAME>_METRICS_PORT`.
  delete out.METRICS_PORT;
  if (env[`${prefix}_METRICS_PORT`]) out.METRICS_PORT = env[`${prefix}_METRICS_PORT`];
  // Subgraphs check references against each other.
  for (const other of SUBGRAPHS) out[`${other.name.toUpperCase()}_URL`] ||= subgraphUrl(other, env);
  return out;
}

/** The port a subgraph listens on: `<NAME>_PORT`, else its default. */
function portOf(sub, env = process.env) {
  return env[`${sub.name.toUpperCase()}_PORT`] || String(sub.port);
}

/** The address every service binds (their HOST default). */
function bindHost(env = process.env) {
  return env.HOST || "127.0.0.1";
}

function subgraphUrl(sub, env = process.env) {
  const host = env.HOST && env.HOST !== "0.0.0.0" ? env.HOST : "127.0.0.1";
  return `http://${host}:${portOf(sub, env)}/graphql`;
}

module.exports = { ROOT, SUBGRAPHS, subgraphEnv, subgraphUrl, portOf, bindHost };
