import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { DataSource, EntitySubscriberInterface } from "typeorm";
import { parseConfig, type PageCache, type SubgraphContext } from "@sstc/subgraph-kit";
import type { StatisticsBucket, StatisticsScope } from "./statistics.types";

/*
 * Figures of the dashboard statistics are cached per process, keyed by the
 * version of the data they were counted from (the row `statistics` of
 * `data_versions`, which triggers bump on every write to a table statistics
 * read: migration DataVersions) and by what was asked: the figure and its
 * scope, drafts included or not. A request reads the version once, before
 * counting anything, and stores what it counts under that version: a write
 * that commits meanwhile makes the version newer, so what was counted before
 * it is never served after it (a figure counted after it under the older
 * version is merely newer than its key). Every replica sees the same
 * version, so none serves a figure another replica's write changed.
 *
 * SQLite's one connection lets a read see a write transaction still open;
 * should that transaction roll back, the version it bumped is reused by the
 * next write. A rollback therefore starts a new generation of keys, which
 * no figure counted before it is found under.
 */

/** STATISTICS_CACHE_SIZE: how many buckets (a total counts as one) are cached per process; 0 turns the cache off. */
export const statisticsCacheConfig = parseConfig(
  z.object({ STATISTICS_CACHE_SIZE: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).default(100_000)) }),
  process.env,
);

/** A statistics figure, or one record of per-key figures (a country's or an institution's cooperation statistics). */
type Figure = StatisticsBucket[] | number | object;

class StatisticsCache {
  /** Bumped by every rollback on this data source. */
  generation = 0;
  readonly figures: LRUCache<string, Figure, () => Promise<Figure>>;

  constructor(size: number) {
    this.figures = new LRUCache({
      maxSize: size,
      // A bucket or an id counts one (a kept page of the programme or edition lists, as many as its ids).
      sizeCalculation: (figure) => {
        if (Array.isArray(figure)) return figure.length + 1;
        const ids = typeof figure === "object" ? (figure as { ids?: unknown }).ids : undefined;
        return Array.isArray(ids) ? ids.length + 1 : 1;
      },
      // Requests asking for the same figure at once share one count.
      fetchMethod: (_key, _stale, { context }) => context(),
      // A figure evicted while being counted is still handed to those who asked for it.
      ignoreFetchAbort: true,
    });
  }
}

/** One cache per data source: each database has its own versions. */
const caches = new WeakMap<DataSource, StatisticsCache>();

function cacheOf(db: DataSource): StatisticsCache | null {
  if (statisticsCacheConfig.STATISTICS_CACHE_SIZE === 0) return null;
  let cache = caches.get(db);
  if (!cache) {
    const created = new StatisticsCache(statisticsCacheConfig.STATISTICS_CACHE_SIZE);
    const onRollback: EntitySubscriberInterface = {
      afterTransactionRollback: () => {
        created.generation++;
      },
    };
    db.subscribers.push(onRollback);
    caches.set(db, (cache = created));
  }
  return cache;
}

/**
 * The generation and data version this request counts under, read once per
 * request (and again after a write in it, which clears its loaders); null
 * when the version row is missing, so nothing is cached.
 */
function requestVersion(ctx: SubgraphContext, cache: StatisticsCache): Promise<string | null> {
  return ctx.loaders
    .get<string, string | null>("data_versions", async (names) => {
      // The generation is taken before the version, so a rollback after this point is never missed.
      const generation = cache.generation;
      const rows: Array<{ name: string; version: string | number }> = await ctx.db
        .createQueryBuilder()
        .select("d.name", "name")
        .addSelect("d.version", "version")
        .from("data_versions", "d")
        .where("d.name IN (:...names)", { names: [...names] })
        .getRawMany();
      const versions = new Map(rows.map((r) => [r.name, `${generation}:${r.version}`]));
      return names.map((name) => versions.get(name) ?? null);
    })
    .load("statistics");
}

/** The figure `name` for `scope`: from the cache when counted since the last write, else counted by `count` and cached. */
export async function cachedFigure<T extends Figure>(ctx: SubgraphContext, name: string, scope: StatisticsScope, count: () => Promise<T>): Promise<T> {
  const cache = cacheOf(ctx.db);
  if (!cache) return count();
  const version = await requestVersion(ctx, cache);
  if (version === null) return count();
  const roles = scope.participationRoles && [...scope.participationRoles].sort();
  const key = JSON.stringify([version, name, { ...scope, participationRoles: roles }]);
  return (await cache.figures.fetch(key, { context: count })) as T;
}

/**
 * Per-key figures counted in batches (the cooperation statistics of the
 * countries or institutions one request asks for): those counted since the
 * last write come from the cache, the rest are counted together by `count`
 * (which answers in the order of the keys it is given) and cached, each
 * under the version read before counting. `variant` names what else decides
 * the figures (whether drafts count).
 */
export async function cachedBatch<V extends object>(
  ctx: SubgraphContext,
  name: string,
  variant: string,
  keys: readonly string[],
  count: (missing: string[]) => Promise<V[]>,
): Promise<V[]> {
  const cache = cacheOf(ctx.db);
  const version = cache && (await requestVersion(ctx, cache));
  if (!cache || version === null) return count([...keys]);
  const cacheKey = (key: string) => JSON.stringify([version, name, variant, key]);
  const found = keys.map((key) => cache.figures.get(cacheKey(key)) as V | undefined);
  const missing = keys.filter((_key, i) => found[i] === undefined);
  if (missing.length) {
    const counted = await count(missing);
    missing.forEach((key, i) => cache.figures.set(cacheKey(key), counted[i]));
    const byKey = new Map(missing.map((key, i) => [key, counted[i]]));
    return keys.map((key, i) => found[i] ?? byKey.get(key)!);
  }
  return found as V[];
}

/**
 * The same cache for the programme and edition lists (`paginate`): their
 * pages and counts read only the tables the data version covers
 * (programmes, SDG targets, editions, participations), and everything else
 * that decides them — the filter, the order, the cursor, drafts or not —
 * is in the SQL text and parameters that key them. A list asked again with
 * no write in between costs one statement by primary key instead of a
 * filtered, sorted scan and a COUNT over every match. Undefined when the
 * cache is off or the version row is missing.
 */
export async function versionedPageCache(ctx: SubgraphContext): Promise<PageCache | undefined> {
  const cache = cacheOf(ctx.db);
  const version = cache && (await requestVersion(ctx, cache));
  if (!cache || version === null) return undefined;
  return {
    fetch: async <V extends object>(key: string, compute: () => Promise<V>) =>
      (await cache.figures.fetch(JSON.stringify([version, "list", key]), { context: compute })) as V,
  };
}
