#!/usr/bin/env node
"use strict";
/**
 * A reference for the benchmark: the monolith, the floor of our own code.
 * The three subgraphs' schemas and resolvers run in ONE process, served as
 * one API schema by Apollo Gateway (the planner our gateway uses) with an
 * in-process data source per subgraph: each subgraph request is executed
 * on that subgraph's schema directly (graphql-js `execute`), with the
 * context that subgraph would build for it — no HTTP hop, no JSON between
 * processes, no per-call signing. What ours costs beyond this is the price
 * of being distributed.
 *
 * Read-only use of databases the harness has loaded: no migrations, no
 * seeding. Writes that check references in another subgraph still call it
 * over HTTP (PROGRAMS_URL...), as the subgraphs do; reads never do.
 *
 * Env: PORT, each subgraph's database as its process receives it
 * (PROGRAMS_SQLITE_PATH or PROGRAMS_DATABASE_URL; INSTITUTIONS_…,
 * PARTNERS_…), and our gateway's secrets and settings (read by its env
 * parser). Needs only the root install and a build.
 */
const { createRequire } = require("node:module");
const { join, resolve } = require("node:path");
const { readFileSync } = require("node:fs");
const { ROOT } = require("./common");

// The graph's own copies of graphql and Apollo Gateway (bench/node_modules holds another graphql, which type-graphql's schemas would refuse).
const rootRequire = createRequire(join(ROOT, "gateway/package.json"));
const { ApolloGateway } = rootRequire("@apollo/gateway");
const { parse, validate, execute } = rootRequire("graphql");
const { loadGatewayEnv } = require(join(ROOT, "gateway/dist/env.js"));
const { createAuthenticator } = require(join(ROOT, "gateway/dist/auth.js"));
const kit = require(join(ROOT, "packages/subgraph-kit/dist"));

const SUBGRAPHS = {
  programs: () => require(join(ROOT, "services/programs/dist")).programsSubgraph,
  institutions: () => require(join(ROOT, "services/institutions/dist")).institutionsSubgraph,
  partners: () => require(join(ROOT, "services/partners/dist")).partnersSubgraph,
};

/** Parsed and validated documents kept per subgraph, as each subgraph's Apollo Server keeps them. */
const DOCUMENT_CACHE_SIZE = 1000;

/**
 * One subgraph inside the monolith: Apollo Gateway's data source interface,
 * executing on the subgraph's own schema with the context startSubgraph
 * builds for every request (packages/subgraph-kit/src/subgraph.ts).
 */
class InProcessSubgraph {
  constructor(name, schema, db, links) {
    Object.assign(this, { name, schema, db, links });
    this.documents = new Map();
    this.mask = kit.maskUnexpectedErrors((error) => console.error(`[monolith] ${name}: unexpected error`, error));
  }

  document(query) {
    let entry = this.documents.get(query);
    if (!entry) {
      try {
        const document = parse(query);
        const errors = validate(this.schema, document);
        entry = errors.length ? { errors } : { document };
      } catch (error) {
        entry = { errors: [error] };
      }
      if (this.documents.size >= DOCUMENT_CACHE_SIZE) this.documents.delete(this.documents.keys().next().value);
      this.documents.set(query, entry);
    }
    return entry;
  }

  async process({ request, context }) {
    const { document, errors } = this.document(request.query ?? "");
    if (errors) return { errors: errors.map((e) => this.mask(e.toJSON(), e)) };
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: {
        db: this.db,
        loaders: new kit.RequestLoaders(),
        principal: context.principal ?? kit.ANONYMOUS,
        links: this.links,
        language: kit.languageFromHeader(context.acceptLanguage),
        requestId: kit.currentRequestId() ?? "",
      },
    });
    // Formatted as the subgraph's server formats them before they cross to the gateway.
    return result.errors ? { ...result, errors: result.errors.map((e) => this.mask(e.toJSON(), e)) } : result;
  }
}

async function openSubgraph(name, config) {
  const definition = SUBGRAPHS[name]();
  const prefix = name.toUpperCase();
  const db = kit.createDataSource({
    url: process.env[`${prefix}_DATABASE_URL`] || undefined,
    sqlitePath: process.env[`${prefix}_SQLITE_PATH`] || resolve(process.cwd(), ".data", `${name}.sqlite`),
    entities: definition.entities,
    migrations: definition.migrations,
  });
  await db.initialize();
  const { schema } = await definition.buildSchema();
  return new InProcessSubgraph(name, schema, db, { self: name, urls: config.subgraphUrls, secret: config.GATEWAY_SIGNING_SECRET });
}

async function main() {
  const config = loadGatewayEnv();
  const subgraphs = Object.fromEntries(await Promise.all(Object.keys(SUBGRAPHS).map(async (name) => [name, await openSubgraph(name, config)])));
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(config.supergraphPath, "utf8"), buildService: ({ name }) => subgraphs[name] });
  const server = await kit.startGraphqlServer({
    name: "monolith",
    gateway,
    apolloConfig: { allowBatchedHttpRequests: false },
    host: config.HOST,
    port: config.PORT,
    introspection: config.introspection,
    trustProxy: config.trustProxy,
    bodyLimit: config.BODY_LIMIT,
    observability: new kit.Observability({ service: "monolith", logLevel: config.LOG_LEVEL }),
    before: [createAuthenticator(config)],
    context: async (req, res) => ({ principal: res.locals.principal, acceptLanguage: req.header("accept-language") }),
    readiness: async () => {
      await Promise.all(Object.values(subgraphs).map((s) => s.db.query("SELECT 1")));
    },
  });
  console.log(`The monolith is up at ${server.graphqlUrl}`);
  kit.exitOnSignals(async () => {
    await server.stop();
    await Promise.all(Object.values(subgraphs).map((s) => s.db.destroy()));
  });
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
