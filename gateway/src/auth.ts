import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTVerifyOptions, type JWTVerifyResult } from "jose";
import { readFileSync } from "node:fs";
import type { NextFunction, Request, Response } from "express";
import { ipKeyGenerator } from "express-rate-limit";
import { ANONYMOUS, ErrorCode, isRole, sendGraphqlError, UnauthenticatedError, type Principal } from "@sstc/service-kit";
import { hashApiKey, loadApiKeys, type ApiKeyEntry } from "./api-keys";
import type { AuthFailureThrottle } from "./auth-throttle";
import type { GatewayConfig } from "./env";

export interface AuthenticatedLocals {
  principal: Principal;
  /** Requests per minute this caller may make. */
  rateLimit: number;
  /** What the rate limit counts against. */
  rateKey: string;
}

/**
 * Identifies the caller of a gateway request: an API key (`X-API-Key`), a
 * bearer JWT (RS256/ES256 from the JWKS; HS256 only with the development
 * secret outside production), or nobody (the public role). A credential
 * that is present but invalid is refused — never downgraded to public —
 * and counted by `throttle` against the caller's address.
 */
export function createAuthenticator(config: GatewayConfig, throttle?: AuthFailureThrottle) {
  const apiKeys = loadApiKeys(config.API_KEYS_FILE);
  // jose takes a key set and a secret through different overloads of jwtVerify: each verifier binds its own.
  const verifiers: Array<{ algorithms: string[]; verify: (token: string, options: JWTVerifyOptions) => Promise<JWTVerifyResult> }> = [];
  if (config.JWKS_PATH) {
    const keys = createLocalJWKSet(JSON.parse(readFileSync(config.JWKS_PATH, "utf8")));
    verifiers.push({ algorithms: ["RS256", "ES256"], verify: (token, options) => jwtVerify(token, keys, options) });
  }
  if (config.JWKS_URL) {
    const keys = createRemoteJWKSet(new URL(config.JWKS_URL));
    verifiers.push({ algorithms: ["RS256", "ES256"], verify: (token, options) => jwtVerify(token, keys, options) });
  }
  if (config.JWT_HS256_SECRET) {
    const secret = new TextEncoder().encode(config.JWT_HS256_SECRET);
    verifiers.push({ algorithms: ["HS256"], verify: (token, options) => jwtVerify(token, secret, options) });
  }

  async function fromJwt(token: string): Promise<Principal> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new UnauthenticatedError("The bearer token was refused: it is malformed.");
    }
    const candidates = verifiers.filter((v) => alg && v.algorithms.includes(alg));
    if (!candidates.length) throw new UnauthenticatedError(`The bearer token was refused: algorithm ${alg ?? "none"} is not accepted here.`);
    let lastError: unknown;
    for (const verifier of candidates) {
      try {
        const { payload } = await verifier.verify(token, {
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          algorithms: verifier.algorithms,
          requiredClaims: ["exp", "sub"],
          clockTolerance: 30,
        });
        if (!isRole(payload.role)) throw new Error("role claim missing or unknown");
        return {
          role: payload.role,
          subject: String(payload.sub),
          institutionId: typeof payload.institution_id === "string" ? payload.institution_id : null,
          partnerId: typeof payload.partner_id === "string" ? payload.partner_id : null,
          via: "jwt",
        };
      } catch (error) {
        lastError = error;
      }
    }
    throw new UnauthenticatedError(`The bearer token was refused: ${describe(lastError)}.`);
  }

  function fromApiKey(key: string): { principal: Principal; entry: ApiKeyEntry } {
    const entry = apiKeys.get(hashApiKey(key));
    if (!entry) throw new UnauthenticatedError("The API key was refused.");
    return {
      entry,
      principal: { role: entry.role, subject: `api-key:${entry.id}`, institutionId: entry.institutionId, partnerId: entry.partnerId, via: "api-key" },
    };
  }

  /** Express middleware: sets res.locals (AuthenticatedLocals) or answers 401. */
  return async function authenticate(req: Request, res: Response, next: NextFunction) {
    try {
      const header = req.header("authorization") ?? "";
      const apiKey = req.header("x-api-key") ?? (/^ApiKey\s+(.+)$/i.exec(header)?.[1] || undefined);
      let locals: AuthenticatedLocals;
      if (apiKey) {
        const { principal, entry } = fromApiKey(apiKey.trim());
        locals = { principal, rateLimit: entry.rateLimitPerMinute, rateKey: principal.subject! };
      } else if (/^Bearer\s+/i.test(header)) {
        const principal = await fromJwt(header.replace(/^Bearer\s+/i, "").trim());
        locals = { principal, rateLimit: config.rateLimits[principal.role], rateKey: `jwt:${principal.subject}` };
      } else if (header) {
        throw new UnauthenticatedError("Unsupported Authorization scheme; use Bearer <token> or an X-API-Key header.");
      } else {
        locals = { principal: ANONYMOUS, rateLimit: config.rateLimits.public, rateKey: `ip:${ipKeyGenerator(req.ip ?? "unknown")}` };
      }
      Object.assign(res.locals, locals);
      next();
    } catch (error) {
      const message = error instanceof UnauthenticatedError ? error.message : "Authentication failed.";
      const refuse = () => sendGraphqlError(res, 401, ErrorCode.UNAUTHENTICATED, message, { "WWW-Authenticate": 'Bearer realm="sstc-graph"' });
      // Only a refused credential counts; an unexpected failure while checking one is not the caller's guess.
      if (throttle && error instanceof UnauthenticatedError) throttle.record(req, res, refuse);
      else refuse();
    }
  };
}

function describe(error: unknown): string {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return "it has expired";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      return `claim "${(error as { claim?: string }).claim}" is not acceptable`;
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
    case "ERR_JWKS_NO_MATCHING_KEY":
      return "its signature does not verify";
    case "ERR_JOSE_ALG_NOT_ALLOWED":
      return "its algorithm is not accepted";
    default:
      return "it is malformed or not acceptable";
  }
}
