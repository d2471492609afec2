"use strict";
/**
 * What the reference stacks share: the repository root, and our gateway's
 * authenticator (built code) usable outside express.
 */
const { join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "../..");

/**
 * Identifies a caller exactly as our gateway does, by running its express
 * authenticator (gateway/dist/auth.js, with the same config) on a stand-in
 * request and response. Resolves with `{ principal }`, or with `{ refusal }`
 * holding the 401 our gateway would send. `header(name)` reads a request header.
 */
function callerAuthenticator(config) {
  const { createAuthenticator } = require(join(ROOT, "gateway/dist/auth.js"));
  const authenticate = createAuthenticator(config);
  return (header) =>
    new Promise((done, fail) => {
      const refusal = { status: 200, headers: {}, body: undefined };
      const res = {
        locals: {},
        req: { accepts: () => "application/json" },
        status: (status) => ((refusal.status = status), res),
        set: (headers) => (Object.assign(refusal.headers, headers), res),
        type: () => res,
        json: (body) => done({ refusal: { ...refusal, body } }),
      };
      // The address only names the public rate-limit bucket, which the references do not have.
      const req = { header, ip: "127.0.0.1" };
      Promise.resolve(authenticate(req, res, () => done({ principal: res.locals.principal }))).catch(fail);
    });
}

module.exports = { ROOT, callerAuthenticator };
