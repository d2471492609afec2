import { Column, Entity, PrimaryColumn, type DataSource } from "typeorm";
import {
  BadUserInputError,
  childConnections,
  createDataSource,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  pageSize,
  paginate,
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
} from "@sstc/subgraph-kit";
import { createTestDatabase, type TestDatabase } from "@sstc/testkit";

/*
 * Keyset and child-list paging against a real table on the database under
 * test (SQLite, or MariaDB when TEST_DATABASE_URL is set). Names are
 * lower-case ASCII and ids lower-case hex so both databases order them alike.
 */

@Entity("page_items")
class PageItem {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36 })
  groupId: string;

  @Column("varchar", { length: 100 })
  name: string;

  @Column("varchar", { length: 100, nullable: true })
  nickname: string | null;

  @Column("int")
  rank: number;
}

let database: TestDatabase;
let db: DataSource;

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/** Rows of one group; every test reads only its own group, so tests are independent of each other and of order. */
const items = (groupId: string, rows: Array<[n: number, name: string, rank: number, nickname?: string]>): PageItem[] =>
  rows.map(([n, name, rank, nickname]) => Object.assign(new PageItem(), { id: id(n), groupId, name, rank, nickname: nickname ?? null }));

const STRINGS = items("strings", [
  [5, "delta", 2],
  [1, "alpha", 3],
  [3, "bravo", 1],
  [2, "bravo", 3],
  [7, "echo", 2],
  [4, "charlie", 1],
  [6, "bravo", 2],
]);
/** (name, id) ascending: ties on the name are broken by id. */
const BY_NAME = [id(1), id(2), id(3), id(6), id(4), id(5), id(7)];
/** (rank, id) ascending. */
const BY_RANK = [id(3), id(4), id(5), id(6), id(7), id(1), id(2)];

beforeAll(async () => {
  database = await createTestDatabase("paging");
  db = createDataSource({ url: database.env.DATABASE_URL, sqlitePath: database.env.SQLITE_PATH ?? ":memory:", entities: [PageItem], migrations: [] });
  await db.initialize();
  // A throwaway table for this file only: synchronising it is the point, not a migration shortcut.
  await db.synchronize();
  await db.getRepository(PageItem).insert(STRINGS);
});
afterAll(async () => {
  if (db?.isInitialized) await db.destroy();
  await database?.drop();
});

const query = (groupId: string) => db.getRepository(PageItem).createQueryBuilder("i").where("i.groupId = :groupId", { groupId });

/** Every page of a list, following endCursor, with the page states seen. */
async function walk(groupId: string, order: KeysetOrder<PageItem>, first: number) {
  const pages: Array<ConnectionResult<PageItem>> = [];
  let after: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await paginate(query(groupId), { first, after }, order);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor ?? undefined;
  }
  return { ids: pages.flatMap((p) => p.nodes.map((n) => n.id)), pages };
}

async function refusal(promise: Promise<unknown>): Promise<BadUserInputError> {
  try {
    await promise;
  } catch (error) {
    return error as BadUserInputError;
  }
  throw new Error("expected a refusal");
}

const cursorOf = (json: string) => Buffer.from(json, "utf8").toString("base64url");

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** The same bytes spelled another way (unused low bits set in the last character), which no encoder emits. */
function nonCanonical(cursor: string): string {
  const bytes = Buffer.from(cursor, "base64url");
  for (const c of BASE64URL) {
    const other = cursor.slice(0, -1) + c;
    if (other !== cursor && Buffer.from(other, "base64url").equals(bytes)) return other;
  }
  throw new Error(`${cursor} has no unused bits`);
}

describe("pageSize", () => {
  it("defaults to the default page size and accepts 1 to the maximum", () => {
    expect(pageSize({})).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize({ first: 1 })).toBe(1);
    expect(pageSize({ first: MAX_PAGE_SIZE })).toBe(MAX_PAGE_SIZE);
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses first = %p as BAD_USER_INPUT naming the argument", (first) => {
    let thrown: unknown;
    try {
      pageSize({ first });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadUserInputError);
    expect((thrown as BadUserInputError).extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first", maximum: MAX_PAGE_SIZE });
  });
});

