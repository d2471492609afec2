import { newId } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { startTestGraph, type TestGraph } from "../support/graph";
import { addPortalFixtures, Fixture } from "../support/portal-fixtures";

/*
 * Finding programmes and editions through the gateway: every filter, the
 * search in both languages, every order in both directions, and paging
 * across an order, on the demo data plus the portal fixture (see
 * support/portal-fixtures.ts for the table of what is where).
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
  await addPortalFixtures(graph);
});
afterAll(() => graph?.stop());

const I = DemoIds.institution;

async function programCodes(filter: Record<string, unknown> = {}, orderBy?: Record<string, unknown>) {
  const result = await graph.query(
    `query($filter: ProgramFilter, $orderBy: ProgramOrder) { programs(first: 100, filter: $filter, orderBy: $orderBy) { totalCount nodes { code } } }`,
    { filter, orderBy },
  );
  expect(result.errors).toBeUndefined();
  const codes = result.data!.programs.nodes.map((n: { code: string }) => n.code);
  expect(result.data!.programs.totalCount).toBe(codes.length);
  return codes;
}

async function editionTitles(filter: Record<string, unknown> = {}, orderBy?: Record<string, unknown>) {
  const result = await graph.query(
    `query($filter: EditionFilter, $orderBy: EditionOrder) { editions(first: 100, filter: $filter, orderBy: $orderBy) { totalCount nodes { title plannedStartDate } } }`,
    { filter, orderBy },
  );
  expect(result.errors).toBeUndefined();
  const titles = result.data!.editions.nodes.map((n: { title: string }) => n.title);
  expect(result.data!.editions.totalCount).toBe(titles.length);
  return titles;
}

const TPBIS_CP_2023 = "TPBIS Good Practice Sharing with Colombo Plan Countries 2023";
const AGRI_2024 = "Rice Farming Exchange 2024";
const WATER_2022 = "Water Committees Workshop 2022";
const WATER_2024 = "Water Committees Workshop 2024";

describe("programmes filtered", () => {
  it("lists every programme by code when no filter is given", async () => {
    expect(await programCodes()).toEqual(["AGRI-TH", "DIGI-100", "SSTC", "TPBIS", "TPBIS-CP", "WATER-LK"]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["status", { status: "PIPELINE" }, ["AGRI-TH", "DIGI-100"]],
    ["modality", { modality: "TRIANGULAR" }, ["TPBIS-CP"]],
    ["another modality", { modality: "BILATERAL" }, ["AGRI-TH"]],
    ["SDG goal", { sdgGoal: 6 }, ["AGRI-TH", "WATER-LK"]],
    ["SDG goal 4", { sdgGoal: 4 }, ["DIGI-100", "TPBIS", "TPBIS-CP"]],
    ["SDG target", { sdgTarget: "4.6" }, ["TPBIS", "TPBIS-CP"]],
    ["lettered SDG target", { sdgTarget: "6.B" }, ["WATER-LK"]],
    ["lead institution", { leadInstitutionId: I.perpusnas }, ["DIGI-100", "TPBIS", "TPBIS-CP"]],
    ["host institution", { hostInstitutionId: I.perpusnas }, ["TPBIS-CP", "WATER-LK"]],
    ["host country", { countryCode: "LK", countryInvolvement: "HOST" }, ["WATER-LK"]],
    ["participating country", { countryCode: "lk", countryInvolvement: "PARTICIPATING" }, ["AGRI-TH", "TPBIS-CP"]],
    ["country either way (default)", { countryCode: "LK" }, ["AGRI-TH", "TPBIS-CP", "WATER-LK"]],
    ["year", { year: 2024 }, ["AGRI-TH", "WATER-LK"]],
    ["another year", { year: 2023 }, ["TPBIS-CP"]],
    ["date range", { startDateFrom: "2022-01-01", startDateTo: "2023-12-31" }, ["TPBIS-CP", "WATER-LK"]],
    ["open-ended date range", { startDateFrom: "2024-03-05" }, ["WATER-LK"]],
    ["host country and year on the same edition", { countryCode: "ID", countryInvolvement: "HOST", year: 2024 }, ["WATER-LK"]],
    ["host country and year on different editions only", { countryCode: "LK", countryInvolvement: "HOST", year: 2024 }, []],
    ["partner", { partnerId: DemoIds.partner.colomboPlan }, ["AGRI-TH", "SSTC"]],
    ["partner in a role", { partnerId: DemoIds.partner.colomboPlan, partnerRole: "FUNDING" }, ["AGRI-TH"]],
    ["another partner", { partnerId: DemoIds.partner.kemensetneg }, ["SSTC", "TPBIS-CP"]],
    ["a partner with no programmes", { partnerId: newId() }, []],
    ["partner and modality together", { partnerId: DemoIds.partner.colomboPlan, modality: "SOUTH_SOUTH" }, ["SSTC"]],
  ])("by %s", async (_label, filter, expected) => {
    expect(await programCodes(filter)).toEqual(expected);
  });
});

describe("programmes searched in English and Bahasa Indonesia", () => {
  it.each<[string, string, string[]]>([
    ["an English title word", "rice", ["AGRI-TH"]],
    ["a Bahasa Indonesia title word, in capitals", "PADI", ["AGRI-TH"]],
    ["a word found only in Indonesian summaries and titles", "perpustakaan", ["TPBIS", "TPBIS-CP"]],
    ["a word found only in an English summary", "irrigation", ["AGRI-TH"]],
    ["a word found only in an Indonesian summary", "irigasi", ["AGRI-TH"]],
    ["two words that must both occur", "library colombo", ["TPBIS-CP"]],
    ["a percent sign, matched literally", "%", ["DIGI-100"]],
    ["an underscore, matched literally", "_", []],
    ["text with a percent sign", "100% daring", ["DIGI-100"]],
    ["a word nowhere", "volcano", []],
  ])("finds %s", async (_label, search, expected) => {
    expect(await programCodes({ search })).toEqual(expected);
  });

  it("combines the search with other filters", async () => {
    expect(await programCodes({ search: "perpustakaan", modality: "TRIANGULAR" })).toEqual(["TPBIS-CP"]);
  });
});

describe("programmes ordered", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ["code descending", { field: "CODE", direction: "DESC" }, ["WATER-LK", "TPBIS-CP", "TPBIS", "SSTC", "DIGI-100", "AGRI-TH"]],
    ["English title ascending", { field: "TITLE" }, ["WATER-LK", "DIGI-100", "SSTC", "TPBIS-CP", "TPBIS", "AGRI-TH"]],
    ["English title descending", { field: "TITLE", direction: "DESC" }, ["AGRI-TH", "TPBIS", "TPBIS-CP", "SSTC", "DIGI-100", "WATER-LK"]],
    ["Indonesian title ascending", { field: "TITLE", lang: "ID" }, ["TPBIS-CP", "DIGI-100", "WATER-LK", "AGRI-TH", "SSTC", "TPBIS"]],
    // Programmes without editions last, tied on the key and so ordered by id (SSTC, TPBIS, DIGI-100).
    ["first edition ascending", { field: "START_DATE" }, ["WATER-LK", "TPBIS-CP", "AGRI-TH", "SSTC", "TPBIS", "DIGI-100"]],
    ["first edition descending", { field: "START_DATE", direction: "DESC" }, ["AGRI-TH", "TPBIS-CP", "WATER-LK", "DIGI-100", "TPBIS", "SSTC"]],
  ])("by %s", async (_label, orderBy, expected) => {
    expect(await programCodes({}, orderBy)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ["code descending", { field: "CODE", direction: "DESC" }],
    ["Indonesian title descending", { field: "TITLE", direction: "DESC", lang: "ID" }],
    ["first edition descending", { field: "START_DATE", direction: "DESC" }],
    ["first edition ascending", { field: "START_DATE", direction: "ASC" }],
  ])("pages two at a time by %s and sees each programme once, in the same order as one page", async (_label, orderBy) => {
    const whole = await programCodes({}, orderBy);
    const paged: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: any = await graph.query(
        `query($orderBy: ProgramOrder, $after: String) { programs(first: 2, after: $after, orderBy: $orderBy) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { code } } }`,
        { orderBy, after },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data.programs;
      expect(page.totalCount).toBe(6);
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      paged.push(...page.nodes.map((n: { code: string }) => n.code));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(paged).toEqual(whole);
  });

  it("pages a filtered list", async () => {
    const first: any = await graph.query(
      `{ programs(first: 1, filter: { sdgGoal: 4 }, orderBy: { field: TITLE }) { totalCount pageInfo { hasNextPage endCursor } nodes { code } } }`,
    );
    expect(first.data.programs).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true }, nodes: [{ code: "DIGI-100" }] });
    const second: any = await graph.query(
      `query($after: String) { programs(first: 5, after: $after, filter: { sdgGoal: 4 }, orderBy: { field: TITLE }) { pageInfo { hasNextPage } nodes { code } } }`,
      {
        after: first.data.programs.pageInfo.endCursor,
      },
    );
    expect(second.data.programs).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ code: "TPBIS-CP" }, { code: "TPBIS" }] });
  });

  it("refuses a cursor made by another order", async () => {
    const byCode: any = await graph.query(`{ programs(first: 1) { pageInfo { endCursor } } }`);
    const result = await graph.query(`query($after: String) { programs(first: 1, after: $after, orderBy: { field: TITLE }) { totalCount } }`, {
      after: byCode.data.programs.pageInfo.endCursor,
    });
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
  });
});

describe("programme SDG alignment from its own table", () => {
  it("reads goals and targets for many programmes at once, in UN order", async () => {
    const result = await graph.query(`{ programs(first: 10) { nodes { code sdgGoals sdgTargets } } }`);
    expect(result.errors).toBeUndefined();
    const byCode = Object.fromEntries(result.data!.programs.nodes.map((n: any) => [n.code, [n.sdgGoals, n.sdgTargets]]));
    expect(byCode).toEqual({
      "AGRI-TH": [[2, 6], ["2.4"]],
      "DIGI-100": [[4], ["4.4"]],
      SSTC: [[17], ["17.9"]],
      TPBIS: [
        [4, 10, 16],
        ["4.6", "10.2", "16.10"],
      ],
      "TPBIS-CP": [
        [4, 10, 16, 17],
        ["4.6", "10.2", "16.10", "17.9"],
      ],
      "WATER-LK": [[6], ["6.b"]],
    });
  });

  it("uses one statement for the alignment of a whole page", async () => {
    const counter = graph.subgraphs.programs.queries;
    const count = async (first: number) => {
      const before = counter.count;
      const result = await graph.query(`query($first: Int) { programs(first: $first) { nodes { sdgGoals sdgTargets } } }`, { first });
      expect(result.errors).toBeUndefined();
      return counter.count - before;
    };
    expect(await count(6)).toBe(await count(1));
  });
});

describe("editions filtered, searched and ordered", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ["nothing", {}, [WATER_2022, TPBIS_CP_2023, AGRI_2024, WATER_2024]],
    ["programme", { programId: Fixture.program.water }, [WATER_2022, WATER_2024]],
    ["status", { status: "CLOSED" }, [WATER_2022, TPBIS_CP_2023, WATER_2024]],
    ["year", { year: 2024 }, [AGRI_2024, WATER_2024]],
    ["date range", { startDateFrom: "2023-01-01", startDateTo: "2024-06-30" }, [TPBIS_CP_2023, AGRI_2024]],
    ["host country", { countryCode: "ID", countryInvolvement: "HOST" }, [TPBIS_CP_2023, WATER_2024]],
    ["participating country", { countryCode: "LK", countryInvolvement: "PARTICIPATING" }, [TPBIS_CP_2023, AGRI_2024]],
    ["country either way", { countryCode: "LK" }, [WATER_2022, TPBIS_CP_2023, AGRI_2024]],
    ["host institution", { hostInstitutionId: I.perpusnas }, [TPBIS_CP_2023, WATER_2024]],
    ["programme modality", { modality: "SOUTH_SOUTH" }, [WATER_2022, WATER_2024]],
    ["programme SDG goal", { sdgGoal: 6 }, [WATER_2022, AGRI_2024, WATER_2024]],
    ["programme SDG target", { sdgTarget: "17.9" }, [TPBIS_CP_2023]],
    ["programme lead", { leadInstitutionId: I.kemenlu }, [AGRI_2024]],
    ["programme partner", { partnerId: DemoIds.partner.colomboPlan }, [AGRI_2024]],
    ["search on the edition title in Indonesian", { search: "lokakarya" }, [WATER_2022, WATER_2024]],
    ["search on the programme title in Indonesian", { search: "padi" }, [AGRI_2024]],
    ["search on the programme summary in English", { search: "village" }, [WATER_2022, WATER_2024]],
    ["search and year", { search: "workshop", year: 2022 }, [WATER_2022]],
  ])("by %s", async (_label, filter, expected) => {
    expect(await editionTitles(filter)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["start descending", { direction: "DESC" }, [WATER_2024, AGRI_2024, TPBIS_CP_2023, WATER_2022]],
    ["title ascending", { field: "TITLE" }, [AGRI_2024, TPBIS_CP_2023, WATER_2022, WATER_2024]],
    ["title descending", { field: "TITLE", direction: "DESC" }, [WATER_2024, WATER_2022, TPBIS_CP_2023, AGRI_2024]],
    // Berbagi…, Lokakarya… 2022, Lokakarya… 2024, Pertukaran…
    ["Indonesian title ascending", { field: "TITLE", lang: "ID" }, [TPBIS_CP_2023, WATER_2022, WATER_2024, AGRI_2024]],
  ])("by %s", async (_label, orderBy, expected) => {
    expect(await editionTitles({}, orderBy)).toEqual(expected);
  });

  it("pages across a descending start order", async () => {
    const q = `query($after: String) { editions(first: 3, after: $after, orderBy: { field: START_DATE, direction: DESC }) { pageInfo { hasNextPage endCursor } nodes { plannedStartDate } } }`;
    const first: any = await graph.query(q);
    expect(first.data.editions.nodes.map((n: any) => n.plannedStartDate)).toEqual(["2024-09-10", "2024-03-04", "2023-11-13"]);
    expect(first.data.editions.pageInfo.hasNextPage).toBe(true);
    const second: any = await graph.query(q, { after: first.data.editions.pageInfo.endCursor });
    expect(second.data.editions).toEqual({ pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, nodes: [{ plannedStartDate: "2022-06-01" }] });
  });
});

describe("bad filter values", () => {
  it.each<[string, string, string]>([
    ["an SDG goal past 17", `{ programs(filter: { sdgGoal: 18 }) { totalCount } }`, "filter.sdgGoal"],
    ["a malformed SDG target", `{ programs(filter: { sdgTarget: "4-6" }) { totalCount } }`, "filter.sdgTarget"],
    ["an SDG target of no goal", `{ editions(filter: { sdgTarget: "18.1" }) { totalCount } }`, "filter.sdgTarget"],
    ["a malformed country code", `{ editions(filter: { countryCode: "XYZ" }) { totalCount } }`, "filter.countryCode"],
    ["an involvement without a country", `{ programs(filter: { countryInvolvement: HOST }) { totalCount } }`, "filter.countryInvolvement"],
    ["a malformed partner id", `{ programs(filter: { partnerId: "kemenlu" }) { totalCount } }`, "filter.partnerId"],
    ["a role without a partner", `{ programs(filter: { partnerRole: FUNDING }) { totalCount } }`, "filter.partnerRole"],
    ["a malformed lead institution id", `{ programs(filter: { leadInstitutionId: "1" }) { totalCount } }`, "filter.leadInstitutionId"],
    ["a malformed host institution id", `{ editions(filter: { hostInstitutionId: "1" }) { totalCount } }`, "filter.hostInstitutionId"],
    ["a malformed programme id", `{ editions(filter: { programId: "TPBIS" }) { totalCount } }`, "filter.programId"],
    ["an impossible year", `{ programs(filter: { year: 20240 }) { totalCount } }`, "filter.year"],
    [
      "a range that ends before it starts",
      `{ editions(filter: { startDateFrom: "2024-01-01", startDateTo: "2023-01-01" }) { totalCount } }`,
      "filter.startDateTo",
    ],
    ["a year together with a range", `{ programs(filter: { year: 2024, startDateTo: "2024-12-31" }) { totalCount } }`, "filter.year"],
    ["a blank search", `{ programs(filter: { search: "   " }) { totalCount } }`, "filter.search"],
    ["an overlong search", `{ editions(filter: { search: "${"x".repeat(101)}" }) { totalCount } }`, "filter.search"],
  ])("%s is BAD_USER_INPUT naming the argument", async (_label, query, argument) => {
    const result = await graph.query(query);
    // A refused root field is null by itself (root fields are nullable); its error carries the path.
    const root = Object.keys(result.data ?? {});
    expect(root.map((field) => result.data![field])).toEqual(root.map(() => null));
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    if (root.length) expect(result.errors![0].path).toEqual(root);
  });

  it("a day that does not exist is BAD_USER_INPUT that names it and points at it", async () => {
    const result = await graph.query(`{ programs(filter: { startDateFrom: "2024-02-30" }) { totalCount } }`);
    expect(result.data?.programs ?? null).toBeNull();
    expect(result.errors).toMatchObject([
      {
        message: 'A Date must be a real calendar day written YYYY-MM-DD (years 0001–9999), such as 2023-11-13; got "2024-02-30".',
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
  });
});
