"use strict";
/**
 * The processes of the graph and how each one's environment is derived from
 * the launcher's: `<NAME>_DATABASE_URL` becomes that subgraph's
 * DATABASE_URL, so one env file can describe the whole graph. A subgraph
 * that calls others (`calls`) gets their URLs as `<NAME>_URL`, the same
 * variables the gateway reads, so both always point at the same process.
 */
const { resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");

const SUBGRAPHS = [
  { name: "programs", port: 4001, calls: ["partners"] },
  { name: "institutions", port: 4002 },
  { name: "partners", port: 4003 },
];

function subgraphEnv(sub, env = process.env) {
  const prefix = sub.name.toUpperCase();
  const out = { ...env, PORT: env[`${prefix}_PORT`] || String(sub.port) };
  delete out.DATABASE_URL;
  if (env[`${prefix}_DATABASE_URL`]) out.DATABASE_URL = env[`${prefix}_DATABASE_URL`];
  if (env[`${prefix}_SQLITE_PATH`]) out.SQLITE_PATH = env[`${prefix}_SQLITE_PATH`];
  for (const callee of sub.calls || []) {
    const variable = `${callee.toUpperCase()}_URL`;
    out[variable] = env[variable] || subgraphUrl(SUBGRAPHS.find((s) => s.name === callee), env);
  }
  return out;
}

function subgraphUrl(sub, env = process.env) {
  const host = env.HOST && env.HOST !== "0.0.0.0" ? env.HOST : "127.0.0.1";
  return `http://${host}:${subgraphEnv(sub, env).PORT}/graphql`;
}

module.exports = { ROOT, SUBGRAPHS, subgraphEnv, subgraphUrl };
