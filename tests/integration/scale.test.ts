import { servicePrincipal } from "@sstc/subgraph-kit";
import { caller, principal, startSubgraphs, type RunningSubgraphs } from "@sstc/testkit";
import { institutionsSubgraph } from "@sstc/institutions";
import { programsSubgraph } from "@sstc/programs";
import { scaleUp, type ScaledData } from "../support/scale";

/*
 * The programs and institutions subgraphs over 20,000 added participations
 * (support/scale.ts): statistics equal the counts of the rows themselves,
 * and list operations cost the same SQL statements for 10 items as for
 * 100. Timings are measured by hand (support/measure-scale.ts), never here.
 */
jest.setTimeout(120_000);

let set: RunningSubgraphs<"programs" | "institutions">;
let data: ScaledData;
let before: Statistics;

interface Bucket {
  key: string;
  count: number;
}
interface Statistics {
  participationCount: number;
  personCount: number;
  participantsByCountry: Bucket[];
  participantsByRole: Bucket[];
  participantsByGender: Bucket[];
  participantsByYear: Bucket[];
  peopleByCountry: Bucket[];
}

const STATISTICS = `{ statistics {
  participationCount personCount
  participantsByCountry { key count } participantsByRole { key count } participantsByGender { key count } participantsByYear { key count }
  peopleByCountry { key count }
} }`;

const asAdmin = () => caller(set.subgraphs.programs, servicePrincipal("scale-test"));
const asPublic = () => caller(set.subgraphs.programs, principal("public"));

async function statistics(call = asPublic()): Promise<Statistics> {
  const result = await call<{ statistics: Statistics }>(STATISTICS);
  expect(result.errors).toBeUndefined();
  return result.data!.statistics;
}

/** Adds the counts of `keys` to `buckets`, as a breakdown would count them. */
function plus(buckets: Bucket[], keys: string[]): Bucket[] {
  const counts = new Map(buckets.map((b) => [b.key, b.count]));
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The participations a public caller counts: those of published editions of published programmes. */
function publicParticipations() {
  const programs = new Set(data.programs.filter((p) => p.published).map((p) => p.id));
  const editions = new Map(data.editions.filter((e) => e.published && programs.has(e.programId)).map((e) => [e.id, e]));
  return data.participations.filter((p) => editions.has(p.editionId)).map((p) => ({ ...p, year: editions.get(p.editionId)!.plannedStartDate.slice(0, 4) }));
}

beforeAll(async () => {
  set = await startSubgraphs({ programs: programsSubgraph, institutions: institutionsSubgraph });
  before = await statistics();
  data = await scaleUp(set.subgraphs, { institutions: 2000, programs: 200, editions: 1000, participations: 20_000 });
});
afterAll(() => set?.stop());

/** Runs `fn` and returns how many SQL statements the programs subgraph sent meanwhile. */
async function statements(fn: () => Promise<unknown>): Promise<number> {
  const counter = set.subgraphs.programs.queries;
  const start = counter.count;
  await fn();
  return counter.count - start;
}

describe("statistics over 20,000 added participations", () => {
  it("equal the counts of the rows added, for the public (drafts left out)", async () => {
    const counted = publicParticipations();
    expect(counted.length).toBeGreaterThan(15_000);
    const after = await statistics();
    expect(after.participationCount).toBe(before.participationCount + counted.length);
    expect(after.participantsByCountry).toEqual(
      plus(
        before.participantsByCountry,
        counted.map((p) => p.countryCode),
      ),
    );
    expect(after.participantsByRole).toEqual(
      plus(
        before.participantsByRole,
        counted.map((p) => p.role),
      ),
    );
    expect(after.participantsByGender).toEqual(
      plus(
        before.participantsByGender,
        counted.map((p) => p.gender ?? "NOT_RECORDED"),
      ),
    );
    expect(after.participantsByYear).toEqual(
      plus(
        before.participantsByYear,
        counted.map((p) => p.year),
      ),
    );
    // The people added are new: each counts once overall and once per country they represented.
    expect(after.personCount).toBe(before.personCount + new Set(counted.map((p) => p.personId)).size);
    expect(after.peopleByCountry).toEqual(
      plus(
        before.peopleByCountry,
        [...new Set(counted.map((p) => `${p.countryCode} ${p.personId}`))].map((k) => k.slice(0, 2)),
      ),
    );
  });

  it("count drafts for a service caller, cost one statement per figure asked for (and one for the data version), and none asked again", async () => {
    let after: Statistics | undefined;
    const sent = await statements(async () => (after = await statistics(asAdmin())));
    expect(after!.participationCount).toBeGreaterThanOrEqual(before.participationCount + data.participations.length);
    expect(sent).toBe(8);
    expect(await statements(async () => expect(await statistics(asAdmin())).toEqual(after))).toBe(1);
  });
});

describe("list operations cost the same statements for 10 and for 100 items", () => {
  const cost = async (query: string, first: number, count: (data: any) => number) => {
    // Each measurement counts its statistics afresh: a newer data version leaves nothing cached to reuse.
    await set.subgraphs.programs.db.query(`UPDATE data_versions SET version = version + 1 WHERE name = 'statistics'`);
    let result: any;
    const sent = await statements(async () => (result = await asAdmin()(query, { first })));
    expect(result.errors).toBeUndefined();
    expect(count(result.data)).toBe(first);
    return sent;
  };

  it("the catalogue page with its editions and participant counts", async () => {
    const query = `query($first: Int!) { programs(first: $first, orderBy: { field: TITLE }) {
      totalCount nodes { id code title modality leadInstitution { id } editions(first: 3) { totalCount nodes { id plannedStartDate venueCountry { code } } } }
    } }`;
    expect(await cost(query, 100, (d) => d.programs.nodes.length)).toBe(await cost(query, 10, (d) => d.programs.nodes.length));
  });

  it("an edition with its participants", async () => {
    const crowded = data.editions[0].id;
    const query = `query($first: Int!) { edition(id: "${crowded}") { id participations(first: $first) { totalCount nodes { id role status person { id } institution { id } country { code } } } } }`;
    expect(await cost(query, 10, (d) => d.edition.participations.nodes.length)).toBe(await cost(query, 20, (d) => d.edition.participations.nodes.length));
  });

  it("a country page: participations of the country and its figures", async () => {
    const code = data.participations[0].countryCode;
    const query = `query($first: Int!) { _entities(representations: [{ __typename: "Country", code: "${code}" }]) { ... on Country {
      participations(first: $first) { totalCount nodes { id role edition { id title } } }
      cooperationStats { participations participantsSent editionsAttended programsAttended editionsHosted }
    } } }`;
    expect(await cost(query, 100, (d) => d._entities[0].participations.nodes.length)).toBe(
      await cost(query, 10, (d) => d._entities[0].participations.nodes.length),
    );
  });
});
