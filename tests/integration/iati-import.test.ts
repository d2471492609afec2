import { iati } from "@sstc/programs";
import { as, expectData, startTestGraph, type TestGraph } from "../support/graph";
import { IATI_EXPORT, schemaDirForTests } from "../support/iati";

/*
 * The demo graph is exported, then imported into an empty graph (fresh
 * databases, nothing seeded but the countries) through its API as an
 * admin, and exported again: the activities must be the same.
 */
let demo: TestGraph;
let empty: TestGraph;
let schemaDir: string;
beforeAll(async () => {
  schemaDir = schemaDirForTests();
  demo = await startTestGraph();
  empty = await startTestGraph({ subgraphEnv: { SEED_DEMO_DATA: "never" } });
  // Countries are reference data the API has no mutation for: loaded as a deployment loads them.
  const countries = await demo.subgraphs.institutions.db.query("SELECT * FROM countries");
  await empty.subgraphs.institutions.db.createQueryBuilder().insert().into("countries").values(countries).execute();
});
afterAll(async () => {
  await demo?.stop();
  await empty?.stop();
});

const exportXml = async (graph: TestGraph) => expectData(await graph.query<{ iatiActivities: string }>(IATI_EXPORT, {})).iatiActivities;

/** The import's client over the test graph: a lookup that finds nothing (NOT_FOUND, its field null) is an answer; any other error fails. */
function client(graph: TestGraph, headers: Record<string, string>): iati.GraphClient {
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    const result = await graph.query<T>(query, variables, headers);
    if (result.data && (result.errors ?? []).every((e) => e.extensions?.code === "NOT_FOUND")) return result.data;
    return expectData(result);
  };
}

const importInto = async (graph: TestGraph, xml: string) => iati.importIatiActivities(xml, client(graph, await as("admin")), { schemaDir });

const programCount = async (graph: TestGraph) =>
  expectData(await graph.query<{ programs: { totalCount: number } }>(`query Count { programs { totalCount } }`, {}, await as("admin"))).programs.totalCount;

/**
 * The activities as compared: sorted by identifier; contacts left out (the
 * import creates no people: README, IATI), and the planned start of a
 * programme without editions, which is its record's creation day.
 */
function normalised(xml: string) {
  return iati
    .readIatiActivities(xml)
    .activities.map(({ activity }) => ({
      ...activity,
      contacts: [],
      dates: activity.hierarchy === 1 && activity.dates.length === 1 ? "the record's creation day" : activity.dates,
    }))
    .sort((a, b) => a.identifier.localeCompare(b.identifier));
}

