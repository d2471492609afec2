import { createHash } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { UnauthenticatedError } from "./errors";

/** Roles, from least to most privileged; each includes what the ones before it may do. */
export const ROLES = ["public", "partner", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, as verified by the gateway. */
export interface Principal {
  role: Role;
  /** Token subject or API key id; null when anonymous. */
  subject: string | null;
  /** The institution the caller acts for (editors may change its records). */
  institutionId: string | null;
  /** The diplomacy partner the caller acts for, when any. */
  partnerId: string | null;
  /** How the caller was identified. */
  via: "anonymous" | "jwt" | "api-key" | "service";
}

export const ANONYMOUS: Principal = Object.freeze({ role: "public", subject: null, institutionId: null, partnerId: null, via: "anonymous" });

/** The header carrying the gateway-signed principal to subgraphs. */
export const PRINCIPAL_HEADER = "x-sstc-principal";

/** A development default, refused in production (see the env schemas). */
export const DEV_SIGNING_SECRET = "dev-only-gateway-signing-secret-do-not-use-in-production";

const ISSUER = "sstc-gateway";
const AUDIENCE = "sstc-subgraphs";
/** Short-lived: a captured header is useless after this, and only for the same query. */
const TTL_SECONDS = 60;

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** True when `principal` has at least the `minimum` role. */
export const hasRole = (principal: Principal, minimum: Role) => ROLES.indexOf(principal.role) >= ROLES.indexOf(minimum);

const queryHash = (query: string) => createHash("sha256").update(query).digest("base64url");
const key = (secret: string) => new TextEncoder().encode(secret);

/**
 * Signs the principal for one subgraph request (HS256, 60 s). The token is
 * bound to the hash of the GraphQL document, so it cannot be replayed with
 * another query.
 */
export async function signPrincipal(secret: string, principal: Principal, query: string): Promise<string> {
  return new SignJWT({ role: principal.role, inst: principal.institutionId, ptn: principal.partnerId, via: principal.via, qh: queryHash(query) })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(principal.subject ?? "anonymous")
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(key(secret));
}

/** Verifies a signed principal header for `query`; throws UNAUTHENTICATED when it is missing, forged, expired or for another query. */
export async function verifyPrincipal(secret: string, token: string | undefined, query: string): Promise<Principal> {
  if (!token) throw new UnauthenticatedError("This service only answers the gateway: the signed principal header is missing.");
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"], clockTolerance: 5 });
    if (payload.qh !== queryHash(query)) throw new Error("query mismatch");
    if (!isRole(payload.role)) throw new Error("bad role");
    const via = payload.via as Principal["via"];
    return {
      role: payload.role,
      subject: payload.sub === "anonymous" ? null : (payload.sub ?? null),
      institutionId: typeof payload.inst === "string" ? payload.inst : null,
      partnerId: typeof payload.ptn === "string" ? payload.ptn : null,
      via: ["anonymous", "jwt", "api-key", "service"].includes(via) ? via : "anonymous",
    };
  } catch {
    throw new UnauthenticatedError("The signed principal header is not valid for this request.");
  }
}

/** The principal services use when they call each other on their own account. */
export const servicePrincipal = (name: string): Principal => ({
  role: "admin",
  subject: `service:${name}`,
  institutionId: null,
  partnerId: null,
  via: "service",
});
