import { newId, servicePrincipal } from "@sstc/subgraph-kit";
import { DemoIds, demoAreaIds } from "@sstc/demo-data";
import { postSigned } from "@sstc/testkit";
import { startTestGraph, type TestGraph } from "../support/graph";
import { addPortalFixtures, Fixture } from "../support/portal-fixtures";

/*
 * Dashboard statistics and the country and institution summaries, on the
 * demo data plus the portal fixture (support/portal-fixtures.ts). The demo
 * edition (2023, TPBIS-CP, held in Indonesia) has 19 participations: the
 * speaker (ID, female, Perpusnas) and 18 participants, 9 female and 9 male
 * — LA 1, MY 2, NP 1, LK 2, VN 1, MM 1, ID 10.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
  await addPortalFixtures(graph);
});
afterAll(() => graph?.stop());

const I = DemoIds.institution;
const buckets = (pairs: Array<[string, number]>) => pairs.map(([key, count]) => ({ key, count }));

const ALL_FIELDS = `
  programCount editionCount participationCount
  participantsByCountry { key count } participantsByGender { key count } participantsByRole { key count } participantsByYear { key count }
  editionsByYear { key count } editionsByModality { key count } editionsBySdgGoal { key count } editionsByHostCountry { key count }
  programsByYear { key count } programsByModality { key count } programsBySdgGoal { key count }`;

async function statistics(filter?: Record<string, unknown>) {
  const result = await graph.query(`query($filter: StatisticsFilter) { statistics(filter: $filter) { ${ALL_FIELDS} } }`, { filter });
  expect(result.errors).toBeUndefined();
  return result.data!.statistics;
}

describe("dashboard statistics", () => {
  it("counts everything by country, gender, role, year, SDG goal, modality and host country", async () => {
    expect(await statistics()).toEqual({
      programCount: 6,
      editionCount: 4,
      participationCount: 25,
      participantsByCountry: buckets([
        ["ID", 14],
        ["LA", 1],
        ["LK", 3],
        ["MM", 1],
        ["MY", 2],
        ["NP", 2],
        ["TH", 1],
        ["VN", 1],
      ]),
      participantsByGender: buckets([
        ["FEMALE", 12],
        ["MALE", 11],
        ["NOT_RECORDED", 1],
        ["UNDISCLOSED", 1],
      ]),
      participantsByRole: buckets([
        ["FACILITATOR", 1],
        ["PARTICIPANT", 22],
        ["SPEAKER", 2],
      ]),
      participantsByYear: buckets([
        ["2022", 2],
        ["2023", 19],
        ["2024", 4],
      ]),
      editionsByYear: buckets([
        ["2022", 1],
        ["2023", 1],
        ["2024", 2],
      ]),
      editionsByModality: buckets([
        ["BILATERAL", 1],
        ["SOUTH_SOUTH", 2],
        ["TRIANGULAR", 1],
      ]),
      editionsBySdgGoal: buckets([
        ["2", 1],
        ["4", 1],
        ["6", 3],
        ["10", 1],
        ["16", 1],
        ["17", 1],
      ]),
      editionsByHostCountry: buckets([
        ["ID", 2],
        ["LK", 1],
        ["TH", 1],
      ]),
      programsByYear: buckets([
        ["2022", 1],
        ["2023", 1],
        ["2024", 2],
      ]),
      programsByModality: buckets([
        ["BILATERAL", 1],
        ["NONE", 1],
        ["SOUTH_SOUTH", 3],
        ["TRIANGULAR", 1],
      ]),
      programsBySdgGoal: buckets([
        ["2", 1],
        ["4", 3],
        ["6", 2],
        ["10", 2],
        ["16", 2],
        ["17", 2],
      ]),
    });
  });

  it("restricts every figure to a year range", async () => {
    expect(await statistics({ yearFrom: 2024, yearTo: 2024 })).toEqual({
      programCount: 2,
      editionCount: 2,
      participationCount: 4,
      participantsByCountry: buckets([
        ["ID", 2],
        ["LK", 1],
        ["TH", 1],
      ]),
      participantsByGender: buckets([
        ["FEMALE", 1],
        ["MALE", 1],
        ["NOT_RECORDED", 1],
        ["UNDISCLOSED", 1],
      ]),
      participantsByRole: buckets([
        ["FACILITATOR", 1],
        ["PARTICIPANT", 3],
      ]),
      participantsByYear: buckets([["2024", 4]]),
      editionsByYear: buckets([["2024", 2]]),
      editionsByModality: buckets([
        ["BILATERAL", 1],
        ["SOUTH_SOUTH", 1],
      ]),
      editionsBySdgGoal: buckets([
        ["2", 1],
        ["6", 2],
      ]),
      editionsByHostCountry: buckets([
        ["ID", 1],
        ["TH", 1],
      ]),
      programsByYear: buckets([["2024", 2]]),
      programsByModality: buckets([
        ["BILATERAL", 1],
        ["SOUTH_SOUTH", 1],
      ]),
      programsBySdgGoal: buckets([
        ["2", 1],
        ["6", 2],
      ]),
    });
  });

  it("takes an open-ended year range", async () => {
    const stats = await statistics({ yearFrom: 2023 });
    expect(stats.participantsByYear).toEqual(
      buckets([
        ["2023", 19],
        ["2024", 4],
      ]),
    );
    expect([stats.editionCount, stats.programCount]).toEqual([3, 3]);
  });

  it("restricts every figure to one programme", async () => {
    const stats = await statistics({ programId: DemoIds.program.tpbisColomboPlan });
    expect(stats).toMatchObject({
      programCount: 1,
      editionCount: 1,
      participationCount: 19,
      participantsByGender: buckets([
        ["FEMALE", 10],
        ["MALE", 9],
      ]),
      participantsByRole: buckets([
        ["PARTICIPANT", 18],
        ["SPEAKER", 1],
      ]),
      editionsByHostCountry: buckets([["ID", 1]]),
      programsBySdgGoal: buckets([
        ["4", 1],
        ["10", 1],
        ["16", 1],
        ["17", 1],
      ]),
    });
  });

  it("gives empty breakdowns for a programme without editions", async () => {
    const stats = await statistics({ programId: DemoIds.program.sstc });
    expect(stats).toMatchObject({
      programCount: 1,
      editionCount: 0,
      participationCount: 0,
      participantsByCountry: [],
      editionsByYear: [],
      programsBySdgGoal: buckets([["17", 1]]),
    });
  });

  it("runs one statement per selected figure, whatever the data, and one for the data version the statistics cache keys them by", async () => {
    const counter = graph.subgraphs.programs.queries;
    const before = counter.count;
    // A scope asked for nowhere else in this file, so nothing is cached yet.
    const result = await graph.query(
      `{ statistics(filter: { yearFrom: 1999 }) { participantsByCountry { key count } programsBySdgGoal { key count } editionCount } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(counter.count - before).toBe(4);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a range that ends before it starts", { yearFrom: 2025, yearTo: 2024 }, "filter.yearTo"],
    ["an impossible year", { yearFrom: 99 }, "filter.yearFrom"],
    ["a malformed programme id", { programId: "TPBIS" }, "filter.programId"],
  ])("refuses %s with BAD_USER_INPUT naming the argument", async (_label, filter, argument) => {
    const result = await graph.query(`query($filter: StatisticsFilter) { statistics(filter: $filter) { editionCount } }`, { filter });
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
  });
});

describe("country and institution summaries", () => {
  it("counts what each country sent and hosted", async () => {
    const { data, errors } = await graph.query(`{
      id: country(code: "ID") { cooperationStats { participations participantsSent editionsAttended programsAttended editionsHosted programsHosted } }
      lk: country(code: "LK") { cooperationStats { participations participantsSent editionsAttended programsAttended editionsHosted programsHosted } }
      th: country(code: "TH") { cooperationStats { participations participantsSent editionsAttended programsAttended editionsHosted programsHosted } }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      id: {
        cooperationStats: { participations: 14, participantsSent: 12, editionsAttended: 3, programsAttended: 3, editionsHosted: 2, programsHosted: 2 },
      },
      lk: { cooperationStats: { participations: 3, participantsSent: 3, editionsAttended: 2, programsAttended: 2, editionsHosted: 1, programsHosted: 1 } },
      th: { cooperationStats: { participations: 1, participantsSent: 0, editionsAttended: 1, programsAttended: 1, editionsHosted: 1, programsHosted: 1 } },
    });
  });

  it("counts what each institution hosted, led and sent", async () => {
    const fields = "editionsHosted programsHosted programsLed participations participantsSent editionsAttended programsAttended";
    const { data, errors } = await graph.query(`{
      perpusnas: institution(id: "${I.perpusnas}") { acronym cooperationStats { ${fields} } }
      kemenlu: institution(id: "${I.kemenlu}") { acronym cooperationStats { ${fields} } }
      secretariat: institution(id: "${I.colomboPlanSecretariat}") { cooperationStats { ${fields} } }
      sriLankanLibrary: institution(id: "${demoAreaIds.sendingLibrary(3)}") { cooperationStats { ${fields} } }
      library: institution(id: "${I.mutiaraRawaBinongLibrary}") { cooperationStats { ${fields} } }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      perpusnas: {
        acronym: "Perpusnas",
        cooperationStats: {
          editionsHosted: 2,
          programsHosted: 2,
          programsLed: 3,
          participations: 2,
          participantsSent: 0,
          editionsAttended: 2,
          programsAttended: 2,
        },
      },
      kemenlu: {
        acronym: "Kemenlu",
        cooperationStats: {
          editionsHosted: 0,
          programsHosted: 0,
          programsLed: 1,
          participations: 2,
          participantsSent: 2,
          editionsAttended: 1,
          programsAttended: 1,
        },
      },
      secretariat: {
        cooperationStats: {
          editionsHosted: 1,
          programsHosted: 1,
          programsLed: 0,
          participations: 0,
          participantsSent: 0,
          editionsAttended: 0,
          programsAttended: 0,
        },
      },
      sriLankanLibrary: {
        cooperationStats: {
          editionsHosted: 0,
          programsHosted: 0,
          programsLed: 0,
          participations: 2,
          participantsSent: 2,
          editionsAttended: 1,
          programsAttended: 1,
        },
      },
      library: {
        cooperationStats: {
          editionsHosted: 0,
          programsHosted: 0,
          programsLed: 0,
          participations: 0,
          participantsSent: 0,
          editionsAttended: 0,
          programsAttended: 0,
        },
      },
    });
  });

  it("counts 1 and 50 institutions with the same number of statements", async () => {
    const url = graph.subgraphs.programs.graphqlUrl;
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution { cooperationStats { programsLed editionsHosted participations } } } }`;
    const ids = [I.perpusnas, ...Array.from({ length: 49 }, () => newId())];
    const counter = graph.subgraphs.programs.queries;
    const run = async (n: number) => {
      const before = counter.count;
      const result: any = await postSigned(
        url,
        query,
        { representations: ids.slice(0, n).map((id) => ({ __typename: "Institution", id })) },
        servicePrincipal("test"),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data._entities[0].cooperationStats).toEqual({ programsLed: 3, editionsHosted: 2, participations: 2 });
      return counter.count - before;
    };
    // The data version, then three GROUP BYs; with 50 the first is cached and the other 49 are counted together.
    const one = await run(1);
    expect(one).toBe(4);
    expect(await run(50)).toBe(one);
  });

  it("keeps the Thai host, unknown to the institutions subgraph, out of the way", async () => {
    // Statistics never need the institutions subgraph: an id it does not know still counts.
    const url = graph.subgraphs.programs.graphqlUrl;
    const result: any = await postSigned(
      url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { cooperationStats { editionsHosted participations } } } }`,
      {
        r: [{ __typename: "Institution", id: Fixture.thaiHostInstitution }],
      },
      servicePrincipal("test"),
    );
    expect(result.data._entities[0].cooperationStats).toEqual({ editionsHosted: 1, participations: 1 });
  });
});
