import { DemoIds } from "@sstc/demo-data";
import { as, startTestGraph, type TestGraph } from "../support/graph";
import { addPortalFixtures, Fixture } from "../support/portal-fixtures";

/*
 * Statistics by edition, country and institution, people counted once, and
 * buckets that link to what they count — on the demo data, the portal
 * fixture (support/portal-fixtures.ts), and one more participation
 * registered through the API: the demo speaker (ID, female, Perpusnas) also
 * speaks at WATER-LK 2024 (held in Indonesia, hosted by Perpusnas), so she
 * is one person with two participations. That makes 26 participations of
 * 25 people: 15 participations of 14 people represent Indonesia, 13 of 12
 * are female.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
  await addPortalFixtures(graph);
  const result = await graph.query(
    `mutation($e: ID!, $input: ParticipationInput!) { registerParticipation(editionId: $e, input: $input) { id } }`,
    {
      e: Fixture.edition.water2024,
      input: { personId: DemoIds.person.ofySofiana, role: "SPEAKER", countryCode: "ID", institutionId: I.perpusnas, gender: "FEMALE" },
    },
    await as("admin"),
  );
  expect(result.errors).toBeUndefined();
});
afterAll(() => graph?.stop());

const I = DemoIds.institution;
const buckets = (pairs: Array<[string, number]>) => pairs.map(([key, count]) => ({ key, count }));

async function statistics(fields: string, filter?: Record<string, unknown>) {
  const result = await graph.query(`query($filter: StatisticsFilter) { statistics(filter: $filter) { ${fields} } }`, { filter });
  expect(result.errors).toBeUndefined();
  return result.data!.statistics;
}

const TOTALS = "programCount editionCount participationCount personCount";

describe("people beside participations", () => {
  it("counts a person in two editions once", async () => {
    expect(
      await statistics(
        `${TOTALS} peopleByCountry { key count placeholderCount } peopleByGender { key count placeholderCount } participantsByCountry { key count }`,
      ),
    ).toEqual({
      programCount: 6,
      editionCount: 4,
      participationCount: 26,
      personCount: 25,
      // The 18 demo participants' countries and genders are placeholders.
      peopleByCountry: [
        { key: "ID", count: 14, placeholderCount: 10 },
        { key: "LA", count: 1, placeholderCount: 1 },
        { key: "LK", count: 3, placeholderCount: 2 },
        { key: "MM", count: 1, placeholderCount: 1 },
        { key: "MY", count: 2, placeholderCount: 2 },
        { key: "NP", count: 2, placeholderCount: 1 },
        { key: "TH", count: 1, placeholderCount: 0 },
        { key: "VN", count: 1, placeholderCount: 1 },
      ],
      peopleByGender: [
        { key: "FEMALE", count: 12, placeholderCount: 9 },
        { key: "MALE", count: 11, placeholderCount: 9 },
        { key: "NOT_RECORDED", count: 1, placeholderCount: 0 },
        { key: "UNDISCLOSED", count: 1, placeholderCount: 0 },
      ],
      participantsByCountry: buckets([
        ["ID", 15],
        ["LA", 1],
        ["LK", 3],
        ["MM", 1],
        ["MY", 2],
        ["NP", 2],
        ["TH", 1],
        ["VN", 1],
      ]),
    });
  });
});

describe("statistics filters", () => {
  it("restricts to one edition: its participations, the edition and its programme", async () => {
    expect(await statistics(`${TOTALS} participantsByCountry { key count }`, { editionId: Fixture.edition.water2022 })).toEqual({
      programCount: 1,
      editionCount: 1,
      participationCount: 2,
      personCount: 2,
      participantsByCountry: buckets([
        ["ID", 1],
        ["NP", 1],
      ]),
    });
  });

  it("restricts to a country, in any case: its people for participants, its venues for editions and programmes", async () => {
    expect(await statistics(`${TOTALS} participantsByCountry { key count } editionsByHostCountry { key count }`, { countryCode: "lk" })).toEqual({
      // WATER-LK 2022 is held in Sri Lanka; the three Sri Lankans took part in the demo edition and AGRI-TH.
      programCount: 1,
      editionCount: 1,
      participationCount: 3,
      personCount: 3,
      participantsByCountry: buckets([["LK", 3]]),
      editionsByHostCountry: buckets([["LK", 1]]),
    });
  });

  it("restricts to an institution: the people it sent, the editions it hosted or whose programme it leads", async () => {
    // Perpusnas sent its speaker twice and the WATER-LK 2022 speaker; it hosted the demo edition and WATER-LK 2024,
    // leads TPBIS, TPBIS-CP and DIGI-100, and hosted an edition of WATER-LK.
    expect(await statistics(`${TOTALS} participantsByYear { key count } editionsByYear { key count }`, { institutionId: I.perpusnas })).toEqual({
      programCount: 4,
      editionCount: 2,
      participationCount: 3,
      personCount: 2,
      participantsByYear: buckets([
        ["2022", 1],
        ["2023", 1],
        ["2024", 1],
      ]),
      editionsByYear: buckets([
        ["2023", 1],
        ["2024", 1],
      ]),
    });
    // Kemenlu hosted nothing but leads AGRI-TH, whose one edition counts; it sent two people there.
    expect(await statistics(TOTALS, { institutionId: I.kemenlu })).toEqual({ programCount: 1, editionCount: 1, participationCount: 2, personCount: 2 });
  });

  it("combines filters", async () => {
    // In 2024 Perpusnas hosted WATER-LK 2024 only, and leads no programme with an edition that year.
    expect(await statistics(TOTALS, { institutionId: I.perpusnas, yearFrom: 2024 })).toEqual({
      programCount: 1,
      editionCount: 1,
      participationCount: 1,
      personCount: 1,
    });
    // Indonesians took part in AGRI-TH 2024, which is held in Thailand.
    expect(await statistics(TOTALS, { editionId: Fixture.edition.agri2024, countryCode: "ID" })).toEqual({
      programCount: 0,
      editionCount: 0,
      participationCount: 2,
      personCount: 2,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a malformed edition id", { editionId: "TPBIS-2023" }, "filter.editionId"],
    ["a country name for a code", { countryCode: "Indonesia" }, "filter.countryCode"],
    ["a malformed institution id", { institutionId: "Perpusnas" }, "filter.institutionId"],
  ])("refuses %s with BAD_USER_INPUT naming the argument", async (_label, filter, argument) => {
    const result = await graph.query(`query($filter: StatisticsFilter) { statistics(filter: $filter) { editionCount } }`, { filter });
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
  });
});

describe("buckets that link", () => {
  it("follows a country bucket to the country through the gateway", async () => {
    expect(
      await statistics(
        `participantsByCountry { key country { name(lang: EN) } } editionsByHostCountry { key country { code } } participantsByGender { key country { code } }`,
        {
          countryCode: "LK",
        },
      ),
    ).toEqual({
      participantsByCountry: [{ key: "LK", country: { name: "Sri Lanka" } }],
      editionsByHostCountry: [{ key: "LK", country: { code: "LK" } }],
      participantsByGender: [
        { key: "FEMALE", country: null },
        { key: "MALE", country: null },
        { key: "UNDISCLOSED", country: null },
      ],
    });
  });

  it("breaks participations down by sending institution, linked to the institution", async () => {
    expect(await statistics(`participantsByInstitution { key count institution { id } }`, { yearFrom: 2024 })).toEqual({
      participantsByInstitution: [
        { key: I.perpusnas, count: 1, institution: { id: I.perpusnas } },
        { key: I.kemenlu, count: 2, institution: { id: I.kemenlu } },
        { key: Fixture.thaiHostInstitution, count: 1, institution: { id: Fixture.thaiHostInstitution } },
        { key: "NOT_RECORDED", count: 1, institution: null },
      ],
    });
    const { data, errors } = await graph.query(
      `{ statistics(filter: { institutionId: "${I.kemenlu}" }) { participantsByInstitution { institution { acronym } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.statistics.participantsByInstitution).toEqual([{ institution: { acronym: "Kemenlu" } }]);
  });

  it("gives SDG goal buckets their goal number", async () => {
    expect(await statistics(`programsBySdgGoal { key goal count } editionsBySdgGoal { key goal }`, { programId: Fixture.program.agri })).toEqual({
      programsBySdgGoal: [
        { key: "2", goal: 2, count: 1 },
        { key: "6", goal: 6, count: 1 },
      ],
      editionsBySdgGoal: [
        { key: "2", goal: 2 },
        { key: "6", goal: 6 },
      ],
    });
  });
});
