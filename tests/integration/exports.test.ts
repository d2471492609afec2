import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { DemoIds } from "@sstc/demo-data";
import { as, startTestGraph, type TestGraph } from "../support/graph";

/*
 * The CSV and XLSX exports of the gateway (/export/…) over HTTP, compared
 * with what the graph answers for the same filter and caller: the country
 * dashboard's statistics, the catalogue's lists with drafts only for those
 * who may see them, formula injection neutralised, bad parameters refused
 * with a code, and the graph's row, cost and rate limits applied.
 */
let graph: TestGraph;
let admin: Record<string, string>;
let partner: Record<string, string>;
let editor: Record<string, string>;
let draftProgramId: string;
let formulaProgramId: string;

const FORMULA_TITLE = '=HYPERLINK("http://example.invalid","click")';
const FORMULA_THEME = "@SUM(1+1)";

beforeAll(async () => {
  graph = await startTestGraph();
  admin = await as("admin", { subject: "admin@sstc" });
  partner = await as("partner");
  editor = await as("editor", { institutionId: DemoIds.institution.perpusnas, subject: "editor@perpusnas-exports" });
  const create = async (input: Record<string, unknown>, headers: Record<string, string>) => {
    const result = await graph.query<{ createProgram: { id: string } }>(
      `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
      {
        input: { sdgGoals: [4], sdgTargets: [], status: "PIPELINE", leadInstitutionId: DemoIds.institution.perpusnas, ...input },
      },
      headers,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createProgram.id;
  };
  draftProgramId = await create({ code: "DRAFT-EXPORT", titleEn: "Unannounced exchange", published: false }, admin);
  formulaProgramId = await create({ code: "FORMULA-X", titleEn: FORMULA_TITLE, themeEn: FORMULA_THEME }, editor);
});
afterAll(() => graph?.stop());

async function download(path: string, headers: Record<string, string> = {}, target: TestGraph = graph) {
  const response = await fetch(`${target.gateway.url}${path}`, { headers });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

const csvRecords = (body: Buffer): Array<Record<string, string>> => parse(body, { bom: true, columns: true });

async function xlsxRecords(body: Buffer): Promise<Array<Record<string, ExcelJS.CellValue>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const records: Array<Record<string, ExcelJS.CellValue>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    records.push(Object.fromEntries(headers.map((header, i) => [header, row.getCell(i + 1).value])));
  });
  return records;
}

interface Bucket {
  key: string;
  count: number;
  placeholderCount: number;
  country?: { name: string } | null;
  institution?: { name: string } | null;
}

/** The country dashboard as the graph answers it, as rows keyed `figure|key`, to compare with an export. */
async function dashboardFromGraph(filter: Record<string, unknown>) {
  const country = "{ key count placeholderCount country { name } }";
  const plain = "{ key count placeholderCount }";
  const result = await graph.query<{ statistics: Record<string, number | Bucket[]> }>(
    `query($filter: StatisticsFilter) { statistics(filter: $filter) {
      programCount placeholderProgramCount editionCount placeholderEditionCount participationCount placeholderParticipationCount personCount
      participantsByCountry ${country} participantsByGender ${plain} participantsByInstitution { key count placeholderCount institution { name } }
      participantsByRole ${plain} participantsByYear ${plain} peopleByCountry ${country} peopleByGender ${plain}
      editionsByHostCountry ${country} editionsByModality ${plain} editionsBySdgGoal ${plain} editionsByYear ${plain}
      programsByModality ${plain} programsBySdgGoal ${plain} programsByYear ${plain}
    } }`,
    { filter },
  );
  expect(result.errors).toBeUndefined();
  const stats = result.data!.statistics;
  const rows = new Map<string, { count: number; placeholderCount: number | null; name: string | null }>();
  for (const [figure, placeholders] of [
    ["programCount", "placeholderProgramCount"],
    ["editionCount", "placeholderEditionCount"],
    ["participationCount", "placeholderParticipationCount"],
    ["personCount", null],
  ] as const)
    rows.set(`${figure}|`, { count: stats[figure] as number, placeholderCount: placeholders ? (stats[placeholders] as number) : null, name: null });
  for (const [figure, value] of Object.entries(stats)) {
    if (!Array.isArray(value)) continue;
    for (const b of value)
      rows.set(`${figure}|${b.key}`, { count: b.count, placeholderCount: b.placeholderCount, name: b.country?.name ?? b.institution?.name ?? null });
  }
  return rows;
}

describe("the country dashboard", () => {
  it("downloads as CSV with the numbers the graph returns for the same filter", async () => {
    const { response, body } = await download("/export/statistics.csv?countryCode=LK&yearFrom=2023");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?sstc-statistics-\d{4}-\d{2}-\d{2}\.csv"?$/);
    // A byte-order mark so that Excel reads UTF-8, and RFC 4180's CRLF line ends.
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toMatch(/^\uFEFFfigure,key,name,count,placeholderCount\r\n/);

    const expected = await dashboardFromGraph({ countryCode: "LK", yearFrom: 2023 });
    const records = csvRecords(body);
    const actual = new Map(
      records.map((r) => [
        `${r.figure}|${r.key}`,
        { count: Number(r.count), placeholderCount: r.placeholderCount === "" ? null : Number(r.placeholderCount), name: r.name || null },
      ]),
    );
    expect(actual).toEqual(expected);
    // Not an empty comparison: Sri Lanka's participants are there, with the country's name.
    expect(actual.get("participantsByCountry|LK")).toEqual(expect.objectContaining({ name: "Sri Lanka" }));
    expect(actual.get("participationCount|")!.count).toBeGreaterThan(0);
  });

  it("downloads as XLSX with numbers as numbers and the same figures", async () => {
    const { response, body } = await download("/export/statistics.xlsx?countryCode=LK&yearFrom=2023");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?sstc-statistics-\d{4}-\d{2}-\d{2}\.xlsx"?$/);
    const records = await xlsxRecords(body);
    for (const r of records) expect(typeof r.count).toBe("number");
    const actual = new Map(
      records.map((r) => [`${r.figure}|${r.key ?? ""}`, { count: r.count, placeholderCount: r.placeholderCount ?? null, name: r.name ?? null }]),
    );
    expect(actual).toEqual(await dashboardFromGraph({ countryCode: "LK", yearFrom: 2023 }));
  });

  it("filters participant figures by role, a list parameter", async () => {
    const { response, body } = await download("/export/statistics.csv?countryCode=ID&participationRoles=PARTICIPANT,SPEAKER");
    expect(response.status).toBe(200);
    const count = csvRecords(body).find((r) => r.figure === "participationCount")!.count;
    const result = await graph.query(`query($f: StatisticsFilter) { statistics(filter: $f) { participationCount } }`, {
      f: { countryCode: "ID", participationRoles: ["PARTICIPANT", "SPEAKER"] },
    });
    expect(Number(count)).toBe(result.data!.statistics.participationCount);
  });
});

describe("the catalogue's lists", () => {
  async function programIds(headers: Record<string, string> = {}) {
    const result = await graph.query<{ programs: { nodes: Array<{ id: string }> } }>(`{ programs(first: 100) { nodes { id } } }`, {}, headers);
    expect(result.errors).toBeUndefined();
    return result.data!.programs.nodes.map((n) => n.id);
  }

  it("hides a draft programme from the public as the graph does, and shows it to a partner", async () => {
    const anonymous = await download("/export/programs.csv");
    expect(anonymous.response.status).toBe(200);
    const anonymousIds = csvRecords(anonymous.body).map((r) => r.id);
    expect(anonymousIds).toEqual(await programIds());
    expect(anonymousIds).not.toContain(draftProgramId);

    const asPartner = await download("/export/programs.csv", partner);
    expect(asPartner.response.status).toBe(200);
    const partnerIds = csvRecords(asPartner.body).map((r) => r.id);
    expect(partnerIds).toEqual(await programIds(partner));
    expect(partnerIds).toContain(draftProgramId);
  });

  it("never lets a shared cache keep an authenticated caller's export", async () => {
    const asPartner = await download("/export/programs.csv", partner);
    expect(asPartner.response.headers.get("cache-control")).toBe("private, no-store");
    expect(asPartner.response.headers.get("vary")).toMatch(/Authorization/);
    // A public export is cached as the graph's answer to the same read is.
    const anonymous = await download("/export/programs.csv");
    const graphql = await fetch(graph.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ programs { totalCount } }"}',
    });
    expect(anonymous.response.headers.get("cache-control")).toBe(graphql.headers.get("cache-control"));
  });

  it("neutralises formulas in CSV and keeps them as text in XLSX", async () => {
    const csv = await download("/export/programs.csv?search=HYPERLINK");
    expect(csv.response.status).toBe(200);
    const [row] = csvRecords(csv.body).filter((r) => r.id === formulaProgramId);
    expect(row.title).toBe(`'${FORMULA_TITLE}`);
    expect(row.theme).toBe(`'${FORMULA_THEME}`);

    const xlsx = await download("/export/programs.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    let found = 0;
    sheet.eachRow((r) => {
      if (r.getCell(1).value !== formulaProgramId) return;
      found++;
      const title = r.getCell(3);
      expect(title.type).toBe(ExcelJS.ValueType.String);
      expect(title.value).toBe(FORMULA_TITLE);
    });
    expect(found).toBe(1);
  });

  it("exports programmes in the order and language asked for", async () => {
    const { response, body } = await download("/export/programs.csv?orderBy=TITLE&direction=DESC&lang=ID");
    expect(response.status).toBe(200);
    const result = await graph.query<{ programs: { nodes: Array<{ id: string; title: string; editions: { totalCount: number } }> } }>(
      `{ programs(first: 100, orderBy: { field: TITLE, direction: DESC, lang: ID }) { nodes { id title(lang: ID) editions(first: 1) { totalCount } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.programs.nodes;
    expect(nodes.length).toBeGreaterThan(2);
    expect(csvRecords(body).map((r) => ({ id: r.id, title: r.title, editionCount: Number(r.editionCount) }))).toEqual(
      // The formula-like title of the programme created above is neutralised.
      nodes.map((n) => ({ id: n.id, title: n.title.startsWith("=") ? `'${n.title}` : n.title, editionCount: n.editions.totalCount })),
    );
  });

  it("exports editions with the catalogue's filter", async () => {
    const { response, body } = await download("/export/editions.xlsx?programId=" + DemoIds.program.tpbisColomboPlan);
    expect(response.status).toBe(200);
    const result = await graph.query<{ editions: { nodes: Array<{ id: string; venueCountry: { code: string }; participantCounts: { total: number } }> } }>(
      `query($p: ID) { editions(first: 100, filter: { programId: $p }) { nodes { id venueCountry { code } participantCounts { total } } } }`,
      { p: DemoIds.program.tpbisColomboPlan },
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.editions.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect((await xlsxRecords(body)).map((r) => ({ id: r.id, venueCountryCode: r.venueCountryCode, participantCount: r.participantCount }))).toEqual(
      nodes.map((n) => ({ id: n.id, venueCountryCode: n.venueCountry.code, participantCount: n.participantCounts.total })),
    );
  });
});

describe("refusals", () => {
  it.each([
    ["an unknown parameter", "/export/statistics.csv?country=LK", /Unknown parameter "country"/],
    ["a year that is no number", "/export/statistics.csv?yearFrom=2023x", /"yearFrom" must be a whole number/],
    ["an unknown enum value", "/export/programs.csv?modality=NOPE", /"modality" must be one of/],
    ["an unknown list item", "/export/statistics.xlsx?participationRoles=PARTICIPANT,NOPE", /"participationRoles" must be one of/],
    ["a parameter given twice", "/export/statistics.csv?yearFrom=2023&yearFrom=2024", /more than once/],
    ["an empty value", "/export/statistics.csv?countryCode=", /has no value/],
    ["an order on statistics", "/export/statistics.csv?orderBy=TITLE", /Unknown parameter "orderBy"/],
    ["a malformed date, refused by the graph", "/export/editions.csv?startDateFrom=2024-13-45", /./],
    ["a malformed country code, refused by the graph", "/export/statistics.csv?countryCode=L1", /./],
  ])("refuses %s with 400 and BAD_USER_INPUT", async (_what, path, message) => {
    const { response, body } = await download(path);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const { errors } = JSON.parse(body.toString("utf8"));
    expect(errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
    ]);
  });

  it("answers an unknown export or format with 404 and NOT_FOUND", async () => {
    for (const path of ["/export/people.csv", "/export/statistics.pdf", "/export/statistics"]) {
      const { response, body } = await download(path);
      expect(response.status).toBe(404);
      expect(JSON.parse(body.toString("utf8")).errors[0].extensions.code).toBe("NOT_FOUND");
    }
  });

  it("refuses a credential the graph refuses", async () => {
    const { response, body } = await download("/export/statistics.csv", { authorization: "Bearer not-a-token" });
    expect(response.status).toBe(401);
    expect(JSON.parse(body.toString("utf8")).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("limits", () => {
  /*
   * A gateway with tiny limits: pages of 2, exports of at most 3 rows (the
   * demo's public programmes), 4 public requests a minute, and a cost limit
   * the statistics operation is past while a page of 2 programmes is not.
   */
  let limited: TestGraph;
  beforeAll(async () => {
    limited = await startTestGraph({ gatewayEnv: { EXPORT_PAGE_SIZE: "2", EXPORT_MAX_ROWS: "3", RATE_LIMIT_PUBLIC: "4", MAX_COST: "100" } });
  });
  afterAll(() => limited?.stop());

  it("reads every page, and counts each page against the caller's rate limit", async () => {
    // 1 request: the programmes as the graph lists them.
    const listed = await limited.query<{ programs: { totalCount: number; nodes: Array<{ id: string }> } }>(
      `{ programs(first: 10) { totalCount nodes { id } } }`,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.programs.totalCount).toBe(3);

    // 2 more: two pages, of two and one.
    const programs = await download("/export/programs.csv", {}, limited);
    expect(programs.response.status).toBe(200);
    expect(csvRecords(programs.body).map((r) => r.id)).toEqual(listed.data!.programs.nodes.map((n) => n.id));

    // The fourth request is the first page of another export; its second page is one too many.
    const again = await download("/export/programs.csv", {}, limited);
    expect(again.response.status).toBe(429);
    expect(JSON.parse(again.body.toString("utf8")).errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(Number(again.response.headers.get("retry-after"))).toBeGreaterThan(0);
    // The export and /graphql count against the same limit.
    const graphql = await fetch(limited.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ __typename }"}',
    });
    expect(graphql.status).toBe(429);
  });

  it("refuses an export of more rows than the limit, never cutting it short", async () => {
    const created = await limited.query(
      `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
      {
        input: {
          code: "FOURTH",
          titleEn: "A fourth programme",
          sdgGoals: [],
          sdgTargets: [],
          status: "PIPELINE",
          leadInstitutionId: DemoIds.institution.perpusnas,
        },
      },
      await as("admin"),
    );
    expect(created.errors).toBeUndefined();
    const { response, body } = await download("/export/programs.xlsx", await as("partner"), limited);
    expect(response.status).toBe(400);
    const [error] = JSON.parse(body.toString("utf8")).errors;
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/would hold 4 rows, more than the limit of 3; narrow the filter/);
  });

  it("refuses an export whose operation costs more than the graph allows", async () => {
    const { response, body } = await download("/export/statistics.csv", await as("admin"), limited);
    expect(response.status).toBe(400);
    const [error] = JSON.parse(body.toString("utf8")).errors;
    expect(error.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(error.message).toMatch(/more than the limit of 100/);
  });
});
