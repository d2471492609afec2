import type { DeepPartial, EntityManager, QueryDeepPartialEntity } from "typeorm";
import type { ClassType } from "type-graphql";
import { requireRole } from "../authorization";
import { ConflictError, ForbiddenError, NotFoundError, hasRole, type Principal } from "@sstc/service-kit";
import { newId } from "../ids";
import { typeNameOf, type BaseRecord } from "../record";
import type { SubgraphContext } from "../subgraph";
import { whereId } from "../where";
import { AuditAction, AuditEntry, type FieldChange } from "./audit.entity";
import { writeTransaction } from "./transactions";

/*
 * Every write of the graph goes through this file, in the same order:
 *   1. who may do it: the role first (the same answer whether or not the
 *      records exist), then ownership of the records named;
 *   2. what is asked: version, checks against other subgraphs (network
 *      calls, made before any transaction opens);
 *   3. one short transaction that re-reads what it depends on, re-checks
 *      ownership, version and local references, writes the change and its
 *      audit entry. Unique indexes have the last word on duplicates.
 */

/** Who owns a record: editors acting for one of these may change it. */
export interface Owners {
  institutionIds?: Array<string | null | undefined>;
  partnerIds?: Array<string | null | undefined>;
}

/** Refuses callers below the editor role before anything about the data is looked at. */
export function assertMayWrite(principal: Principal) {
  requireRole(principal, "editor", "Changing records");
}

/**
 * Admins may change anything; editors what their own institution or partner
 * organisation owns; everyone else nothing.
 */
export function assertMayEdit(principal: Principal, owners: Owners, what: string) {
  assertMayWrite(principal);
  if (principal.role === "admin") return;
  if (hasRole(principal, "editor")) {
    const ownInstitution = principal.institutionId && owners.institutionIds?.includes(principal.institutionId);
    const ownPartner = principal.partnerId && owners.partnerIds?.includes(principal.partnerId);
    if (ownInstitution || ownPartner) return;
    throw new ForbiddenError(`${what} belongs to another organisation; editors may change only their own organisation's records.`);
  }
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value instanceof Date ? value.toISOString() : value));

function diff<T extends object>(before: Partial<T>, after: Partial<T>): FieldChange[] {
  return Object.entries(after)
    .filter(([, v]) => v !== undefined)
    .map(([field, to]) => ({ field, from: json(before[field as keyof T]), to: json(to) }))
    .filter((c) => c.from !== c.to);
}

/** One audit entry: what was done to which record, leaving it at `version`. */
interface AuditedChange {
  action: AuditAction;
  entity: ClassType<BaseRecord>;
  id: string;
  version: number;
  changes: FieldChange[];
}

async function audit(manager: EntityManager, ctx: SubgraphContext, change: AuditedChange) {
  await manager.getRepository(AuditEntry).insert({
    id: newId(),
    at: new Date(),
    action: change.action,
    entityType: typeNameOf(change.entity),
    entityId: change.id,
    version: change.version,
    actor: ctx.principal.subject ?? "anonymous",
    actorRole: ctx.principal.role,
    actorInstitutionId: ctx.principal.institutionId,
    changes: change.changes,
  });
}

/**
 * The SET of a versioned UPDATE: the changed columns, a new `updatedAt`, and
 * the version bumped by the database itself (`version = version + 1`).
 */
function nextVersion<T extends BaseRecord>(changes: Partial<T> | Pick<BaseRecord, "deletedAt">, updatedAt: Date): QueryDeepPartialEntity<T> {
  // TypeORM's QueryDeepPartialEntity<T> cannot be worked out while T is a type parameter (see ../where.ts); the signature checks what goes in.
  return { ...changes, updatedAt, version: () => "version + 1" } as QueryDeepPartialEntity<T>;
}

/** Inserts one record and its audit entry with the given manager (inside a transaction the caller opened). */
export async function insertAudited<T extends BaseRecord>(ctx: SubgraphContext, m: EntityManager, entity: ClassType<T>, values: DeepPartial<T>): Promise<T> {
  const repo = m.getRepository(entity);
  const created = await repo.save(repo.create({ ...values, id: newId() } as DeepPartial<T>));
  await audit(m, ctx, { action: AuditAction.CREATE, entity, id: created.id, version: created.version, changes: diff({}, values as Partial<T>) });
  return created;
}

type OwnersOf<T> = (row: T, manager: EntityManager) => Owners | Promise<Owners>;

/** A new record: what it is, who owns it, and what must hold before it is stored. */
export interface CreateSpec<T extends BaseRecord> {
  /** The record's class; its name names the type in errors and audit entries. */
  entity: ClassType<T>;
  values: DeepPartial<T>;
  /** Who will own the record; may read this subgraph's database (e.g. the edition an activity joins). */
  owners: (manager: EntityManager) => Owners | Promise<Owners>;
  /** Checks against other subgraphs; they run before the transaction opens. */
  verify?: () => Promise<void>;
  /** Checks this database can answer, inside the transaction. */
  check?: (manager: EntityManager) => Promise<void>;
  /** Values worked out from what the database holds (e.g. a free slug), inside the transaction; merged over `values`. */
  complete?: (manager: EntityManager) => Promise<DeepPartial<T>>;
  /** Further writes in the same transaction (rows kept beside the record). */
  after?: (created: T, manager: EntityManager) => Promise<void>;
  /** The CONFLICT to report when a unique index refuses the record. */
  duplicate?: () => ConflictError;
}

