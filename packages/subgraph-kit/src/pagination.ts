import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { ObjectLiteral, Repository, SelectQueryBuilder } from "typeorm";
import { BadUserInputError } from "@sstc/service-kit";
import { isCleanText } from "./text";
import { whereIn } from "./where";

/** The hard ceiling on any page; larger requests are refused, not truncated. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  // The default is in the schema (`first: Int = 20`), so a client, and the gateway's cost analysis, read the page size a list really returns.
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return items after this cursor (an `endCursor` from a previous page)." })
  after?: string;
}

@Directive("@shareable")
@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "True when more items follow this page." })
  hasNextPage: boolean;

  @Field({ description: "True when items precede this page." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item on this page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item on this page; pass it as `after` for the next page." })
  endCursor: string | null;
}

export interface ConnectionResult<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type.
 * Usage: `@ObjectType() class ProgramConnection extends Connection(Program, "Program") {}`.
 */
export function Connection<T extends object>(node: ClassType<T>, name: string, options: { shareable?: boolean } = {}) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this item." })
    cursor: string;

    @Field(() => node, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType()
  abstract class ConnectionType implements ConnectionResult<T> {
    @Field(() => [Edge], { description: "The items on this page with their cursors." })
    edges: Edge[];

    @Field(() => [node], { description: "The items on this page." })
    nodes: T[];

    @Field(() => PageInfo, { description: "Paging state." })
    pageInfo: PageInfo;

    @Field(() => Int, { description: "Number of items in the whole list (all pages)." })
    totalCount: number;
  }
  // A type that several subgraphs define (e.g. the audit trail) must be marked shareable for composition.
  if (options.shareable) Directive("@shareable")(Edge);
  return ConnectionType;
}

/** Validates `first` and returns the page size. */
export function pageSize(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`"first" must be between 1 and ${MAX_PAGE_SIZE}; got ${first}.`, {
      argument: "first",
      maximum: MAX_PAGE_SIZE,
    });
  }
  return first;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

function badCursor(argument: string): never {
  throw new BadUserInputError(`"${argument}" is not a cursor from this list in this order.`, { argument });
}

/**
 * The JSON inside a cursor, or a refusal: only text that {@link encode}
 * could have produced is read (unpadded base64url of UTF-8 JSON), so a
 * mangled or hand-made cursor never reaches a query half-understood.
 */
function decode(cursor: string, argument: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) badCursor(argument);
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (Buffer.from(text, "utf8").toString("base64url") !== cursor || !isCleanText(text)) badCursor(argument);
  try {
    return JSON.parse(text);
  } catch {
    return badCursor(argument);
  }
}

/** The type a sort key has in a cursor: what the column or expression yields in JavaScript. */
export type KeyType = "string" | "number";

const NUMERIC_COLUMNS = new Set(["int", "integer", "tinyint", "smallint", "mediumint", "float", "double", "real"]);

/** True when a cursor's key or id has exactly the type the order yields, and is a value a row could hold. */
function isKeyOfType(value: unknown, type: KeyType): boolean {
  if (type === "number") return typeof value === "number" && Number.isFinite(value);
  return typeof value === "string" && value.length > 0 && value.length <= 10_000 && isCleanText(value);
}

export interface KeysetOrder<T> {
  /** The sort property: a NOT NULL column such as a code, name or ISO date. */
  property?: keyof T & string;
  /**
   * Or a NOT NULL SQL expression on the query's alias (a COALESCE, a
   * correlated subquery), for keys that are computed rather than stored.
   * Never built from user input: only parameters carry user values.
   */
  expression?: string;
  /** Names an `expression` order inside its cursors. */
  name?: string;
  /** ASC (default) or DESC; the tie-breaker follows the same direction. */
  direction?: "ASC" | "DESC";
  /** A unique property breaking ties; `id` unless the key is something else. */
  unique?: keyof T & string;
  /** The JavaScript type of the key; read from the column for a property, a string for an expression unless told. */
  keyType?: KeyType;
}

/**
 * Where `paginate` may keep what a page and a count resolved to: `fetch`
 * answers the value kept under `key`, or runs `compute` and keeps its
 * result. The caller decides when a kept value is still true (the programs
 * subgraph keys it by its data version, which every write bumps); the key
 * is the SQL text and parameters of the statement.
 */
export interface PageCache {
  fetch<V extends object>(key: string, compute: () => Promise<V>): Promise<V>;
}

