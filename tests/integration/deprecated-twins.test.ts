import { DemoIds } from "@sstc/demo-data";
import { as, startTestGraph, type TestGraph } from "../support/graph";
import { addPortalFixtures } from "../support/portal-fixtures";

/*
 * Fields renamed so that identifiers say "program" and fields are named
 * after what they return (README, "Naming"). Each old name stays,
 * deprecated, until its removal (CHANGELOG.md), and must answer exactly
 * what its replacement answers, for every role. A draft programme with an
 * edition, a participant and a partnership makes the public's answers
 * differ from the partner role's, so a twin that ignored the caller would
 * show.
 */
const TWINS: Array<{ type: string; deprecated: string; replacement: string }> = [
  { type: "CooperationStatistics", deprecated: "programmeCount", replacement: "programCount" },
  { type: "CooperationStatistics", deprecated: "programmesByYear", replacement: "programsByYear" },
  { type: "CooperationStatistics", deprecated: "programmesByModality", replacement: "programsByModality" },
  { type: "CooperationStatistics", deprecated: "programmesBySdgGoal", replacement: "programsBySdgGoal" },
  { type: "CountryCooperationStats", deprecated: "programmesAttended", replacement: "programsAttended" },
  { type: "CountryCooperationStats", deprecated: "programmesHosted", replacement: "programsHosted" },
  { type: "InstitutionCooperationStats", deprecated: "programmesAttended", replacement: "programsAttended" },
  { type: "InstitutionCooperationStats", deprecated: "programmesHosted", replacement: "programsHosted" },
  { type: "InstitutionCooperationStats", deprecated: "programmesLed", replacement: "programsLed" },
  { type: "Partner", deprecated: "programs", replacement: "partnerships" },
  { type: "Partner", deprecated: "agreements", replacement: "agreementParties" },
  { type: "Institution", deprecated: "programs", replacement: "ledPrograms" },
];

const PARTNERSHIPS = "totalCount pageInfo { hasNextPage endCursor } nodes { id role program { id code } }";
const AGREEMENT_PARTIES = "totalCount pageInfo { hasNextPage endCursor } nodes { id role agreement { id kind } }";

/** Every twin and its replacement side by side, as one client would ask. */
const SIDE_BY_SIDE = `{
  statistics {
    programCount programmeCount
    programsByYear { key count } programmesByYear { key count }
    programsByModality { key count } programmesByModality { key count }
    programsBySdgGoal { key count } programmesBySdgGoal { key count }
  }
  country(code: "LK") { cooperationStats { programsAttended programmesAttended programsHosted programmesHosted } }
  institution(id: "${DemoIds.institution.perpusnas}") {
    cooperationStats { programsAttended programmesAttended programsHosted programmesHosted programsLed programmesLed }
    ledPrograms(first: 10) { totalCount nodes { code } } programs(first: 10) { totalCount nodes { code } }
  }
  partners(first: 5) {
    nodes {
      acronym
      partnerships(first: 10) { ${PARTNERSHIPS} } programs(first: 10) { ${PARTNERSHIPS} }
      agreementParties(first: 10) { ${AGREEMENT_PARTIES} } agreements(first: 10) { ${AGREEMENT_PARTIES} }
    }
  }
}`;

let graph: TestGraph;
const callers: Record<"public" | "partner", Record<string, string> | undefined> = { public: undefined, partner: undefined };

async function ok(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const result = await graph.query(query, variables, headers);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

beforeAll(async () => {
  graph = await startTestGraph();
  await addPortalFixtures(graph);
  callers.partner = await as("partner");
  const admin = await as("admin", { subject: "admin@sstc" });
  const { createProgram } = await ok(
    `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
    {
      input: {
        code: "DRAFT-TWIN",
        titleEn: "Unannounced library exchange",
        modality: "TRIANGULAR",
        sdgGoals: [4],
        sdgTargets: [],
        status: "PIPELINE",
        leadInstitutionId: DemoIds.institution.perpusnas,
        published: false,
      },
    },
    admin,
  );
  await ok(
    `mutation($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id } }`,
    { input: { programId: createProgram.id, partnerId: DemoIds.partner.perpusnas, role: "FUNDING" } },
    admin,
  );
  const { createEdition } = await ok(
    `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
    {
      input: {
        programId: createProgram.id,
        titleEn: "Unannounced library exchange 2025",
        plannedStartDate: "2025-05-05",
        plannedEndDate: "2025-05-09",
        venueCountryCode: "LK",
        hostInstitutionId: DemoIds.institution.perpusnas,
        invitedCountryCodes: ["LK"],
        status: "PIPELINE",
      },
    },
    admin,
  );
  const { people } = await ok(`{ people(first: 1) { nodes { id } } }`, undefined, admin);
  await ok(
    `mutation($input: ParticipationInput!) { registerParticipation(editionId: "${createEdition.id}", input: $input) { id } }`,
    { input: { personId: people.nodes[0].id, role: "PARTICIPANT", countryCode: "LK" } },
    admin,
  );
});
afterAll(() => graph?.stop());

