import type { AuthChecker } from "type-graphql";
import { ForbiddenError, hasRole, type Principal, type Role } from "@sstc/service-kit";

/**
 * type-graphql's check for `@Authorized("partner")` and friends: the named
 * role is the minimum. Failing throws FORBIDDEN (never a silent null), so a
 * client can tell "hidden from you" from "absent".
 */
export const authChecker: AuthChecker<{ principal: Principal }> = ({ context, info }, roles) => {
  const minimum = (roles[0] ?? "partner") as Role;
  if (hasRole(context.principal, minimum)) return true;
  throw new ForbiddenError(`${info.parentType.name}.${info.fieldName} requires the ${minimum} role.`);
};

/** The same rule for code that type-graphql does not wrap (reference resolvers, services). */
export function requireRole(principal: Principal, minimum: Role, what: string) {
  if (!hasRole(principal, minimum)) throw new ForbiddenError(`${what} requires the ${minimum} role.`);
}