describe("paginate (keyset)", () => {
  it("walks a string key ascending in pages, ties broken by id, with hasNextPage and endCursor", async () => {
    const { ids, pages } = await walk("strings", { property: "name" }, 3);
    expect(ids).toEqual(BY_NAME);
    expect(pages.map((p) => p.nodes.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      expect(page.edges.map((e) => e.node)).toEqual(page.nodes);
    }
    expect(await pages[1].totalCount).toBe(STRINGS.length);
  });

  it("walks the same key descending, the tie-breaker following the direction", async () => {
    const { ids } = await walk("strings", { property: "name", direction: "DESC" }, 2);
    expect(ids).toEqual([...BY_NAME].reverse());
  });

  it("walks an integer column in both directions", async () => {
    expect((await walk("strings", { property: "rank" }, 2)).ids).toEqual(BY_RANK);
    expect((await walk("strings", { property: "rank", direction: "DESC" }, 4)).ids).toEqual([...BY_RANK].reverse());
  });

  it("walks a computed key and carries it in the cursor", async () => {
    await db.getRepository(PageItem).insert(
      items("computed", [
        [0x101, "zulu", 1, "apple"],
        [0x102, "mike", 1],
        [0x103, "alpha", 1, "yankee"],
        [0x104, "kilo", 1],
      ]),
    );
    const order: KeysetOrder<PageItem> = { expression: "COALESCE(i.nickname, i.name)", name: "shownName" };
    const { ids, pages } = await walk("computed", order, 1);
    expect(ids).toEqual([id(0x101), id(0x104), id(0x102), id(0x103)]);
    expect(pages).toHaveLength(4);
    const [tag, key] = JSON.parse(Buffer.from(pages[1].pageInfo.endCursor!, "base64url").toString("utf8")) as [string, string];
    expect([tag, key]).toEqual(["shownName:ASC", "kilo"]);
  });

  it("reports one full page without a next page, and an empty list with null cursors", async () => {
    const full = await paginate(query("strings"), { first: STRINGS.length }, { property: "name" });
    expect(full.nodes).toHaveLength(STRINGS.length);
    expect(full.pageInfo.hasNextPage).toBe(false);

    const empty = await paginate(query("no-such-group"), {}, { property: "name" });
    expect(empty.nodes).toEqual([]);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(await empty.totalCount).toBe(0);
  });

  it("neither repeats nor skips a row when rows are inserted before the cursor between pages", async () => {
    const repo = db.getRepository(PageItem);
    await repo.insert(
      items("inserts", [
        [0x201, "bravo", 1],
        [0x202, "delta", 1],
        [0x203, "foxtrot", 1],
        [0x204, "hotel", 1],
      ]),
    );
    const first = await paginate(query("inserts"), { first: 2 }, { property: "name" });
    await repo.insert(
      items("inserts", [
        [0x205, "alpha", 1],
        [0x206, "charlie", 1],
      ]),
    );
    const second = await paginate(query("inserts"), { first: 10, after: first.pageInfo.endCursor! }, { property: "name" });
    expect(first.nodes.map((n) => n.name)).toEqual(["bravo", "delta"]);
    expect(second.nodes.map((n) => n.name)).toEqual(["foxtrot", "hotel"]);
  });

  it("encodes a cursor as unpadded base64url of JSON [order, key, id]", async () => {
    const page = await paginate(query("strings"), { first: 1 }, { property: "name" });
    const cursor = page.pageInfo.endCursor!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).toEqual(["name:ASC", "alpha", id(1)]);
  });

  const good = cursorOf(JSON.stringify(["name:ASC", "bravo", id(3)]));
  it("accepts its own cursor shape (the control for the refusals below)", async () => {
    const page = await paginate(query("strings"), { after: good }, { property: "name" });
    expect(page.nodes.map((n) => n.id)).toEqual(BY_NAME.slice(BY_NAME.indexOf(id(3)) + 1));
  });

  it.each<[string, string]>([
    ["empty", ""],
    ["characters outside base64url", "a b"],
    ["standard base64 with padding", `${good}==`],
    ["standard base64 alphabet", good.replace(/-/g, "+").replace(/_/g, "/") + "+/"],
    ["the right JSON spelled non-canonically", nonCanonical(good)],
    ["not JSON", cursorOf("not json")],
    ["a JSON object", cursorOf('{"key":"bravo","id":"x"}')],
    ["a JSON number (a child-list cursor)", cursorOf("2")],
    ["an empty array", cursorOf("[]")],
    ["two elements", cursorOf(JSON.stringify(["name:ASC", "bravo"]))],
    ["four elements", cursorOf(JSON.stringify(["name:ASC", "bravo", id(3), 1]))],
    ["another order's tag", cursorOf(JSON.stringify(["rank:ASC", "bravo", id(3)]))],
    ["the other direction's tag", cursorOf(JSON.stringify(["name:DESC", "bravo", id(3)]))],
    ["a number for a string key", cursorOf(JSON.stringify(["name:ASC", 7, id(3)]))],
    ["an empty key", cursorOf(JSON.stringify(["name:ASC", "", id(3)]))],
    ["a null key", cursorOf(JSON.stringify(["name:ASC", null, id(3)]))],
    ["a null id", cursorOf(JSON.stringify(["name:ASC", "bravo", null]))],
    ["a control character in the key", cursorOf(JSON.stringify(["name:ASC", "bra\u0001vo", id(3)]))],
    ["a lone surrogate in the key", cursorOf('["name:ASC","\\ud800",' + JSON.stringify(id(3)) + "]")],
    ["a control character in the JSON text", cursorOf('["name:ASC","bravo",\u0000' + JSON.stringify(id(3)) + "]")],
  ])("refuses a cursor that is %s as BAD_USER_INPUT on `after`", async (_what, after) => {
    const error = await refusal(paginate(query("strings"), { after }, { property: "name" }));
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
  });

  it("refuses a string key for an integer column, and a non-finite number", async () => {
    // JSON text of the key: a string, and a number too large for a double (it parses as Infinity).
    for (const key of ['"2"', "1e400"]) {
      const after = cursorOf(`["rank:ASC",${key},${JSON.stringify(id(3))}]`);
      const error = await refusal(paginate(query("strings"), { after }, { property: "rank" }));
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    }
    const accepted = await paginate(query("strings"), { after: cursorOf(JSON.stringify(["rank:ASC", 2, id(6)])) }, { property: "rank" });
    expect(accepted.nodes.map((n) => n.id)).toEqual(BY_RANK.slice(BY_RANK.indexOf(id(6)) + 1));
  });

  it("compares a hostile key as a value, never as SQL", async () => {
    const after = cursorOf(JSON.stringify(["name:ASC", "a' OR '1'='1", id(0)]));
    const page = await paginate(query("strings"), { after }, { property: "name" });
    // Compared as a value, "a' OR ..." sorts before every name and "zzz' OR ..." after them; spliced into the SQL it would break the query.
    expect(page.nodes.map((n) => n.id)).toEqual(BY_NAME);
    const beyond = await paginate(query("strings"), { after: cursorOf(JSON.stringify(["name:ASC", "zzz' OR '1'='1", id(0)])) }, { property: "name" });
    expect(beyond.nodes).toEqual([]);
  });
});

