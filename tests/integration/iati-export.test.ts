import { iati } from "@sstc/programs";
import { as, codes, expectData, startTestGraph, type TestGraph } from "../support/graph";
import { IATI_EXPORT, schemaDirForTests } from "../support/iati";

let graph: TestGraph;
let schemaDir: string;
beforeAll(async () => {
  schemaDir = schemaDirForTests();
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

const exportXml = async (variables: Record<string, unknown>, headers?: Record<string, string>) =>
  expectData(await graph.query<{ iatiActivities: string }>(IATI_EXPORT, variables, headers)).iatiActivities;

describe("IATI export of the TPBIS demo", () => {
  it("passes the official IATI 2.03 XSD, checked by xmllint", async () => {
    const xml = await exportXml({});
    expect(iati.validateWithXsd(xml, schemaDir)).toEqual([]);
    const { activities, problems } = iati.readIatiActivities(xml);
    expect(problems).toEqual([]);
    expect(activities.map((a) => a.activity.identifier)).toEqual(
      expect.arrayContaining(["XX-SSTC-kemensetneg-SSTC", "XX-SSTC-perpusnas-TPBIS", "XX-SSTC-perpusnas-TPBIS-CP"]),
    );
  });

  it("maps TPBIS-CP to a parent activity and its 2023 edition to a child, with what IATI asks of each", async () => {
    const xml = await exportXml({ programCode: "TPBIS-CP" });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03" generated-datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
    const [program, edition, ...rest] = iati.readIatiActivities(xml).activities.map((a) => a.activity);
    expect(rest).toEqual([]);
    expect(program).toMatchObject({
      identifier: "XX-SSTC-perpusnas-TPBIS-CP",
      hierarchy: 1,
      reportingOrg: { ref: "XX-SSTC-perpusnas", type: "10", name: { en: "National Library of Indonesia" } },
      title: { en: "Sharing TPBIS Good Practices with Colombo Plan Countries", id: "Berbagi Praktik Baik TPBIS dengan Negara-Negara Colombo Plan" },
      status: "2",
      related: expect.arrayContaining([
        { ref: "XX-SSTC-kemensetneg-SSTC", type: "1" },
        { ref: edition.identifier, type: "2" },
      ]),
    });
    expect(program.tags).toEqual([
      ...["4", "10", "16", "17"].map((code) => ({ vocabulary: "2", code })),
      ...["4.6", "10.2", "16.10", "17.9"].map((code) => ({ vocabulary: "3", code })),
    ]);
    expect(program.participatingOrgs.map((o) => [o.ref, o.role, o.type])).toEqual([
      ["XX-SSTC-perpusnas", "2", "10"],
      ["XX-SSTC-perpusnas", "4", "10"],
    ]);
    expect(edition).toMatchObject({
      hierarchy: 2,
      status: "4",
      title: { en: "TPBIS Good Practice Sharing with Colombo Plan Countries 2023" },
      dates: [
        { type: "1", isoDate: "2023-11-13" },
        { type: "2", isoDate: "2023-11-13" },
        { type: "3", isoDate: "2023-11-17" },
        { type: "4", isoDate: "2023-11-17" },
      ],
      related: [{ ref: "XX-SSTC-perpusnas-TPBIS-CP", type: "1" }],
    });
    expect(edition.recipientCountries.map((c) => c.code).sort()).toEqual(["LA", "LK", "MM", "MY", "NP", "VN"]);
    expect(edition.recipientCountries.reduce((sum, c) => sum + c.percentage, 0)).toBeCloseTo(100, 5);
    // The host, and the edition's own partners (co-organisers: Implementing, with the graph's role beside it).
    expect(edition.participatingOrgs.map((o) => [o.ref, o.role, o.sstc?.partnershipRole ?? null])).toEqual(
      expect.arrayContaining([
        ["XX-SSTC-perpusnas", "4", null],
        ["XX-SSTC-kemensetneg", "4", "CO_ORGANISER"],
      ]),
    );
    // The closing's speaker acts in a public capacity; the placeholder participants are not contacts.
    expect(edition.contacts).toEqual([expect.objectContaining({ personName: "Ofy Sofiana" })]);
    expect(edition.results).toHaveLength(8);
    expect(edition.results.every((r) => r.type === "2" && r.indicator.measure === "5")).toBe(true);
    expect(iati.validateWithXsd(xml, schemaDir)).toEqual([]);
  });

  it("emits only codes of the IATI code lists", async () => {
    const activities = iati.readIatiActivities(await exportXml({})).activities.map((a) => a.activity);
    const used: Array<[keyof typeof iati.CODE_LISTS, string]> = activities.flatMap((a) => [
      ["ActivityStatus", a.status] as [keyof typeof iati.CODE_LISTS, string],
      ["OrganisationType", a.reportingOrg.type],
      ...a.participatingOrgs.flatMap((o): Array<[keyof typeof iati.CODE_LISTS, string]> => [
        ["OrganisationRole", o.role],
        ["OrganisationType", o.type],
      ]),
      ...a.dates.map((d): [keyof typeof iati.CODE_LISTS, string] => ["ActivityDateType", d.type]),
      ...a.tags.map((t): [keyof typeof iati.CODE_LISTS, string] => ["TagVocabulary", t.vocabulary]),
      ...a.tags.filter((t) => t.vocabulary === "2").map((t): [keyof typeof iati.CODE_LISTS, string] => ["SdgGoal", t.code]),
      ...a.related.map((r): [keyof typeof iati.CODE_LISTS, string] => ["RelatedActivityType", r.type]),
      ...a.results.flatMap((r): Array<[keyof typeof iati.CODE_LISTS, string]> => [
        ["ResultType", r.type],
        ["IndicatorMeasure", r.indicator.measure],
      ]),
      ...a.documentLinks.map((d): [keyof typeof iati.CODE_LISTS, string] => ["DocumentCategory", d.category]),
    ]);
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter(([list, code]) => !(code in iati.CODE_LISTS[list]))).toEqual([]);
  });

  it("holds only what the caller may see: the public export leaves out a draft edition, a partner's export shows it", async () => {
    const admin = await as("admin");
    const program = expectData(
      await graph.query<{ programByCode: { id: string } }>(`query P { programByCode(code: "TPBIS") { id } }`, {}, admin),
    ).programByCode;
    const created = await graph.query(
      `mutation Draft($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
      {
        input: {
          programId: program.id,
          titleEn: "Unpublished TPBIS edition",
          plannedStartDate: "2030-01-06",
          plannedEndDate: "2030-01-10",
          hostInstitutionId: "00000000-0000-4000-8000-000100000001",
          venueCountryCode: "ID",
          invitedCountryCodes: ["NP"],
          status: "PIPELINE",
          published: false,
        },
      },
      admin,
    );
    expect(codes(created)).toEqual([]);
    expect(await exportXml({ programCode: "TPBIS" })).not.toContain("Unpublished TPBIS edition");
    const forPartner = await exportXml({ programCode: "TPBIS" }, await as("partner"));
    expect(forPartner).toContain("Unpublished TPBIS edition");
    expect(iati.validateWithXsd(forPartner, schemaDir)).toEqual([]);
  });

  it("answers NOT_FOUND for a programme code that names nothing", async () => {
    const result = await graph.query(IATI_EXPORT, { programCode: "NO-SUCH" });
    expect(codes(result)).toEqual(["NOT_FOUND"]);
    expect(result.data?.iatiActivities).toBeNull();
  });

  it("filters like programs: by SDG goal", async () => {
    const ids = iati.readIatiActivities(await exportXml({ filter: { sdgGoal: 4 } })).activities.map((a) => a.activity.identifier);
    expect(ids).toEqual(expect.arrayContaining(["XX-SSTC-perpusnas-TPBIS", "XX-SSTC-perpusnas-TPBIS-CP"]));
    expect(ids).not.toContain("XX-SSTC-kemensetneg-SSTC");
  });
});
