#!/usr/bin/env node
"use strict";
/**
 * A reference for the benchmark: Hive Gateway (the runtime of
 * @graphql-hive/gateway, served with node:http) on our committed supergraph
 * over our own subgraphs, in its default configuration — deduplication of
 * identical in-flight subgraph requests on, no response cache — with the
 * planner named by PLANNER: `js` (its default, graphql-tools federation) or
 * `rust` (@graphql-hive/router-runtime, Hive Router's query planner).
 *
 * Our subgraphs answer only callers that carry the principal signed for the
 * exact query they are sent, so one plugin does what our gateway does:
 * it identifies the caller with our gateway's own authenticator (built
 * code, same env, same refusals) and signs the principal for each subgraph
 * request. The signature rides in `extensions.headers`, the way Hive's own
 * header propagation sets subgraph headers, so the headers are part of
 * Hive's deduplication key and an answer is never shared across principals.
 *
 * Env: PORT, PLANNER, SUPERGRAPH_PATH, PROGRAMS_URL, INSTITUTIONS_URL,
 * PARTNERS_URL and our gateway's secrets (GATEWAY_SIGNING_SECRET,
 * JWT_HS256_SECRET, JWT_ISSUER, JWT_AUDIENCE, JWKS_*, NODE_ENV), read by
 * our gateway's env parser. Needs `npm ci --prefix bench` and a build.
 */
const { createServer } = require("node:http");
const { join } = require("node:path");
const { createGatewayRuntime } = require("@graphql-hive/gateway");
const { defaultPrintFn } = require("@graphql-tools/executor-common");
const { ROOT, callerAuthenticator } = require("./common");

const { loadGatewayEnv } = require(join(ROOT, "gateway/dist/env.js"));
const { PRINCIPAL_HEADER, signPrincipal } = require(join(ROOT, "packages/service-kit/dist"));

const PLANNERS = ["js", "rust"];

/**
 * The Hive plugin: refuses a bad credential before any GraphQL work (401, as
 * ours does), and signs the caller's principal for every subgraph request,
 * bound to the query text the HTTP executor will send (it prints the
 * document with this same memoised printer).
 */
function signedPrincipalPlugin(config) {
  const identify = callerAuthenticator(config);
  const principals = new WeakMap();
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const verdict = await identify((name) => request.headers.get(name) ?? undefined);
      if (verdict.refusal) {
        const { status, headers, body } = verdict.refusal;
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } }));
      } else principals.set(request, verdict.principal);
    },
    async onSubgraphExecute({ executionRequest }) {
      const request = executionRequest.context?.request;
      const principal = request && principals.get(request);
      // Hive's own calls outside a client request (none on a static supergraph) go unsigned and are refused by the subgraph.
      if (!principal) return;
      const headers = { [PRINCIPAL_HEADER]: await signPrincipal(config.GATEWAY_SIGNING_SECRET, principal, defaultPrintFn(executionRequest.document)) };
      const language = request.headers.get("accept-language");
      if (language) headers["accept-language"] = language.slice(0, 200);
      const extensions = (executionRequest.extensions ||= {});
      extensions.headers = { ...extensions.headers, ...headers };
    },
  };
}

async function main() {
  const planner = process.env.PLANNER || "js";
  if (!PLANNERS.includes(planner)) throw new Error(`PLANNER=${planner}: use one of ${PLANNERS.join(", ")}`);
  const config = loadGatewayEnv();
  const gateway = createGatewayRuntime({
    supergraph: config.supergraphPath,
    // The supergraph names each subgraph in its join__Graph enum (programs, institutions, partners).
    transportEntries: Object.fromEntries(Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location }])),
    ...(planner === "rust" ? { unifiedGraphHandler: require("@graphql-hive/router-runtime").unifiedGraphHandler } : {}),
    plugins: () => [signedPrincipalPlugin(config)],
  });
  // Hive loads the supergraph on the first request: take that cost before saying we are up.
  const warm = await gateway.fetch("http://127.0.0.1/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  if (!warm.ok) throw new Error(`Hive Gateway did not answer its first request: ${warm.status} ${await warm.text()}`);
  const server = createServer(gateway);
  await new Promise((resolve, reject) => server.once("error", reject).listen(config.PORT, config.HOST, resolve));
  console.log(`Hive Gateway (${planner} planner) is up at http://${config.HOST}:${config.PORT}/graphql`);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
