import { DemoIds } from "@sstc/demo-data";
import { as, createProgram, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Programmes ordered by START_DATE: the planned start of their first live edition, kept in a column by triggers
 * on editions. Every way an edition changes — created, moved, deleted, written by plain SQL, and many at once —
 * must move its programme in the order, on SQLite and MariaDB.
 */

let graph: TestGraph;
let admin: Record<string, string>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // No response cache: a write in plain SQL is not seen by the gateway, and the order is read anonymously.
  graph = await startTestGraph({ gatewayEnv: { RATE_LIMIT_ADMIN: "100000", RESPONSE_CACHE_MB: "0" } });
  admin = await as("admin");
  for (const name of ["A", "B", "C", "D"])
    ids[name] = await createProgram(graph, admin, { code: `START-ORDER-${name}`, titleEn: `Startorder programme ${name}` });
});
afterAll(() => graph?.stop());

async function addEdition(program: string, start: string): Promise<{ id: string; version: number }> {
  const r = await graph.query(
    `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id version } }`,
    {
      input: {
        programId: ids[program],
        titleEn: `Edition of ${program} on ${start}`,
        plannedStartDate: start,
        plannedEndDate: start,
        venueCountryCode: "ID",
        hostInstitutionId: DemoIds.institution.perpusnas,
        invitedCountryCodes: ["LK"],
        status: "PIPELINE",
        published: true,
      },
    },
    admin,
  );
  expect(r.errors).toBeUndefined();
  return (r.data as { createEdition: { id: string; version: number } }).createEdition;
}

async function order(direction: "ASC" | "DESC"): Promise<string[]> {
  const r = await graph.query(
    `query($d: SortDirection!) { programs(first: 10, filter: { search: "Startorder" }, orderBy: { field: START_DATE, direction: $d }) { nodes { code } } }`,
    { d: direction },
  );
  expect(r.errors).toBeUndefined();
  return (r.data as { programs: { nodes: Array<{ code: string }> } }).programs.nodes.map((n) => n.code.replace("START-ORDER-", ""));
}

/** The column as the triggers keep it, beside the first start counted from the editions themselves. */
async function kept(): Promise<Array<{ kept: string | null; counted: string | null }>> {
  const rows: Array<{ kept: unknown; counted: unknown }> = await graph.subgraphs.programs.db.query(
    `SELECT p.firstEditionStart AS kept, (SELECT MIN(e.plannedStartDate) FROM editions e WHERE e.programId = p.id AND e.deletedAt IS NULL) AS counted FROM programs p ORDER BY p.id`,
  );
  const day = (v: unknown) => (v === null ? null : String(v instanceof Date ? v.toISOString() : v).slice(0, 10));
  return rows.map((r) => ({ kept: day(r.kept), counted: day(r.counted) }));
}

