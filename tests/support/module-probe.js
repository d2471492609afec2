"use strict";
/*
 * Preloaded (`node --require`) into a process under test: when the process
 * exits, writes the file of every CommonJS module it loaded to the file named
 * by MODULE_PROBE_OUT, one per line.
 */
const { writeFileSync } = require("node:fs");

const out = process.env.MODULE_PROBE_OUT;
if (out) process.on("exit", () => writeFileSync(out, Object.keys(require.cache).join("\n")));