/** The objects of a SIDE_BY_SIDE answer that carry the twins of `type`. */
function holders(data: any, type: string): any[] {
  switch (type) {
    case "CooperationStatistics":
      return [data.statistics];
    case "CountryCooperationStats":
      return [data.country.cooperationStats];
    case "InstitutionCooperationStats":
      return [data.institution.cooperationStats];
    case "Institution":
      return [data.institution];
    default:
      return data.partners.nodes;
  }
}

describe.each(["public", "partner"] as const)("for the %s role", (role) => {
  it.each(TWINS)("$type: $deprecated answers what $replacement answers", async ({ type, deprecated, replacement }) => {
    const data = await ok(SIDE_BY_SIDE, undefined, callers[role]);
    for (const holder of holders(data, type)) expect(holder[deprecated]).toEqual(holder[replacement]);
    // Not two empty answers: each replacement has something to count or list.
    const answers = holders(data, type).map((holder) => holder[replacement]);
    expect(answers.some((a) => (typeof a === "number" ? a > 0 : Array.isArray(a) ? a.length > 0 : a.totalCount > 0))).toBe(true);
  });

  it("pages Partner.programs with Partner.partnerships' cursors, and the other way round", async () => {
    const page = (field: string, after?: string) =>
      ok(
        `query($after: String) { partner(id: "${DemoIds.partner.colomboPlan}") { ${field}(first: 1, after: $after) { ${PARTNERSHIPS} } } }`,
        { after },
        callers[role],
      ).then((data) => data.partner[field]);
    const first = await page("partnerships");
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(await page("programs")).toEqual(first);
    expect(await page("programs", first.pageInfo.endCursor)).toEqual(await page("partnerships", first.pageInfo.endCursor));
  });
});

it("gives the draft to the partner role and not to the public, through the replacements and their twins alike", async () => {
  const asPublic = await ok(SIDE_BY_SIDE);
  const asPartner = await ok(SIDE_BY_SIDE, undefined, callers.partner);
  const perpusnas = (data: any) => data.partners.nodes.find((p: any) => p.acronym === "Perpusnas");
  for (const field of ["programCount", "programmeCount"]) expect(asPartner.statistics[field]).toBe(asPublic.statistics[field] + 1);
  for (const field of ["programsHosted", "programmesHosted"])
    expect(asPartner.country.cooperationStats[field]).toBe(asPublic.country.cooperationStats[field] + 1);
  for (const field of ["programsLed", "programmesLed"])
    expect(asPartner.institution.cooperationStats[field]).toBe(asPublic.institution.cooperationStats[field] + 1);
  for (const field of ["partnerships", "programs"]) expect(perpusnas(asPartner)[field].totalCount).toBe(perpusnas(asPublic)[field].totalCount + 1);
});

describe("introspection", () => {
  const INTROSPECT = `query($name: String!) { __type(name: $name) { fields(includeDeprecated: true) { name description isDeprecated deprecationReason } } }`;
  const fieldsOf = async (type: string) => {
    const data = await ok(INTROSPECT, { name: type });
    return new Map<string, { description: string; isDeprecated: boolean; deprecationReason: string | null }>(data.__type.fields.map((f: any) => [f.name, f]));
  };

  it.each(TWINS)("shows $type: $deprecated deprecated with a reason naming $replacement, which is not", async ({ type, deprecated, replacement }) => {
    const fields = await fieldsOf(type);
    expect(fields.get(deprecated)).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining(`\`${replacement}\``) });
    expect(fields.get(replacement)).toMatchObject({ isDeprecated: false, deprecationReason: null });
    expect(fields.get(deprecated)!.description).toBe(fields.get(replacement)!.description);
  });

  it("leaves the deprecated twins out when deprecated fields are not asked for", async () => {
    const data = await ok(`{ __type(name: "CooperationStatistics") { fields { name } } }`);
    const names = data.__type.fields.map((f: any) => f.name);
    expect(names).toContain("programCount");
    expect(names).not.toContain("programmeCount");
  });
});
