import { SignJWT } from "jose";
import type { Role } from "@sstc/service-kit";
import { DEV_JWT_SECRET } from "./env";

export interface DevTokenClaims {
  role: Role;
  subject?: string;
  institutionId?: string;
  partnerId?: string;
  /** Lifetime, e.g. "1h" (default) or "-1m" for an already expired token. */
  expiresIn?: string;
  issuer?: string;
  audience?: string;
  secret?: string;
}

/**
 * A bearer token signed with the development HS256 secret, accepted by a
 * gateway outside production. For trying roles in GraphiQL and for tests;
 * production only accepts RS256/ES256 tokens from the JWKS.
 */
export function devToken(claims: DevTokenClaims): Promise<string> {
  const payload: Record<string, unknown> = { role: claims.role };
  if (claims.institutionId) payload.institution_id = claims.institutionId;
  if (claims.partnerId) payload.partner_id = claims.partnerId;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.subject ?? `dev-${claims.role}`)
    .setIssuer(claims.issuer ?? "sstc-dev-issuer")
    .setAudience(claims.audience ?? "sstc-graph")
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "1h")
    .sign(new TextEncoder().encode(claims.secret ?? DEV_JWT_SECRET));
}