/** Creates a record and its audit entry: who may, then what holds, then one short transaction. */
export async function createRecord<T extends BaseRecord>(ctx: SubgraphContext, spec: CreateSpec<T>): Promise<T> {
  const what = `A new ${typeNameOf(spec.entity)}`;
  assertMayWrite(ctx.principal);
  assertMayEdit(ctx.principal, await spec.owners(ctx.db.manager), what);
  await spec.verify?.();
  const row = await writeTransaction(
    ctx.db,
    async (m) => {
      // Ownership may have changed while other subgraphs were asked.
      assertMayEdit(ctx.principal, await spec.owners(m), what);
      await spec.check?.(m);
      const values = spec.complete ? ({ ...spec.values, ...(await spec.complete(m)) } as DeepPartial<T>) : spec.values;
      const created = await insertAudited(ctx, m, spec.entity, values);
      await spec.after?.(created, m);
      return created;
    },
    spec.duplicate,
  );
  ctx.loaders.clear();
  return row;
}

/** A change to a record at the version the client last read. */
export interface UpdateSpec<T extends BaseRecord> {
  /** The record's class; its name names the type in errors and audit entries. */
  entity: ClassType<T>;
  id: string;
  version: number;
  patch: Partial<T>;
  owners: OwnersOf<T>;
  /** Checks against other subgraphs, given the record as it would be; before the transaction opens. */
  verify?: (merged: T) => Promise<void>;
  /** Checks this database can answer, given the record as it would be; inside the transaction. */
  check?: (merged: T, manager: EntityManager) => Promise<void>;
  /** Changes kept outside the row (e.g. a programme's SDG table), applied in the same transaction; returns what changed. */
  sideChanges?: (current: T, manager: EntityManager) => Promise<FieldChange[]>;
  duplicate?: () => ConflictError;
}

/** Reads the record and refuses, in order: absent, not the caller's, stale version, moved to someone else's. */
async function decide<T extends BaseRecord>(
  ctx: SubgraphContext,
  m: EntityManager,
  spec: Pick<UpdateSpec<T>, "entity" | "id" | "version" | "patch" | "owners">,
) {
  const typeName = typeNameOf(spec.entity);
  const label = `${typeName} ${spec.id}`;
  const current = await m.getRepository(spec.entity).findOneBy(whereId<T>(spec.id));
  if (!current) throw new NotFoundError(typeName, spec.id);
  assertMayEdit(ctx.principal, await spec.owners(current, m), label);
  if (current.version !== spec.version) {
    throw new ConflictError(`${label} is at version ${current.version}, not ${spec.version}: someone changed it first. Reload and apply your change again.`, {
      currentVersion: current.version,
    });
  }
  const merged = { ...current, ...spec.patch } as T;
  // Moving a record to another owner needs the right to edit the new owner's records too.
  assertMayEdit(ctx.principal, await spec.owners(merged, m), `${label} after this change`);
  return { current, merged };
}

/**
 * Applies `patch` if the record still has the expected version: the UPDATE
 * itself checks the version, so two editors racing cannot both win — the
 * loser gets CONFLICT and nothing of theirs is written.
 */
export async function updateRecord<T extends BaseRecord>(ctx: SubgraphContext, spec: UpdateSpec<T>): Promise<T> {
  const typeName = typeNameOf(spec.entity);
  assertMayWrite(ctx.principal);
  const { merged } = await decide(ctx, ctx.db.manager, spec);
  await spec.verify?.(merged);
  const row = await writeTransaction(
    ctx.db,
    async (m) => {
      const { current, merged } = await decide(ctx, m, spec);
      await spec.check?.(merged, m);
      const changes = [...diff(current, spec.patch), ...((await spec.sideChanges?.(current, m)) ?? [])];
      if (!changes.length) return current;
      const repo = m.getRepository(spec.entity);
      const result = await repo
        .createQueryBuilder()
        .update()
        .set(nextVersion<T>(spec.patch, new Date()))
        .where("id = :id AND version = :version AND deletedAt IS NULL", { id: spec.id, version: spec.version })
        .execute();
      if (result.affected !== 1) throw new ConflictError(`${typeName} ${spec.id} changed while it was being updated. Reload and try again.`);
      await audit(m, ctx, { action: AuditAction.UPDATE, entity: spec.entity, id: spec.id, version: spec.version + 1, changes });
      return (await repo.findOneBy(whereId<T>(spec.id)))!;
    },
    spec.duplicate,
  );
  ctx.loaders.clear();
  return row;
}

/** A soft delete at the version the client last read. */
export interface DeleteSpec<T extends BaseRecord> {
  /** The record's class; its name names the type in errors and audit entries. */
  entity: ClassType<T>;
  id: string;
  version: number;
  owners: OwnersOf<T>;
}

/** Soft-deletes a record at its expected version: it stays in the database, hidden from every query. */
export async function deleteRecord<T extends BaseRecord>(ctx: SubgraphContext, spec: DeleteSpec<T>): Promise<string> {
  assertMayWrite(ctx.principal);
  const decision = { ...spec, patch: {} };
  await decide(ctx, ctx.db.manager, decision);
  await writeTransaction(ctx.db, async (m) => {
    await decide(ctx, m, decision);
    const now = new Date();
    const result = await m
      .getRepository(spec.entity)
      .createQueryBuilder()
      .update()
      .set(nextVersion<T>({ deletedAt: now }, now))
      .where("id = :id AND version = :version AND deletedAt IS NULL", { id: spec.id, version: spec.version })
      .execute();
    if (result.affected !== 1) throw new ConflictError(`${typeNameOf(spec.entity)} ${spec.id} changed while it was being deleted.`);
    await audit(m, ctx, {
      action: AuditAction.DELETE,
      entity: spec.entity,
      id: spec.id,
      version: spec.version + 1,
      changes: [{ field: "deletedAt", from: null, to: json(now) }],
    });
  });
  ctx.loaders.clear();
  return spec.id;
}
