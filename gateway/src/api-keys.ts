import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ROLES } from "@sstc/service-kit";

/**
 * API keys of machine clients (partner ministries). Only SHA-256 hashes are
 * stored — in a JSON file given by API_KEYS_FILE — each with its role,
 * institution, partner and rate limit. Keys are 32 random bytes, so a fast
 * hash is enough: there is nothing to brute-force.
 */
export const apiKeyEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().default(""),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256:<64 hex>"),
  role: z.enum(ROLES),
  institutionId: z.string().nullable().default(null),
  partnerId: z.string().nullable().default(null),
  rateLimitPerMinute: z.number().int().positive().default(600),
  revoked: z.boolean().default(false),
});
export type ApiKeyEntry = z.infer<typeof apiKeyEntrySchema>;

export const hashApiKey = (key: string) => `sha256:${createHash("sha256").update(key, "utf8").digest("hex")}`;

/** A new key and the registry entry that admits it (the key itself is shown once and never stored). */
export function createApiKey(entry: Omit<ApiKeyEntry, "hash" | "revoked">): { key: string; entry: ApiKeyEntry } {
  const key = `sstc_${randomBytes(32).toString("base64url")}`;
  return { key, entry: { ...entry, hash: hashApiKey(key), revoked: false } };
}

/** Loads and validates the registry file; a bad file stops start-up. */
export function loadApiKeys(path: string | undefined): Map<string, ApiKeyEntry> {
  if (!path) return new Map();
  const entries = z.array(apiKeyEntrySchema).parse(JSON.parse(readFileSync(path, "utf8")));
  return new Map(entries.filter((e) => !e.revoked).map((e) => [e.hash, e]));
}
