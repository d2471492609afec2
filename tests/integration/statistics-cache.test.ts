import { randomUUID } from "node:crypto";
import { newId } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { as, createProgram, startTestGraph, type TestGraph } from "../support/graph";

/*
 * The statistics cache (services/programs/src/modules/statistics/
 * statistics.cache.ts): a dashboard asked again with no write in between
 * costs no statistics statement, and after any write — through the API or
 * plain SQL, which only the triggers of data_versions see — and while
 * writers and readers race, the figures equal the rows counted directly.
 */
jest.setTimeout(180_000);

let graph: TestGraph;
let admin: Record<string, string>;
const EDITION = DemoIds.edition.tpbisColomboPlan2023;

beforeAll(async () => {
  // The subgraph's statistics cache is under test: the gateway's response cache is off, so every read reaches the subgraph.
  graph = await startTestGraph({
    gatewayEnv: { RATE_LIMIT_EDITOR: "100000", RATE_LIMIT_ADMIN: "100000", RATE_LIMIT_PUBLIC: "100000", RESPONSE_CACHE_MB: "0" },
  });
  admin = await as("admin", { subject: "admin@statistics-cache" });
});
afterAll(() => graph?.stop());

const DASHBOARD = `{ statistics {
  programCount editionCount participationCount personCount placeholderParticipationCount
  participantsByCountry { key count } participantsByGender { key count } participantsByRole { key count } participantsByYear { key count }
  peopleByCountry { key count } peopleByGender { key count } participantsByInstitution { key count }
  editionsByYear { key count } editionsByModality { key count } editionsBySdgGoal { key count } editionsByHostCountry { key count }
  programsByYear { key count } programsByModality { key count } programsBySdgGoal { key count }
} }`;

interface Figures {
  editionCount: number;
  participationCount: number;
  participantsByCountry: Array<{ key: string; count: number }>;
}

async function dashboard(headers?: Record<string, string>): Promise<Figures> {
  const result = await graph.query(DASHBOARD, undefined, headers);
  expect(result.errors).toBeUndefined();
  return result.data!.statistics;
}

/** The same figures counted from the rows: live participations and editions of live programmes, drafts only when `drafts`. */
async function direct(drafts: boolean): Promise<Figures> {
  const db = graph.subgraphs.programs.db;
  const published = drafts ? "" : "AND e.published = 1 AND p.published = 1";
  const editions = `editions e JOIN programs p ON p.id = e.programId AND p.deletedAt IS NULL WHERE e.deletedAt IS NULL ${published}`;
  const participations = `participations pa JOIN ${editions} AND pa.deletedAt IS NULL AND pa.editionId = e.id`;
  const [{ n: editionCount }] = await db.query(`SELECT COUNT(*) AS n FROM ${editions}`);
  const [{ n: participationCount }] = await db.query(`SELECT COUNT(*) AS n FROM ${participations}`);
  const byCountry: Array<{ k: string; n: number }> = await db.query(
    `SELECT pa.countryCode AS k, COUNT(*) AS n FROM ${participations} GROUP BY pa.countryCode ORDER BY k`,
  );
  return {
    editionCount: Number(editionCount),
    participationCount: Number(participationCount),
    participantsByCountry: byCountry.map((r) => ({ key: r.k, count: Number(r.n) })),
  };
}

/** The public's and an admin's figures equal the rows. */
async function expectExact() {
  expect(await dashboard()).toMatchObject(await direct(false));
  expect(await dashboard(admin)).toMatchObject(await direct(true));
}