/** A page as kept in a PageCache: the ids and sort keys of its rows, and whether more follow. */
interface KeptPage {
  ids: Array<string | number>;
  keys: unknown[];
  more: boolean;
}

/** The raw column that carries an expression sort key back with each row. */
const SORT_KEY = "keyset_sort_key";

/**
 * Keyset pagination of a top-level list, ordered by one key (a column or a
 * computed expression) in either direction and then by id, so the order is
 * total and stable under inserts. A cursor holds the order it came from,
 * the key and the id; a cursor of another order is refused rather than
 * silently misread. `totalCount` is a lazy getter: its COUNT query runs only
 * when a client selects it.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  order: KeysetOrder<T>,
  cache?: PageCache,
): Promise<ConnectionResult<T>> {
  const first = pageSize(args);
  const alias = qb.alias;
  const countQuery = qb.clone();
  const direction = order.direction ?? "ASC";
  const unique = order.unique ?? "id";
  const sort = order.expression ?? `${alias}.${order.property}`;
  const tag = `${order.property ?? order.name ?? "expression"}:${direction}`;
  if (args.after !== undefined && args.after !== null) {
    const cursor = decode(args.after, "after");
    const keyType = order.keyType ?? (order.property ? columnKeyType(qb, order.property) : "string");
    const idType = columnKeyType(qb, unique);
    if (!Array.isArray(cursor) || cursor.length !== 3 || cursor[0] !== tag || !isKeyOfType(cursor[1], keyType) || !isKeyOfType(cursor[2], idType)) {
      badCursor("after");
    }
    const [, value, id] = cursor as [string, string | number, string | number];
    const beyond = direction === "ASC" ? ">" : "<";
    qb.andWhere(`(${sort} ${beyond} :afterValue OR (${sort} = :afterValue AND ${alias}.${unique} ${beyond} :afterId))`, {
      afterValue: value,
      afterId: id,
    });
  }
  if (order.expression) {
    // A computed key is selected alongside the entity and read back from the raw row.
    qb.addSelect(order.expression, SORT_KEY)
      .orderBy(SORT_KEY, direction)
      .addOrderBy(`${alias}.${unique}`, direction)
      .limit(first + 1);
  } else {
    qb.orderBy(sort, direction)
      .addOrderBy(`${alias}.${unique}`, direction)
      .take(first + 1);
  }
  const read = async (): Promise<{ rows: T[]; keys: unknown[] }> => {
    if (order.expression) {
      const { raw, entities } = await qb.getRawAndEntities();
      const keys = new Map<unknown, unknown>(raw.map((r: Record<string, unknown>) => [String(r[`${alias}_${unique}`]), r[SORT_KEY]]));
      return { rows: entities, keys: entities.map((e) => keys.get(String(e[unique])) ?? null) };
    }
    const rows = await qb.getMany();
    return { rows, keys: rows.map((row) => row[order.property!] ?? null) };
  };
  let rows: T[];
  let keys: unknown[];
  let more: boolean;
  if (cache) {
    // Kept: the ids and keys of the page; on a later request its rows are read again by id (one statement by primary key).
    let fresh: T[] | undefined;
    const kept = await cache.fetch<KeptPage>(JSON.stringify(["page", ...qb.getQueryAndParameters()]), async () => {
      const found = await read();
      fresh = found.rows;
      return { ids: found.rows.map((row) => row[unique]), keys: found.keys, more: found.rows.length > first };
    });
    keys = kept.keys;
    more = kept.more;
    if (fresh) rows = fresh;
    else {
      const byId = new Map(
        (kept.ids.length ? await qb.connection.getRepository<T>(qb.expressionMap.mainAlias!.target).findBy(whereIn<T>(unique, kept.ids.map(String))) : []).map(
          (row) => [String(row[unique]), row],
        ),
      );
      // A row deleted since the page was kept is left out (its write has made the kept page stale for every later request).
      rows = kept.ids.map((id) => byId.get(String(id))).filter((row): row is T => row !== undefined);
      keys = kept.ids.flatMap((id, i) => (byId.has(String(id)) ? [kept.keys[i]] : []));
    }
  } else {
    ({ rows, keys } = await read());
    more = rows.length > first;
  }
  const page = rows.slice(0, first);
  const keyAt = new Map(page.map((node, i) => [String(node[unique]), keys[i]]));
  const keyOf = (node: T) => keyAt.get(String(node[unique])) ?? null;
  const edges = page.map((node) => ({ node, cursor: encode([tag, keyOf(node), node[unique]]) }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: more,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      const count = () => countQuery.getCount();
      return (total ??= cache
        ? cache.fetch(JSON.stringify(["count", ...countQuery.getQueryAndParameters()]), async () => ({ count: await count() })).then((kept) => kept.count)
        : count());
    },
  };
}

/** The key type a column yields, from the entity's metadata (numbers for integer and float columns). */
function columnKeyType<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, property: string): KeyType {
  const column = qb.expressionMap.mainAlias?.metadata.findColumnWithPropertyName(property);
  return column && typeof column.type === "string" && NUMERIC_COLUMNS.has(column.type) ? "number" : "string";
}

