import { randomUUID } from "node:crypto";
import { BadUserInputError } from "@sstc/service-kit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new record id. */
export const newId = () => randomUUID();

/** Refuses an id that cannot name any record, naming the argument. */
export function assertId(id: string, argument = "id"): string {
  if (!UUID.test(id)) throw new BadUserInputError(`"${argument}" must be a UUID; got ${JSON.stringify(id)}.`, { argument });
  return id.toLowerCase();
}