describe("START_DATE order", () => {
  it("follows editions as they are created, moved and deleted through the API; programmes without editions come last", async () => {
    await addEdition("A", "2030-05-01");
    const b = await addEdition("B", "2030-03-01");
    const asc = await order("ASC");
    expect(asc.slice(0, 2)).toEqual(["B", "A"]);
    expect(asc.slice(2).sort()).toEqual(["C", "D"]);
    const desc = await order("DESC");
    expect(desc.slice(0, 2)).toEqual(["A", "B"]);
    expect(desc.slice(2).sort()).toEqual(["C", "D"]);

    const earlier = await addEdition("A", "2030-01-01");
    expect((await order("ASC")).slice(0, 2)).toEqual(["A", "B"]);

    const deleted = await graph.query(`mutation { deleteEdition(id: "${earlier.id}", version: ${earlier.version}) }`, undefined, admin);
    expect(deleted.errors).toBeUndefined();
    expect((await order("ASC")).slice(0, 2)).toEqual(["B", "A"]);

    const moved = await graph.query(
      `mutation { updateEdition(id: "${b.id}", version: ${b.version}, input: { plannedStartDate: "2030-12-01", plannedEndDate: "2030-12-02" }) { id } }`,
      undefined,
      admin,
    );
    expect(moved.errors).toBeUndefined();
    expect((await order("ASC")).slice(0, 2)).toEqual(["A", "B"]);
    expect((await order("DESC")).slice(0, 2)).toEqual(["B", "A"]);
    for (const row of await kept()) expect(row.kept).toBe(row.counted);
  });

  it("follows a write made in plain SQL, past the API", async () => {
    const c = await addEdition("C", "2033-01-01");
    await graph.subgraphs.programs.db.query(`UPDATE editions SET plannedStartDate = '2001-01-01' WHERE id = '${c.id}'`);
    expect((await order("ASC"))[0]).toBe("C");
    for (const row of await kept()) expect(row.kept).toBe(row.counted);
  });

  it("stays equal to the editions' first start when many editions of one programme are written at once", async () => {
    const days = Array.from({ length: 24 }, (_, i) => `2031-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}`);
    const created = await Promise.all(days.map((day) => addEdition("D", day)));
    // Delete the earliest ones while others are still being created.
    const byDay = created.map((c, i) => ({ ...c, day: days[i] })).sort((x, y) => (x.day < y.day ? -1 : 1));
    await Promise.all([
      ...byDay.slice(0, 6).map((e) => graph.query(`mutation { deleteEdition(id: "${e.id}", version: ${e.version}) }`, undefined, admin)),
      ...["2031-12-30", "2032-01-02"].map((day) => addEdition("D", day)),
    ]);
    for (const row of await kept()) expect(row.kept).toBe(row.counted);
    const d = (await kept()).find((r) => r.counted === byDay[6].day);
    expect(d).toBeDefined();
  });

  it("loses no acknowledged write and stores no refused one when valid, invalid and conflicting writes race", async () => {
    const programId = await createProgram(graph, admin, { code: "START-ORDER-E", titleEn: "Startorder programme E" });
    ids.E = programId; // addEdition finds it here
    const first = await Promise.all(["2034-05-01", "2034-03-01", "2034-07-01", "2034-02-01", "2034-09-01", "2034-04-01"].map((day) => addEdition("E", day)));
    const create = (day: string, end: string, title: string) =>
      graph.query<{ createEdition: { id: string } }>(
        `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
        {
          input: {
            programId,
            titleEn: title,
            plannedStartDate: day,
            plannedEndDate: end,
            venueCountryCode: "ID",
            hostInstitutionId: DemoIds.institution.perpusnas,
            invitedCountryCodes: ["LK"],
            status: "PIPELINE",
            published: true,
          },
        },
        admin,
      );
    const earliest = [...first].sort((x, y) => (x.id < y.id ? -1 : 1)).slice(0, 3);
    const results = await Promise.all([
      // Each of three editions deleted twice at the same version: one delete is acknowledged, the other refused.
      ...earliest.flatMap((e) => [0, 1].map(() => graph.query(`mutation { deleteEdition(id: "${e.id}", version: ${e.version}) }`, undefined, admin))),
      // Refused: an end before the start, on days earlier than any edition.
      ...["2020-01-02", "2020-01-03", "2020-01-04"].map((day) => create(day, "2020-01-01", `Refused ${day}`)),
      ...["2034-01-15", "2034-08-15"].map((day) => create(day, day, `Accepted ${day}`)),
    ]);
    for (const r of results) expect(r.errors?.map((e) => e.extensions?.code) ?? []).not.toContain("INTERNAL_SERVER_ERROR");
    const deletes = results.slice(0, 6);
    for (let i = 0; i < 6; i += 2) expect([deletes[i], deletes[i + 1]].filter((r) => !r.errors).length).toBe(1);
    const refused = results.slice(6, 9);
    for (const r of refused) expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const accepted = results.slice(9).map((r) => (r.data as { createEdition: { id: string } }).createEdition.id);
    const live: Array<{ id: string; titleEn: string }> = await graph.subgraphs.programs.db.query(
      `SELECT id, titleEn FROM editions WHERE programId = '${programId}' AND deletedAt IS NULL`,
    );
    const deleted = new Set(earliest.map((e) => e.id));
    expect(live.map((e) => e.id).sort()).toEqual([...first.map((e) => e.id).filter((id) => !deleted.has(id)), ...accepted].sort());
    expect(live.some((e) => e.titleEn.startsWith("Refused"))).toBe(false);
    for (const row of await kept()) expect(row.kept).toBe(row.counted);
  });
});
