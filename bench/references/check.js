#!/usr/bin/env node
"use strict";
/**
 * node bench/references/check.js [--development] [--seconds N]
 *
 * With TEST_DATABASE_URL (a MySQL/MariaDB server where the user may create
 * databases) every process uses fresh databases there, dropped at the end;
 * otherwise SQLite files in a temporary folder.
 *
 * Proves the reference stacks before anyone trusts their numbers: starts our
 * graph on the demo data (bench/graph.js, production settings: NODE_ENV=
 * production, its own signing secret, ES256 bearer tokens from a JWKS file;
 * --development uses the development HS256 tokens of scripts/token.js
 * instead), starts Hive Gateway with each planner and the monolith beside
 * it, and sends every example operation (gateway/src/examples.ts) to all of
 * them, anonymously and as a partner. The `data` of each answer must
 * deep-equal our gateway's; differing errors are listed. It also checks
 * that each one refuses a bad token as ours does and that the subgraphs
 * still refuse an unsigned call. Then a short load of one operation on each
 * (autocannon), where every answer must be the one checked above.
 * Exits 1 on any difference in data or any failed answer under load.
 */
const { spawn } = require("node:child_process");
const { randomBytes } = require("node:crypto");
const { mkdtempSync, rmSync, writeFileSync, existsSync } = require("node:fs");
const { createRequire } = require("node:module");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { isDeepStrictEqual, parseArgs } = require("node:util");
const { startGraph } = require("../graph");
const { ROOT } = require("./common");
const { createTestDatabase } = require(join(ROOT, "packages/testkit/dist/kit.js"));

const rootRequire = createRequire(join(ROOT, "package.json"));
const autocannon = rootRequire("autocannon");
const { SignJWT, exportJWK, generateKeyPair } = rootRequire("jose");
const { EXAMPLE_OPERATIONS } = require(join(ROOT, "gateway/dist/examples.js"));
const { devToken } = require(join(ROOT, "gateway/dist/dev-token.js"));

const { values: options } = parseArgs({ options: { development: { type: "boolean", default: false }, seconds: { type: "string", default: "4" } } });
const PORTS = { GATEWAY_PORT: 5470, PROGRAMS_PORT: 5471, INSTITUTIONS_PORT: 5472, PARTNERS_PORT: 5473 };
const REFERENCES = [
  { name: "Hive Gateway (JS planner)", script: "hive.js", port: 5474, env: { PLANNER: "js" } },
  { name: "Hive Gateway (Rust planner)", script: "hive.js", port: 5475, env: { PLANNER: "rust" } },
  { name: "monolith", script: "monolith.js", port: 5476, env: {} },
];
const LOAD_OPERATION = "SeedStory";

/** The environment every process of the check shares, and a way to mint a partner's bearer token for it. */
async function secretsEnv(dir) {
  if (options.development) return { env: { NODE_ENV: "development" }, partnerToken: () => devToken({ role: "partner", subject: "check-partner" }) };
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const kid = "bench-check";
  const jwksPath = join(dir, "jwks.json");
  writeFileSync(jwksPath, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" }] }));
  return {
    env: { NODE_ENV: "production", GATEWAY_SIGNING_SECRET: randomBytes(32).toString("base64url"), JWKS_PATH: jwksPath, JWT_HS256_SECRET: "" },
    partnerToken: () =>
      new SignJWT({ role: "partner" })
        .setProtectedHeader({ alg: "ES256", kid })
        .setSubject("check-partner")
        .setIssuer("sstc-dev-issuer")
        .setAudience("sstc-graph")
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey),
  };
}

