import type { DataSource, EntityManager } from "typeorm";
import { ConflictError } from "@sstc/service-kit";

/** The driver's own error under TypeORM's QueryFailedError (or the error itself). */
const driverError = (error: unknown) => ((error as { driverError?: unknown })?.driverError ?? error) as { code?: string; errno?: number };

/** True when a unique index refused a row (SQLite or MySQL/MariaDB). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, errno } = driverError(error);
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "ER_DUP_ENTRY" || errno === 1062;
}

/** True for failures that say "try again" rather than "this is wrong": deadlocks, lock timeouts, a busy SQLite file. */
export function isTransient(error: unknown): boolean {
  const { code, errno } = driverError(error);
  return code === "ER_LOCK_DEADLOCK" || code === "ER_LOCK_WAIT_TIMEOUT" || errno === 1213 || errno === 1205 || code === "SQLITE_BUSY";
}

const ATTEMPTS = 4;

/**
 * Runs `work` in one transaction. A unique index refusing a row becomes
 * CONFLICT (`duplicate()`, or a generic one), so of two identical creates
 * racing exactly one is stored and the other is told why. A deadlock or
 * lock timeout — InnoDB's answer when concurrent inserts meet on one unique
 * key — rolls back and runs the whole transaction again, a few times.
 * `work` must make no network calls: it may run more than once, and a
 * transaction must never wait on another service.
 */
export async function writeTransaction<T>(db: DataSource, work: (manager: EntityManager) => Promise<T>, duplicate?: () => ConflictError): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw duplicate?.() ?? new ConflictError("A record with the same unique values already exists.");
      }
      if (!isTransient(error) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