describe("IATI import", () => {
  it("refuses a malformed file with the line of the fault, and writes nothing", async () => {
    const outcome = await importInto(empty, `<?xml version="1.0"?>\n<iati-activities version="2.03">\n  <iati-activity>\n</iati-activities>\n`);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems[0]).toEqual({ line: 4, message: expect.stringMatching(/mismatch/i) });
  });

  it("refuses a file the XSD refuses, line by line", async () => {
    // activity-status moved before the title, where the schema does not allow it.
    const moved = (await exportXml(demo)).replace('<activity-status code="2"/>', "").replace("<title>", '<activity-status code="2"/>\n    <title>');
    const line = moved.split("\n").findIndex((l) => l.includes('<activity-status code="2"/>')) + 1;
    const outcome = await importInto(empty, moved);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems.map(iati.formatProblem)).toContainEqual(
      expect.stringMatching(new RegExp(`^line ${line}: Schemas validity error : Element 'activity-status': This element is not expected`)),
    );
    expect(await programCount(empty)).toBe(0);
  });

  it("refuses codes that are not in the IATI code lists and SDG goals that do not exist, each with its line", async () => {
    const good = await exportXml(demo);
    const bad = good
      .replace('<activity-status code="4"/>', '<activity-status code="9"/>')
      .replace('<tag vocabulary="2" code="17"/>', '<tag vocabulary="2" code="18"/>');
    const lines = bad.split("\n");
    const statusLine = lines.findIndex((l) => l.includes('<activity-status code="9"/>')) + 1;
    const tagLine = lines.findIndex((l) => l.includes('<tag vocabulary="2" code="18"/>')) + 1;
    const outcome = await importInto(empty, bad);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems.map(iati.formatProblem)).toEqual(
      expect.arrayContaining([
        `line ${statusLine}: activity-status/@code "9" is not in the IATI ActivityStatus code list`,
        `line ${tagLine}: tag/@code "18" is not an SDG goal (1–17)`,
      ]),
    );
    expect(await programCount(empty)).toBe(0);
  });

  it("refuses a file naming a country the graph does not know before writing anything", async () => {
    const bad = (await exportXml(demo)).replace('<recipient-country code="NP"', '<recipient-country code="QQ"');
    const outcome = await importInto(empty, bad);
    expect(!outcome.ok && outcome.problems.map(iati.formatProblem)).toContainEqual(expect.stringMatching(/^line \d+: country QQ is not known to the graph$/));
    expect(await programCount(empty)).toBe(0);
  });

  it("round trip: the demo exported, imported into an empty graph and exported again gives the same activities; a second import changes nothing", async () => {
    const first = await exportXml(demo);
    const outcome = await importInto(empty, first);
    if (!outcome.ok) throw new Error(outcome.problems.map(iati.formatProblem).join("\n"));
    expect(outcome.report.created).toEqual({ institutions: 4, partners: 4, programs: 3, editions: 1, partnerships: 5, commitments: 8 });

    const second = await exportXml(empty);
    expect(iati.validateWithXsd(second, schemaDir)).toEqual([]);
    expect(normalised(second)).toEqual(normalised(first));

    const again = await importInto(empty, first);
    if (!again.ok) throw new Error(again.problems.map(iati.formatProblem).join("\n"));
    const nothing = { institutions: 0, partners: 0, programs: 0, editions: 0, partnerships: 0, commitments: 0 };
    expect(again.report.created).toEqual(nothing);
    expect(again.report.updated).toEqual(nothing);
    expect(again.report.skipped).toMatchObject({ programs: 3, editions: 1, partnerships: 5, commitments: 8 });
    expect(normalised(await exportXml(empty))).toEqual(normalised(first));
  });

  it("imports a graph's own export into it without writing anything: every record is found under the identifier it was exported with", async () => {
    const xml = await exportXml(demo);
    const outcome = await importInto(demo, xml);
    if (!outcome.ok) throw new Error(outcome.problems.map(iati.formatProblem).join("\n"));
    const nothing = { institutions: 0, partners: 0, programs: 0, editions: 0, partnerships: 0, commitments: 0 };
    expect(outcome.report.created).toEqual(nothing);
    expect(outcome.report.updated).toEqual(nothing);
    expect(outcome.report.skipped).toMatchObject({ programs: 3, editions: 1, partnerships: 5, commitments: 8 });
    expect(await exportXml(demo)).toEqual(expect.any(String));
    expect(normalised(await exportXml(demo))).toEqual(normalised(xml));
  });

  it("updates what changed in the file and nothing else", async () => {
    const changed = (await exportXml(empty)).replace(
      "<narrative>Social Inclusion-Based Library Transformation</narrative>",
      "<narrative>Library Transformation for Social Inclusion</narrative>",
    );
    const outcome = await importInto(empty, changed);
    if (!outcome.ok) throw new Error(outcome.problems.map(iati.formatProblem).join("\n"));
    expect(outcome.report.updated).toEqual({ institutions: 0, partners: 0, programs: 1, editions: 0, partnerships: 0, commitments: 0 });
    const program = expectData(await empty.query<{ programByCode: { title: string } }>(`query T { programByCode(code: "TPBIS") { title } }`)).programByCode;
    expect(program.title).toBe("Library Transformation for Social Inclusion");
  });
});