export interface ChildListSpec<T> {
  /** The property holding the parent's key (e.g. `editionId`). */
  parent: keyof T & string;
  /** Sort properties, ascending; `id` is always appended as the tie-breaker. */
  orderBy: Array<keyof T & string>;
  /** Extra filter on the child rows, in query-builder syntax on alias `t`. */
  where?: string;
  parameters?: Record<string, unknown>;
}

/**
 * Pages of child rows for many parents at once — the batch function behind
 * nested connections such as `Edition.participations`. Two statements
 * whatever the number of parents: one window-function query picks each
 * parent's page and total, one loads those rows. Cursors here are positions
 * within the parent's list.
 */
export async function childConnections<T extends ObjectLiteral & { id: string }>(
  repo: Repository<T>,
  spec: ChildListSpec<T>,
  parentKeys: readonly string[],
  args: PageArgs,
): Promise<Map<string, ConnectionResult<T>>> {
  const first = pageSize(args);
  let skip = 0;
  if (args.after !== undefined && args.after !== null) {
    const cursor = decode(args.after, "after");
    if (typeof cursor !== "number" || !Number.isSafeInteger(cursor) || cursor < 1) badCursor("after");
    skip = cursor as number;
  }
  const order = [...spec.orderBy.map((p) => `t.${p}`), "t.id"].join(", ");
  const inner = repo
    .createQueryBuilder("t")
    .select("t.id", "id")
    .addSelect(`t.${spec.parent}`, "parent")
    .addSelect(`ROW_NUMBER() OVER (PARTITION BY t.${spec.parent} ORDER BY ${order})`, "rn")
    .addSelect(`COUNT(*) OVER (PARTITION BY t.${spec.parent})`, "total")
    .where(`t.${spec.parent} IN (:...parentKeys)`, { parentKeys: [...new Set(parentKeys)] });
  if (spec.where) inner.andWhere(spec.where, spec.parameters);
  const [innerSql, innerParams] = inner.getQueryAndParameters();
  const driver = repo.manager.connection.driver;
  const picked: Array<{ id: string; parent: string; rn: number | string; total: number | string }> = await repo.manager.query(
    `SELECT ${["id", "parent", "rn", "total"].map((c) => driver.escape(c)).join(", ")} FROM (${innerSql}) ${driver.escape("x")} WHERE ${driver.escape("rn")} > ? AND ${driver.escape("rn")} <= ?`,
    [...innerParams, skip, skip + first + 1],
  );
  const ids = picked.filter((p) => Number(p.rn) <= skip + first).map((p) => p.id);
  const rows = ids.length ? await repo.findBy(whereIn<T>("id", ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result = new Map<string, ConnectionResult<T>>();
  const totals = new Map<string, number>();
  const pages = new Map<string, Array<{ node: T; rn: number }>>();
  const more = new Set<string>();
  for (const p of picked) {
    totals.set(String(p.parent), Number(p.total));
    const rn = Number(p.rn);
    if (rn > skip + first) {
      more.add(String(p.parent));
      continue;
    }
    const node = byId.get(p.id);
    if (!node) continue;
    const list = pages.get(String(p.parent)) ?? [];
    list.push({ node, rn });
    pages.set(String(p.parent), list);
  }
  for (const key of parentKeys) {
    const page = (pages.get(key) ?? []).sort((a, b) => a.rn - b.rn);
    const edges = page.map(({ node, rn }) => ({ node, cursor: encode(rn) }));
    result.set(key, {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: {
        hasNextPage: more.has(key),
        hasPreviousPage: skip > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: totals.get(key) ?? 0,
    });
  }
  return result;
}