describe("childConnections (nested lists)", () => {
  const repo = () => db.getRepository(PageItem);
  const spec = { parent: "groupId" as const, orderBy: ["name" as const] };
  const parents = ["child-a", "child-b", "child-c"];

  beforeAll(async () => {
    await repo().insert([
      ...items("child-a", [
        [0x301, "echo", 1],
        [0x302, "alpha", 2],
        [0x303, "delta", 1],
        [0x304, "bravo", 2],
        [0x305, "charlie", 1],
      ]),
      ...items("child-b", [
        [0x311, "yankee", 1],
        [0x312, "xray", 1],
      ]),
    ]);
  });

  it("pages every parent at once, with totals and per-parent cursors", async () => {
    const pages = await childConnections(repo(), spec, parents, { first: 2 });
    const a = pages.get("child-a")!;
    expect(a.nodes.map((n) => n.name)).toEqual(["alpha", "bravo"]);
    expect(a.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(a.totalCount).toBe(5);
    const b = pages.get("child-b")!;
    expect(b.nodes.map((n) => n.name)).toEqual(["xray", "yankee"]);
    expect(b.pageInfo.hasNextPage).toBe(false);
    expect(b.totalCount).toBe(2);
    expect(pages.get("child-c")).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: 0,
    });
  });

  it("follows endCursor to the end of one parent's list", async () => {
    const seen: string[] = [];
    const states: boolean[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = (await childConnections(repo(), spec, ["child-a"], { first: 2, after })).get("child-a")!;
      seen.push(...page.nodes.map((n) => n.name));
      states.push(page.pageInfo.hasNextPage);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(["alpha", "bravo", "charlie", "delta", "echo"]);
    expect(states).toEqual([true, true, false]);
  });

  it("applies an extra filter with its parameters", async () => {
    const pages = await childConnections(repo(), { ...spec, where: "t.rank = :rank", parameters: { rank: 2 } }, ["child-a"], {});
    expect(pages.get("child-a")!.nodes.map((n) => n.name)).toEqual(["alpha", "bravo"]);
    expect(pages.get("child-a")!.totalCount).toBe(2);
  });

  it.each<[string, string]>([
    ["zero", cursorOf("0")],
    ["negative", cursorOf("-1")],
    ["fractional", cursorOf("1.5")],
    ["beyond safe integers", cursorOf("9007199254740993")],
    ["a string", cursorOf('"2"')],
    ["a keyset cursor", cursorOf(JSON.stringify(["name:ASC", "alpha", id(0x302)]))],
    ["not base64url", "2!"],
    ["a valid position spelled non-canonically", nonCanonical(cursorOf("2"))],
  ])("refuses a position that is %s", async (_what, after) => {
    const error = await refusal(childConnections(repo(), spec, ["child-a"], { after }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
  });

  it("refuses an out-of-range page size before querying", async () => {
    const args: PageArgs = { first: MAX_PAGE_SIZE + 1 };
    const error = await refusal(childConnections(repo(), spec, ["child-a"], args));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
  });
});
