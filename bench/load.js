#!/usr/bin/env node
"use strict";
/**
 * The load generator, run by bench/run.js as a child process of its own so
 * its CPU is not in the processes measured. Reads its settings from the JSON
 * file named by argv[2] ({ url, headers, bodies, seconds, connections }),
 * sends the bodies in turn (a shared counter over all connections), and
 * reports over IPC: { type: "progress", requests, elapsedMs } every second
 * and { type: "done", ... } with every latency (ms), status and GraphQL
 * error counts, and a sample of the first failing answer.
 */
const { readFileSync } = require("node:fs");
const autocannon = require("autocannon");

const { url, headers, bodies, seconds, connections } = JSON.parse(readFileSync(process.argv[2], "utf8"));
let next = 0;
let completed = 0;
let graphqlErrors = 0;
let non2xx = 0;
let failure = null;
const latencies = [];
const started = Date.now();

const instance = autocannon(
  {
    url,
    connections,
    duration: seconds,
    // A slow operation under 16 connections can take many seconds: measure its latency rather than cut it off (autocannon's default is 10 s).
    timeout: 120,
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        // Every answer is checked for GraphQL errors: the string search is cheap next to the request.
        onResponse: (status, body) => {
          if (/"errors"\s*:/.test(body)) {
            graphqlErrors++;
            failure ??= { status, body: body.slice(0, 2000) };
          } else if (status < 200 || status >= 300) failure ??= { status, body: body.slice(0, 2000) };
        },
      },
    ],
  },
  (error, result) => {
    clearInterval(timer);
    if (error) {
      process.send({ type: "error", message: error.message });
      return;
    }
    process.send({
      type: "done",
      elapsedMs: result.duration * 1000,
      requests: completed,
      // Sent but not answered when the load stopped: their latencies are not in the percentiles.
      unfinished: next - completed,
      latencies,
      non2xx,
      graphqlErrors,
      connectionErrors: result.errors,
      timeouts: result.timeouts,
      failure,
    });
  },
);

instance.on("response", (client, statusCode, resBytes, responseTime) => {
  completed++;
  latencies.push(responseTime);
  if (statusCode < 200 || statusCode >= 300) non2xx++;
});
instance.on("reqError", (error) => {
  failure ??= { error: error.message };
});

const timer = setInterval(() => process.send({ type: "progress", requests: completed, elapsedMs: Date.now() - started }), 1000);
process.on("disconnect", () => instance.stop());
