import DataLoader from "dataloader";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import type { SubgraphContext } from "./subgraph";
import { NotFoundError, hasRole } from "@sstc/service-kit";
import { childConnections, type ChildListSpec, type ConnectionResult, type PageArgs } from "./pagination";
import { whereIn } from "./where";

/**
 * The DataLoaders of one request. A loader is created on first use under a
 * name and lives until the request ends, so entity look-ups in one request
 * are batched and cached, and nothing is shared between requests.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** Forgets every cached row (after a write in this request). */
  clear() {
    for (const loader of this.loaders.values()) loader.clearAll();
  }

  /** The loader registered under `name`, created from `batch` on first use. */
  get<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, string>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, string>(batch, { maxBatchSize: 500, ...options }) as unknown as DataLoader<K, V>;
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders rows to match `keys` (DataLoader's contract); missing keys give null. */
export function alignOne<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): Array<T | null> {
  const index = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => index.get(k) ?? null);
}

/** What a loader of rows by key offers its callers. */
export interface RowLoader<T> {
  load(key: string): Promise<T | null>;
  loadMany(keys: readonly string[]): Promise<Array<T | null>>;
}

const isDeleted = (row: ObjectLiteral) => row.deletedAt != null;
const rank = (row: ObjectLiteral) => (isDeleted(row) ? new Date(row.deletedAt).getTime() : Number.POSITIVE_INFINITY);

/*
 * One loader per entity and key column serves both readings below: it loads
 * soft-deleted rows too, and each reading filters, so a request that looks a
 * record up by id and also follows references to it still costs one
 * `IN (...)` statement.
 */
function anyRowsByKey<T extends ObjectLiteral>(ctx: SubgraphContext, entity: EntityTarget<T>, key: keyof T & string) {
  const repo = ctx.db.getRepository(entity);
  return ctx.loaders.get<string, T | null>(`${repo.metadata.name}.${key}`, async (keys) => {
    const rows = await repo.find({ where: whereIn<T>(key, keys), withDeleted: true });
    // A key unique only among live rows (a code reused after a delete) may match several: the live one wins, else the latest deleted.
    const best = new Map<string, T>();
    for (const row of rows) {
      const held = best.get(row[key]);
      if (!held || rank(row) > rank(held)) best.set(row[key], row);
    }
    return keys.map((k) => best.get(k) ?? null);
  });
}

function reading<T extends ObjectLiteral>(loader: DataLoader<string, T | null>, read: (row: T | null) => T | null): RowLoader<T> {
  const load = async (key: string) => read(await loader.load(key));
  return { load, loadMany: (keys) => Promise.all(keys.map(load)) };
}

/**
 * The request's loader of live `entity` rows by a unique column: what a
 * look-up by id or code sees (a soft-deleted record is not there). A list
 * of N look-ups costs one `IN (...)` statement.
 */
export function rowsByKey<T extends ObjectLiteral>(ctx: SubgraphContext, entity: EntityTarget<T>, key: keyof T & string): RowLoader<T> {
  return reading(anyRowsByKey(ctx, entity, key), (row) => (row && !isDeleted(row) ? row : null));
}

/**
 * True when references to soft-deleted records resolve for this caller:
 * people with the editor role and above, who may need to repair what still
 * points at them. A service checking that a reference exists (on its own
 * account) must see a deleted record as absent.
 */
export const seesDeleted = (ctx: Pick<SubgraphContext, "principal">) => hasRole(ctx.principal, "editor") && ctx.principal.via !== "service";

/**
 * What a reference to `row` reads as for this caller: a live row as it is;
 * a soft-deleted one for editors and admins (its `deletedAt` marks it), and
 * null for everyone else. Never an error.
 */
export function referenced<T extends ObjectLiteral>(ctx: SubgraphContext, row: T | null | undefined): T | null {
  if (!row) return null;
  return !isDeleted(row) || seesDeleted(ctx) ? row : null;
}

/**
 * The request's loader for references (`__resolveReference`, to-one
 * fields): rows by a unique column, read by the rule of {@link referenced}.
 */
export function referencesByKey<T extends ObjectLiteral>(ctx: SubgraphContext, entity: EntityTarget<T>, key: keyof T & string): RowLoader<T> {
  return reading(anyRowsByKey(ctx, entity, key), (row) => referenced(ctx, row));
}

/**
 * The request's loader of one page of child rows per parent key (nested
 * connections); one loader per distinct page arguments.
 */
export function childPages<T extends ObjectLiteral & { id: string }>(ctx: SubgraphContext, entity: EntityTarget<T>, spec: ChildListSpec<T>, args: PageArgs) {
  const repo = ctx.db.getRepository(entity);
  const name = `${repo.metadata.name}.by.${spec.parent}.${spec.where ?? ""}.${JSON.stringify(spec.parameters ?? {})}.${args.first ?? ""}.${args.after ?? ""}`;
  return ctx.loaders.get<string, ConnectionResult<T>>(name, async (keys) => {
    const pages = await childConnections(repo, spec, keys, args);
    return keys.map((k) => pages.get(k)!);
  });
}

/** Loads one row by key or fails with NOT_FOUND naming the type. */
export async function findOrFail<T extends ObjectLiteral>(
  ctx: SubgraphContext,
  entity: EntityTarget<T>,
  key: keyof T & string,
  value: string,
  typeName: string,
): Promise<T> {
  const row = await rowsByKey(ctx, entity, key).load(value);
  if (!row) throw new NotFoundError(typeName, value);
  return row;
}
