import type { AuthChecker } from "type-graphql";
import { ForbiddenError, hasRole, type Principal, type Role } from "@sstc/service-kit";

/**
 * An exception to a field's least role that the record decides: on a record
 * for which `opens` holds, the field is read by every caller (e.g. the name
 * of a person acting in a public capacity). Given to `@Authorized` after the
 * role, which stays the rule for every other record:
 * `@Authorized<AuthRule>("partner", publicWhen("the person acts in a public capacity", (p: Person) => p.publicCapacity))`.
 */
export interface PublicWhen {
  /** Says when, in words, for the refusal's message. */
  readonly when: string;
  readonly opens: (record: never) => boolean;
}

/** What `@Authorized` takes here: the least role first, then any record-level exceptions. */
export type AuthRule = Role | PublicWhen;

/** A record-level exception to a field's least role (see {@link PublicWhen}). */
export const publicWhen = <T>(when: string, opens: (record: T) => boolean): PublicWhen => ({ when, opens: opens as (record: never) => boolean });

/**
 * type-graphql's check for `@Authorized("partner")` and friends: the named
 * role is the minimum, unless the record the field is read on is opened by
 * one of the rules after it. Failing throws FORBIDDEN (never a silent null),
 * so a client can tell "hidden from you" from "absent".
 */
export const authChecker: AuthChecker<{ principal: Principal }, AuthRule> = ({ root, context, info }, rules) => {
  const minimum = (rules.find((r): r is Role => typeof r === "string") ?? "partner") as Role;
  if (hasRole(context.principal, minimum)) return true;
  const exceptions = rules.filter((r): r is PublicWhen => typeof r === "object");
  if (root && exceptions.some((e) => e.opens(root as never))) return true;
  const unless = exceptions.length ? ` unless ${exceptions.map((e) => e.when).join(" or ")}` : "";
  throw new ForbiddenError(`${info.parentType.name}.${info.fieldName} requires the ${minimum} role${unless}.`);
};

/** The same rule for code that type-graphql does not wrap (reference resolvers, services). */
export function requireRole(principal: Principal, minimum: Role, what: string) {
  if (!hasRole(principal, minimum)) throw new ForbiddenError(`${what} requires the ${minimum} role.`);
}
