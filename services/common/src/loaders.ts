import DataLoader from "dataloader";
import { In, type EntityTarget, type ObjectLiteral } from "typeorm";
import type { SubgraphContext } from "./subgraph";
import { NotFoundError } from "./errors";
import { childConnections, type ChildListSpec, type ConnectionResult, type PageArgs } from "./pagination";

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

/**
 * The request's loader of `entity` rows by a unique column — the way every
 * reference resolver and every to-one field resolves, so a list of N
 * references costs one `IN (...)` statement.
 */
export function rowsByKey<T extends ObjectLiteral>(ctx: SubgraphContext, entity: EntityTarget<T>, key: keyof T & string) {
  const repo = ctx.db.getRepository(entity);
  return ctx.loaders.get<string, T | null>(`${repo.metadata.name}.${key}`, async (keys) => {
    const rows = await repo.findBy({ [key]: In([...keys]) } as never);
    return alignOne(keys, rows, (row) => row[key] as string);
  });
}

/**
 * The request's loader of one page of child rows per parent key (nested
 * connections); one loader per distinct page arguments.
 */
export function childPages<T extends ObjectLiteral & { id: string }>(
  ctx: SubgraphContext,
  entity: EntityTarget<T>,
  spec: ChildListSpec<T>,
  args: PageArgs,
) {
  const repo = ctx.db.getRepository(entity);
  const name = `${repo.metadata.name}.by.${spec.parent}.${spec.where ?? ""}.${JSON.stringify(spec.parameters ?? {})}.${args.first ?? ""}.${args.after ?? ""}`;
  return ctx.loaders.get<string, ConnectionResult<T>>(name, async (keys) => {
    const pages = await childConnections(repo, spec, keys, args);
    return keys.map((k) => pages.get(k)!);
  });
}

/** Loads one row by key or fails with NOT_FOUND naming the type. */
export async function findOrFail<T extends ObjectLiteral>(ctx: SubgraphContext, entity: EntityTarget<T>, key: keyof T & string, value: string, typeName: string): Promise<T> {
  const row = await rowsByKey(ctx, entity, key).load(value);
  if (!row) throw new NotFoundError(typeName, value);
  return row;
}
