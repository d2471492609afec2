import type { NextFunction, Request, Response } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { ErrorCode, sendGraphqlError } from "@sstc/service-kit";

const WINDOW_MS = 60_000;

export interface AuthFailureThrottle {
  /** Middleware run before any credential is looked at: answers 429 while the caller's address has no failures left. */
  guard: (req: Request, res: Response, next: NextFunction) => Promise<void>;
  /** Counts one refused credential against the caller's address, then calls `refuse` (or answers 429 if that was one too many). */
  record: (req: Request, res: Response, refuse: () => void) => void;
}

/**
 * Throttles the guessing of bearer tokens and API keys: refused credentials
 * are counted per client address (express-rate-limit, `limitPerMinute` a
 * minute), and an address that has used them up is refused before its next
 * credential is checked, so a right guess after the limit learns nothing.
 * Only failures count: successful requests, however many or concurrent, leave
 * the budget untouched (unlike `skipSuccessfulRequests`, which counts every
 * request while it is in flight).
 */
export function authFailureThrottle(limitPerMinute: number): AuthFailureThrottle {
  const keyOf = (req: Request) => `ip:${ipKeyGenerator(req.ip ?? "unknown")}`;
  const tooMany = (res: Response, resetTime: Date | undefined) =>
    sendGraphqlError(res, 429, ErrorCode.RATE_LIMITED, "Too many refused credentials from this address; retry after the time in the Retry-After header.", {
      "Retry-After": String(Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000))),
    });
  const counter = rateLimit({
    windowMs: WINDOW_MS,
    limit: limitPerMinute,
    keyGenerator: keyOf,
    standardHeaders: false,
    legacyHeaders: false,
    // An X-Forwarded-For that no configured proxy vouches for is ignored on purpose (TRUST_PROXY), not a misconfiguration.
    validate: { xForwardedForHeader: false },
    handler: (req: Request, res: Response) => tooMany(res, (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime),
  });
  return {
    guard: async (req, res, next) => {
      const used = await counter.getKey(keyOf(req));
      if (used && used.totalHits >= limitPerMinute) return tooMany(res, used.resetTime);
      next();
    },
    record: (req, res, refuse) => {
      void counter(req, res, refuse);
    },
  };
}