/** Starts one reference and resolves once it says it is up; `stop()` ends it. */
async function startReference(reference, env) {
  const child = spawn(process.execPath, [join(__dirname, reference.script)], {
    cwd: ROOT,
    env: { ...process.env, ...env, ...reference.env, PORT: String(reference.port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise((r) => child.on("exit", r));
  const started = Date.now();
  while (!/is up/.test(out)) {
    if (child.exitCode !== null) throw new Error(`${reference.name} did not start:\n${out}`);
    if (Date.now() - started > 90_000) throw new Error(`${reference.name} did not start within 90 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ...reference, url: `http://127.0.0.1:${reference.port}/graphql`, output: () => out, stop: () => (child.kill("SIGTERM"), exited) };
}

async function post(url, body, headers = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, text, json };
}

const codes = (json) => (json.errors ?? []).map((e) => e.extensions?.code ?? "no code").sort();

function load(url, body, headers, expectBody) {
  return new Promise((resolve, reject) =>
    autocannon(
      {
        url,
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
        expectBody,
        duration: Number(options.seconds),
        connections: 16,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
}

async function main() {
  if (!existsSync(join(ROOT, "bench/node_modules/@graphql-hive/gateway"))) throw new Error("Hive Gateway is not installed: run `npm ci --prefix bench` first.");
  const dir = mkdtempSync(join(tmpdir(), "sstc-references-"));
  const { env: secrets, partnerToken } = await secretsEnv(dir);
  const databases = await Promise.all(["programs", "institutions", "partners"].map((name) => createTestDatabase(`refs_${name}`)));
  const databaseEnv = Object.fromEntries(
    ["PROGRAMS", "INSTITUTIONS", "PARTNERS"].flatMap((s, i) =>
      databases[i].env.DATABASE_URL ? [[`${s}_DATABASE_URL`, databases[i].env.DATABASE_URL]] : [[`${s}_SQLITE_PATH`, databases[i].env.SQLITE_PATH]],
    ),
  );
  // startGraph takes its environment from this process: our graph and the references see the same secrets and databases.
  Object.assign(process.env, secrets, databaseEnv);
  const urls = Object.fromEntries(["PROGRAMS", "INSTITUTIONS", "PARTNERS"].map((s) => [`${s}_URL`, `http://127.0.0.1:${PORTS[`${s}_PORT`]}/graphql`]));
  const running = [];
  let failed = false;
  try {
    const graph = await startGraph({ ports: PORTS, name: "references" });
    running.push(graph);
    for (const reference of REFERENCES) running.push(await startReference(reference, urls));
    const references = running.slice(1);
    const callers = { anonymous: {}, partner: { authorization: `Bearer ${await partnerToken()}` } };
    console.log(`\nReferences against our gateway (${secrets.NODE_ENV}, ${databases[0].kind}), demo data:\n`);

    const rows = [];
    const answers = new Map();
    for (const op of EXAMPLE_OPERATIONS) {
      for (const [caller, headers] of Object.entries(callers)) {
        const body = JSON.stringify({ query: op.query, variables: op.variables });
        const ours = await post(graph.gatewayUrl, body, headers);
        const row = { operation: op.name, caller, ours: ours.json.errors ? `errors: ${codes(ours.json).join(", ")}` : "ok" };
        answers.set(`${op.name}/${caller}/ours`, ours.text);
        for (const ref of references) {
          const theirs = await post(ref.url, body, headers);
          answers.set(`${op.name}/${caller}/${ref.name}`, theirs.text);
          if (!isDeepStrictEqual(ours.json.data, theirs.json.data)) {
            failed = true;
            row[ref.name] = "DATA DIFFERS";
            console.error(`${ref.name}, ${op.name} as ${caller}:\n  ours:   ${ours.text.slice(0, 400)}\n  theirs: ${theirs.text.slice(0, 400)}`);
          } else if (!isDeepStrictEqual(codes(ours.json), codes(theirs.json))) row[ref.name] = `same data; errors: ${codes(theirs.json).join(", ") || "none"}`;
          else row[ref.name] = "same";
        }
        rows.push(row);
      }
    }
    console.table(rows);
    const partnerSeesMore = EXAMPLE_OPERATIONS.filter((op) => answers.get(`${op.name}/anonymous/ours`) !== answers.get(`${op.name}/partner/ours`));
    console.log(`Operations whose answer depends on the caller (so the principal reached the subgraphs): ${partnerSeesMore.map((o) => o.name).join(", ")}`);
    if (!partnerSeesMore.length) {
      failed = true;
      console.error("No operation answers a partner differently from the public: the check cannot tell whether the principal is passed on.");
    }

    // A refused credential, and the subgraphs' own check.
    const probe = JSON.stringify({ query: "{ __typename }" });
    const refusals = [];
    for (const target of [{ name: "ours", url: graph.gatewayUrl }, ...references]) {
      const answer = await post(target.url, probe, { authorization: "Bearer not-a-token" });
      refusals.push({ target: target.name, "bad token": `${answer.status} ${codes(answer.json).join(", ")}` });
      if (answer.status !== 401) failed = true;
    }
    const unsigned = await post(urls.PROGRAMS_URL, probe);
    refusals.push({ target: "programs subgraph, unsigned call", "bad token": `${unsigned.status} ${codes(unsigned.json).join(", ")}` });
    if (unsigned.status !== 401) failed = true;
    console.table(refusals);

    // A short load: every answer must be exactly the one checked above.
    const op = EXAMPLE_OPERATIONS.find((o) => o.name === LOAD_OPERATION);
    const body = JSON.stringify({ query: op.query, variables: op.variables });
    const loadRows = [];
    for (const target of [{ name: "ours", url: graph.gatewayUrl }, ...references]) {
      const r = await load(target.url, body, callers.partner, answers.get(`${op.name}/partner/${target.name}`));
      const bad = r.errors + r.non2xx + r.mismatches;
      if (bad || !r.requests.total) failed = true;
      loadRows.push({
        target: target.name,
        "req/s": Math.round(r.requests.average),
        "p50 ms": r.latency.p50,
        "p99 ms": r.latency.p99,
        requests: r.requests.total,
        "failed answers": bad,
      });
    }
    console.log(`\n${op.name} as partner, ${options.seconds} s each, 16 connections (this machine is shared: a sanity check, not the benchmark):`);
    console.table(loadRows);
  } finally {
    for (const r of running.reverse()) await r.stop();
    await Promise.all(databases.map((db) => db.drop()));
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(failed ? "\nThe references do NOT match our graph (see above)." : "\nEvery reference answers the same data as our gateway.");
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error.stack ?? error);
  process.exit(1);
});
