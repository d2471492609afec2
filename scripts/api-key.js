#!/usr/bin/env node
"use strict";
/**
 * Creates an API key for a machine client. Prints the key once (give it to
 * the client) and the registry entry with only its hash (append it to the
 * JSON array in API_KEYS_FILE).
 *   npm run api-key -- --id kemenlu-portal --role partner --institution <id> [--partner <id>] [--rate 600]
 */
const { parseArgs } = require("node:util");
const { join } = require("node:path");

const { values } = parseArgs({
  options: {
    id: { type: "string" },
    name: { type: "string", default: "" },
    role: { type: "string", default: "partner" },
    institution: { type: "string" },
    partner: { type: "string" },
    rate: { type: "string", default: "600" },
  },
});
if (!values.id) {
  console.error("--id is required");
  process.exit(1);
}
const { createApiKey } = require(join(__dirname, "../gateway/dist"));
const { key, entry } = createApiKey({
  id: values.id,
  name: values.name,
  role: values.role,
  institutionId: values.institution ?? null,
  partnerId: values.partner ?? null,
  rateLimitPerMinute: Number(values.rate),
});
console.log(`API key (shown once): ${key}`);
console.log(`Registry entry:\n${JSON.stringify(entry, null, 2)}`);
