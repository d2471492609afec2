#!/usr/bin/env node
"use strict";
/**
 * Prints a development bearer token (HS256, development secret) for trying
 * roles against a gateway that is not in production mode.
 *   npm run token -- --role editor --institution <id> [--partner <id>] [--expires 8h]
 */
const { parseArgs } = require("node:util");
const { join } = require("node:path");

const { values } = parseArgs({
  options: {
    role: { type: "string", default: "partner" },
    institution: { type: "string" },
    partner: { type: "string" },
    subject: { type: "string" },
    expires: { type: "string", default: "8h" },
  },
});
const { devToken } = require(join(__dirname, "../gateway/dist"));
devToken({
  role: values.role,
  institutionId: values.institution,
  partnerId: values.partner,
  subject: values.subject,
  expiresIn: values.expires,
  secret: process.env.JWT_HS256_SECRET || undefined,
})
  .then((token) => console.log(token))
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