async function createPerson() {
  const r = await graph.query(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    { input: { fullName: `Cache ${randomUUID().slice(0, 8)}`, institutionId: DemoIds.institution.perpusnas } },
    admin,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createPerson.id as string;
}

const REGISTER = `mutation($e: ID!, $input: ParticipationInput!) { registerParticipation(editionId: $e, input: $input) { id version } }`;
const participant = (personId: string, countryCode = "NP") => ({ personId, role: "PARTICIPANT", countryCode, gender: "FEMALE" });

async function register(countryCode = "NP") {
  const r = await graph.query(REGISTER, { e: EDITION, input: participant(await createPerson(), countryCode) }, admin);
  expect(r.errors).toBeUndefined();
  return r.data!.registerParticipation as { id: string; version: number };
}

/** Runs `fn` and returns how many SQL statements the programs subgraph sent meanwhile. */
async function statements(fn: () => Promise<unknown>) {
  const counter = graph.subgraphs.programs.queries;
  const before = counter.count;
  await fn();
  return counter.count - before;
}

describe("statistics cache", () => {
  it("answers a dashboard asked again with no write in between without counting: one statement, the data version", async () => {
    const cold = await statements(() => dashboard());
    expect(cold).toBeGreaterThan(19);
    expect(await statements(() => dashboard())).toBe(1);
    // Drafts are another scope: an admin's first dashboard is counted, not the public's reused.
    expect(await statements(() => dashboard(admin))).toBe(cold);
    expect(await statements(() => dashboard(admin))).toBe(1);
  });

  it("counts anew after a participation is registered, an edition unpublished and published, and a participation deleted", async () => {
    await expectExact();
    const before = await dashboard();
    const added = await register("NP");
    expect((await dashboard()).participationCount).toBe(before.participationCount + 1);
    await expectExact();

    const edition = await graph.query(`query($id: ID!) { edition(id: $id) { version } }`, { id: EDITION }, admin);
    const UPDATE = `mutation($id: ID!, $version: Int!, $published: Boolean) { updateEdition(id: $id, version: $version, input: { published: $published }) { version } }`;
    const unpublished = await graph.query(UPDATE, { id: EDITION, version: edition.data!.edition.version, published: false }, admin);
    expect(unpublished.errors).toBeUndefined();
    expect((await dashboard()).editionCount).toBe(before.editionCount - 1);
    await expectExact();
    const republished = await graph.query(UPDATE, { id: EDITION, version: unpublished.data!.updateEdition.version, published: true }, admin);
    expect(republished.errors).toBeUndefined();
    expect((await dashboard()).editionCount).toBe(before.editionCount);
    await expectExact();

    const deleted = await graph.query(`mutation($id: ID!, $version: Int!) { deleteParticipation(id: $id, version: $version) }`, added, admin);
    expect(deleted.errors).toBeUndefined();
    expect(await dashboard()).toMatchObject(before);
    await expectExact();
  });

  it("counts anew after rows written by plain SQL, past the API", async () => {
    await expectExact();
    const before = await dashboard();
    const db = graph.subgraphs.programs.db;
    const columns = db.entityMetadatas.find((m) => m.tableName === "participations")!.columns.map((c) => c.databaseName);
    const [source] = await db.query(`SELECT id FROM participations WHERE editionId = ? AND deletedAt IS NULL AND countryCode <> 'KH'`, [EDITION]);
    const copied = columns.map((c) => (c === "id" || c === "personId" ? "?" : c === "countryCode" ? "'KH'" : db.driver.escape(c)));
    await db.query(
      `INSERT INTO participations (${columns.map((c) => db.driver.escape(c)).join(", ")}) SELECT ${copied.join(", ")} FROM participations WHERE id = ?`,
      [newId(), newId(), source.id],
    );
    const after = await dashboard();
    expect(after.participationCount).toBe(before.participationCount + 1);
    expect(after.participantsByCountry).toContainEqual({ key: "KH", count: 1 });
    await expectExact();

    await db.query(`UPDATE participations SET countryCode = 'KE' WHERE countryCode = 'KH'`);
    expect((await dashboard()).participantsByCountry).toContainEqual({ key: "KE", count: 1 });
    await db.query(`DELETE FROM participations WHERE countryCode = 'KE'`);
    expect(await dashboard()).toMatchObject(before);
    await expectExact();
  });

  it("caches a country's and an institution's cooperation statistics the same way, and counts anew after a write", async () => {
    const COOPERATION = `query($id: ID!) {
      country(code: "NP") { cooperationStats { participations participantsSent editionsAttended } }
      institution(id: $id) { cooperationStats { participations participantsSent editionsHosted } }
    }`;
    const stats = async (headers?: Record<string, string>) => {
      const result = await graph.query(COOPERATION, { id: DemoIds.institution.perpusnas }, headers);
      expect(result.errors).toBeUndefined();
      return result.data as { country: { cooperationStats: Record<string, number> }; institution: { cooperationStats: Record<string, number> } };
    };
    let before!: Awaited<ReturnType<typeof stats>>;
    const cold = await statements(async () => (before = await stats()));
    const warm = await statements(() => stats());
    // Asked again: only the data version, read once per subgraph request; the five GROUP BYs (country 2, institution 3) are not sent.
    expect(warm).toBeLessThanOrEqual(2);
    expect(cold - warm).toBe(5);
    // Drafts are another scope: an admin's figures are counted, not the public's reused.
    expect(await statements(() => stats(admin))).toBe(cold);

    const r = await graph.query(
      REGISTER,
      { e: EDITION, input: { ...participant(await createPerson(), "NP"), institutionId: DemoIds.institution.perpusnas } },
      admin,
    );
    expect(r.errors).toBeUndefined();
    const after = await stats();
    expect(after.country.cooperationStats.participations).toBe(before.country.cooperationStats.participations + 1);
    expect(after.institution.cooperationStats.participations).toBe(before.institution.cooperationStats.participations + 1);

    // Past the API: only the triggers see it.
    await graph.subgraphs.programs.db.query(`DELETE FROM participations WHERE id = ?`, [r.data!.registerParticipation.id]);
    expect(await stats()).toEqual(before);
  });

  it("equals the rows after writers and readers raced", async () => {
    const people = await Promise.all(Array.from({ length: 24 }, () => createPerson()));
    const seen: Figures[] = [];
    const writers = people.map(async (personId, i) => {
      if (i % 6 === 5) {
        // All or nothing: the second registration of the same person is refused and the first rolled back.
        const r = await graph.query(
          `mutation($e: ID!, $people: [ParticipationInput!]!) { registerParticipations(editionId: $e, participations: $people) { id } }`,
          { e: EDITION, people: [participant(personId, "BT"), participant(personId, "BT")] },
          admin,
        );
        expect(r.errors?.[0]?.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
        return;
      }
      const r = await graph.query(REGISTER, { e: EDITION, input: participant(personId, "BT") }, admin);
      expect(r.errors).toBeUndefined();
    });
    const readers = Array.from({ length: 16 }, async (_, i) => seen.push(await dashboard(i % 2 ? admin : undefined)));
    await Promise.all([...writers, ...readers]);
    expect(seen).toHaveLength(16);
    const exact = await direct(false);
    expect(exact.participantsByCountry).toContainEqual({ key: "BT", count: 20 });
    await expectExact();
  });
});

describe("list cache", () => {
  const COUNTRY_LIST = `query($c: String!) {
    programs(first: 5, filter: { countryCode: $c, countryInvolvement: PARTICIPATING }, orderBy: { field: START_DATE, direction: DESC }) {
      totalCount pageInfo { hasNextPage endCursor } nodes { code title }
    }
    editions(first: 5, filter: { countryCode: $c, countryInvolvement: PARTICIPATING }) { totalCount nodes { id } }
  }`;
  type Lists = { programs: { totalCount: number; nodes: Array<{ code: string }> }; editions: { totalCount: number; nodes: Array<{ id: string }> } };
  const lists = async (country: string, headers?: Record<string, string>) => {
    const r = await graph.query<Lists>(COUNTRY_LIST, { c: country }, headers);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };

  it("answers a list asked again with no write in between by primary key: no filtered scan, no COUNT", async () => {
    const cold = await statements(() => lists("LK"));
    expect(cold).toBeGreaterThanOrEqual(5);
    const first = await lists("LK");
    // The data version, then each list's rows by id.
    expect(await statements(() => lists("LK"))).toBe(3);
    expect(await lists("LK")).toEqual(first);
    // An admin's lists (drafts count) are other SQL, so other entries.
    expect(await statements(() => lists("LK", admin))).toBeGreaterThan(3);
  });

  it("lists and counts anew after a write through the API and one in plain SQL", async () => {
    const NONE = { programs: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] }, editions: { totalCount: 0, nodes: [] } };
    // A Colombo Plan country nobody from which has taken part yet.
    let country = "";
    for (const c of ["SA", "MN", "FJ", "IR", "JP", "KR", "US", "AU", "NZ"]) if ((await lists(c)).programs.totalCount === 0) country ||= c;
    expect(await lists(country)).toEqual(NONE);
    const added = await register(country);
    const after = await lists(country);
    expect(after.programs.totalCount).toBe(1);
    expect(after.programs.nodes.map((n) => n.code)).toEqual(["TPBIS-CP"]);
    expect(after.editions.nodes.map((n) => n.id)).toEqual([EDITION]);
    // Past the API: only the triggers see it.
    await graph.subgraphs.programs.db.query(`DELETE FROM participations WHERE id = ?`, [added.id]);
    expect(await lists(country)).toEqual(NONE);
  });

  it("equals the rows after writers and readers raced", async () => {
    const SEARCH = `{ programs(first: 50, filter: { search: "Listcache" }) { totalCount nodes { code } } }`;
    const seen: number[] = [];
    const writers = Array.from({ length: 12 }, (_, i) => createProgram(graph, admin, { code: `LISTCACHE-${i}`, titleEn: `Listcache programme ${i}` }));
    const readers = Array.from({ length: 12 }, async () => {
      const r = await graph.query<{ programs: { totalCount: number } }>(SEARCH);
      seen.push(r.data!.programs.totalCount);
    });
    await Promise.all([...writers, ...readers]);
    expect(seen).toHaveLength(12);
    const r = await graph.query<{ programs: { totalCount: number; nodes: Array<{ code: string }> } }>(SEARCH);
    expect(r.data!.programs.totalCount).toBe(12);
    expect(r.data!.programs.nodes.map((n) => n.code).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `LISTCACHE-${i}`).sort());
  });
});
