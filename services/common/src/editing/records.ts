import type { DeepPartial, EntityManager, EntityTarget } from "typeorm";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { newId } from "../ids";
import { hasRole, type Principal } from "../principal";
import type { BaseRecord } from "../record";
import type { SubgraphContext } from "../subgraph";
import { AuditAction, AuditEntry, type FieldChange } from "./audit.entity";

/** Who owns a record: editors acting for one of these may change it. */
export interface Owners {
  institutionIds?: Array<string | null | undefined>;
  partnerIds?: Array<string | null | undefined>;
}

/**
 * Admins may change anything; editors what their own institution or partner
 * organisation owns; everyone else nothing.
 */
export function assertMayEdit(principal: Principal, owners: Owners, what: string) {
  if (principal.role === "admin") return;
  if (hasRole(principal, "editor")) {
    const ownInstitution = principal.institutionId && owners.institutionIds?.includes(principal.institutionId);
    const ownPartner = principal.partnerId && owners.partnerIds?.includes(principal.partnerId);
    if (ownInstitution || ownPartner) return;
    throw new ForbiddenError(`${what} belongs to another organisation; editors may change only their own organisation's records.`);
  }
  throw new ForbiddenError(`Changing ${what} requires the editor role.`);
}

/** Runs `work` in the caller's transaction when given one, else in a new one. */
export function inTransaction<T>(ctx: SubgraphContext, manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return manager ? work(manager) : ctx.db.transaction(work);
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value instanceof Date ? value.toISOString() : value));

function diff<T extends object>(before: Partial<T>, after: Partial<T>): FieldChange[] {
  return Object.entries(after)
    .filter(([, v]) => v !== undefined)
    .map(([field, to]) => ({ field, from: json(before[field as keyof T]), to: json(to) }))
    .filter((c) => c.from !== c.to);
}

async function audit(manager: EntityManager, ctx: SubgraphContext, action: AuditAction, typeName: string, id: string, version: number, changes: FieldChange[]) {
  await manager.getRepository(AuditEntry).insert({
    id: newId(),
    at: new Date(),
    action,
    entityType: typeName,
    entityId: id,
    version,
    actor: ctx.principal.subject ?? "anonymous",
    actorRole: ctx.principal.role,
    actorInstitutionId: ctx.principal.institutionId,
    changes,
  });
}

/** Inserts a record and its audit entry; the principal must be allowed to own it. */
export async function createRecord<T extends BaseRecord>(
  ctx: SubgraphContext,
  entity: EntityTarget<T>,
  typeName: string,
  values: DeepPartial<T>,
  owners: Owners,
  manager?: EntityManager,
): Promise<T> {
  assertMayEdit(ctx.principal, owners, `A new ${typeName}`);
  const row = await inTransaction(ctx, manager, async (m) => {
    const repo = m.getRepository(entity);
    const created = await repo.save(repo.create({ ...values, id: newId() } as DeepPartial<T>));
    await audit(m, ctx, AuditAction.CREATE, typeName, created.id, created.version, diff({}, values as Partial<T>));
    return created;
  });
  ctx.loaders.clear();
  return row;
}

/**
 * Applies `patch` if the record still has `expectedVersion`: the UPDATE
 * itself checks the version, so two editors racing cannot both win — the
 * loser gets CONFLICT and nothing of theirs is written.
 */
export async function updateRecord<T extends BaseRecord>(
  ctx: SubgraphContext,
  entity: EntityTarget<T>,
  typeName: string,
  id: string,
  expectedVersion: number,
  patch: Partial<T>,
  ownersOf: (row: T, manager: EntityManager) => Owners | Promise<Owners>,
  check?: (merged: T, manager: EntityManager) => Promise<void>,
  /** Changes kept outside the row (e.g. a programme's SDG table), applied in the same transaction; returns what changed. */
  sideChanges?: (current: T, manager: EntityManager) => Promise<FieldChange[]>,
): Promise<T> {
  const row = await ctx.db.transaction(async (m) => {
    const repo = m.getRepository(entity);
    const current = await repo.findOneBy({ id } as never);
    if (!current) throw new NotFoundError(typeName, id);
    assertMayEdit(ctx.principal, await ownersOf(current, m), `${typeName} ${id}`);
    if (current.version !== expectedVersion) {
      throw new ConflictError(`${typeName} ${id} is at version ${current.version}, not ${expectedVersion}: someone changed it first. Reload and apply your change again.`, {
        currentVersion: current.version,
      });
    }
    const merged = { ...current, ...patch } as T;
    // Moving a record to another owner needs the right to edit the new owner's records too.
    assertMayEdit(ctx.principal, await ownersOf(merged, m), `${typeName} ${id} after this change`);
    await check?.(merged, m);
    const changes = [...diff(current, patch), ...((await sideChanges?.(current, m)) ?? [])];
    if (!changes.length) return current;
    const result = await repo
      .createQueryBuilder()
      .update()
      .set({ ...patch, updatedAt: new Date(), version: () => "version + 1" } as never)
      .where("id = :id AND version = :version AND deletedAt IS NULL", { id, version: expectedVersion })
      .execute();
    if (result.affected !== 1) throw new ConflictError(`${typeName} ${id} changed while it was being updated. Reload and try again.`);
    await audit(m, ctx, AuditAction.UPDATE, typeName, id, expectedVersion + 1, changes);
    return (await repo.findOneBy({ id } as never))!;
  });
  ctx.loaders.clear();
  return row;
}

/** Soft-deletes a record at `expectedVersion`: it stays in the database, hidden from every query. */
export async function deleteRecord<T extends BaseRecord>(
  ctx: SubgraphContext,
  entity: EntityTarget<T>,
  typeName: string,
  id: string,
  expectedVersion: number,
  ownersOf: (row: T, manager: EntityManager) => Owners | Promise<Owners>,
): Promise<string> {
  await ctx.db.transaction(async (m) => {
    const repo = m.getRepository(entity);
    const current = await repo.findOneBy({ id } as never);
    if (!current) throw new NotFoundError(typeName, id);
    assertMayEdit(ctx.principal, await ownersOf(current, m), `${typeName} ${id}`);
    if (current.version !== expectedVersion) {
      throw new ConflictError(`${typeName} ${id} is at version ${current.version}, not ${expectedVersion}.`, { currentVersion: current.version });
    }
    const now = new Date();
    const result = await repo
      .createQueryBuilder()
      .update()
      .set({ deletedAt: now, updatedAt: now, version: () => "version + 1" } as never)
      .where("id = :id AND version = :version AND deletedAt IS NULL", { id, version: expectedVersion })
      .execute();
    if (result.affected !== 1) throw new ConflictError(`${typeName} ${id} changed while it was being deleted.`);
    await audit(m, ctx, AuditAction.DELETE, typeName, id, expectedVersion + 1, [{ field: "deletedAt", from: null, to: json(now) }]);
  });
  ctx.loaders.clear();
  return id;
}
