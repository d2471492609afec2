import { DemoIds } from "@sstc/demo-data";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Drafts on every path where a programme or edition id crosses a subgraph:
 * the partners subgraph's partnership lists and programme references, the
 * institutions' and countries' fields the programs subgraph contributes.
 * Hidden from the public role; seen by the partner role and above.
 */
let graph: TestGraph;
let admin: Record<string, string>;
const callers: Record<"public" | "partner" | "admin", Record<string, string> | undefined> = { public: undefined, partner: undefined, admin: undefined };
const PERPUSNAS_PARTNER = DemoIds.partner.perpusnas;
const PERPUSNAS = DemoIds.institution.perpusnas;
let draftProgramId: string;
let draftEditionId: string;

async function ok(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const result = await graph.query(query, variables, headers);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

beforeAll(async () => {
  graph = await startTestGraph();
  admin = await as("admin", { subject: "admin@sstc" });
  callers.admin = admin;
  callers.partner = await as("partner");
  const program = await ok(
    `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
    {
      input: {
        code: "DRAFT-X",
        titleEn: "Unannounced exchange",
        sdgGoals: [4],
        sdgTargets: [],
        status: "PIPELINE",
        leadInstitutionId: PERPUSNAS,
        published: false,
      },
    },
    admin,
  );
  draftProgramId = program.createProgram.id;
  await ok(
    `mutation($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id } }`,
    { input: { programId: draftProgramId, partnerId: PERPUSNAS_PARTNER, role: "FUNDING" } },
    admin,
  );
  const edition = await ok(
    `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
    {
      input: {
        programId: DemoIds.program.tpbisColomboPlan,
        titleEn: "TPBIS 2026 (draft)",
        plannedStartDate: "2026-11-09",
        plannedEndDate: "2026-11-13",
        venueCountryCode: "ID",
        hostInstitutionId: PERPUSNAS,
        invitedCountryCodes: ["LK"],
        status: "PIPELINE",
        published: false,
      },
    },
    admin,
  );
  draftEditionId = edition.createEdition.id;
  const people = await ok(`{ people(first: 1) { nodes { id } } }`, undefined, admin);
  await ok(
    `mutation($input: ParticipationInput!) { registerParticipation(editionId: "${draftEditionId}", input: $input) { id } }`,
    { input: { personId: people.people.nodes[0].id, role: "PARTICIPANT", countryCode: "LK" } },
    admin,
  );
});
afterAll(() => graph?.stop());

const PARTNER_PARTNERSHIPS = `{
  partner(id: "${PERPUSNAS_PARTNER}") {
    name
    partnerships(first: 50) { totalCount nodes { role program { id partnerships { totalCount nodes { role } } } } }
  }
}`;

const INSTITUTION_PAGE = `{
  institution(id: "${PERPUSNAS}") {
    name
    programs(first: 100) { totalCount nodes { id } }
    hostedEditions(first: 100) { totalCount nodes { id } }
    cooperationStats { programsLed editionsHosted }
  }
}`;

const programIds = (partner: any) => partner.partnerships.nodes.map((n: any) => n.program?.id);

describe("the public role", () => {
  it("does not see a draft programme's partnership in a partner's partnerships, not even its id; counts and pages leave it out", async () => {
    const { partner } = await ok(PARTNER_PARTNERSHIPS);
    expect(programIds(partner)).not.toContain(draftProgramId);
    expect(partner.partnerships.nodes.every((n: any) => n.program !== null)).toBe(true);
    expect(partner.partnerships.nodes.map((n: any) => n.role)).not.toContain("FUNDING");
    expect(partner.partnerships.totalCount).toBe(partner.partnerships.nodes.length);
    const { partner: asPartner } = await ok(PARTNER_PARTNERSHIPS, undefined, callers.partner);
    expect(partner.partnerships.totalCount).toBe(asPartner.partnerships.totalCount - 1);
    const firstPage = await ok(
      `{ partner(id: "${PERPUSNAS_PARTNER}") { partnerships(first: 1) { pageInfo { hasNextPage endCursor } nodes { program { id } } } } }`,
    );
    const cursor = firstPage.partner.partnerships.pageInfo.endCursor;
    const rest = await ok(`{ partner(id: "${PERPUSNAS_PARTNER}") { partnerships(first: 50, after: "${cursor}") { nodes { program { id } } } } }`);
    const paged = [...firstPage.partner.partnerships.nodes, ...rest.partner.partnerships.nodes].map((n: any) => n.program.id);
    expect(paged).toEqual(programIds(partner));
  });

  it("does not find the draft through the partner filter of programmes", async () => {
    const { programs } = await ok(`{ programs(first: 100, filter: { partnerId: "${PERPUSNAS_PARTNER}" }) { nodes { id } } }`);
    expect(programs.nodes.map((n: any) => n.id)).not.toContain(draftProgramId);
  });

  it("does not see drafts in the fields programs contributes to institutions and countries", async () => {
    const { institution } = await ok(INSTITUTION_PAGE);
    const { institution: asPartner } = await ok(INSTITUTION_PAGE, undefined, callers.partner);
    expect(institution.programs.nodes.map((n: any) => n.id)).not.toContain(draftProgramId);
    expect(institution.hostedEditions.nodes.map((n: any) => n.id)).not.toContain(draftEditionId);
    expect(institution.programs.totalCount).toBe(asPartner.programs.totalCount - 1);
    expect(institution.hostedEditions.totalCount).toBe(asPartner.hostedEditions.totalCount - 1);
    expect(institution.cooperationStats.programsLed).toBe(asPartner.cooperationStats.programsLed - 1);
    expect(institution.cooperationStats.editionsHosted).toBe(asPartner.cooperationStats.editionsHosted - 1);
    const country = `{ country(code: "LK") { cooperationStats { editionsAttended participations } } }`;
    const lk = (await ok(country)).country.cooperationStats;
    const lkAsPartner = (await ok(country, undefined, callers.partner)).country.cooperationStats;
    expect(lk.editionsAttended).toBe(lkAsPartner.editionsAttended - 1);
    expect(lk.participations).toBe(lkAsPartner.participations - 1);
  });

  it("may not list a country's participations at all, so none in a draft edition", async () => {
    const result = await graph.query(`{ country(code: "LK") { participations { nodes { edition { id } } } } }`);
    expect(codes(result)).toEqual(["FORBIDDEN"]);
    expect(JSON.stringify(result.data)).not.toContain(draftEditionId);
  });

  it("gets null for a draft through the programme and edition queries of another path", async () => {
    expect(codes(await graph.query(`{ program(id: "${draftProgramId}") { id } }`))).toEqual(["NOT_FOUND"]);
    expect(codes(await graph.query(`{ edition(id: "${draftEditionId}") { id } }`))).toEqual(["NOT_FOUND"]);
  });
});

describe.each(["partner", "admin"] as const)("the %s role", (role) => {
  it("sees the draft programme's partnership, its programme and that programme's partnerships", async () => {
    const { partner } = await ok(PARTNER_PARTNERSHIPS, undefined, callers[role]);
    const draft = partner.partnerships.nodes.find((n: any) => n.program?.id === draftProgramId);
    expect(draft).toEqual({ role: "FUNDING", program: { id: draftProgramId, partnerships: { totalCount: 1, nodes: [{ role: "FUNDING" }] } } });
    expect(partner.partnerships.totalCount).toBe(partner.partnerships.nodes.length);
  });

  it("finds the draft through the partner filter and the institution's contributed fields", async () => {
    const { programs } = await ok(`{ programs(first: 100, filter: { partnerId: "${PERPUSNAS_PARTNER}" }) { nodes { id } } }`, undefined, callers[role]);
    expect(programs.nodes.map((n: any) => n.id)).toContain(draftProgramId);
    const { institution } = await ok(INSTITUTION_PAGE, undefined, callers[role]);
    expect(institution.programs.nodes.map((n: any) => n.id)).toContain(draftProgramId);
    expect(institution.hostedEditions.nodes.map((n: any) => n.id)).toContain(draftEditionId);
  });

  it("sees a participation in a draft edition on the country page, with its edition", async () => {
    const { country } = await ok(`{ country(code: "LK") { participations(first: 50) { nodes { edition { id published } } } } }`, undefined, callers[role]);
    expect(country.participations.nodes.map((n: any) => n.edition)).toContainEqual({ id: draftEditionId, published: false });
  });
});

describe("when the programs subgraph cannot say which programmes are drafts", () => {
  let cut: TestGraph;
  beforeAll(async () => {
    // The partners subgraph alone is given a dead address for programs.
    cut = await startTestGraph({ subgraphEnv: { PROGRAMS_URL: "http://127.0.0.1:9/graphql" } });
  });
  afterAll(() => cut?.stop());

  it("fails the public's partnership list closed: an error at that field, no partnership shown, no internal address", async () => {
    const result = await cut.query(`{ partner(id: "${PERPUSNAS_PARTNER}") { name partnerships { totalCount nodes { role program { id } } } } }`);
    expect(codes(result)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(result.errors![0].path).toEqual(["partner", "partnerships"]);
    // Partner.partnerships is nullable: the failure nulls that list alone and the partner stands.
    expect(result.data).toEqual({ partner: { name: expect.any(String), partnerships: null } });
    expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });

  it("fails a programme reference closed for the partner role, while its partnership list needs no call", async () => {
    const listed = await cut.query(`{ partner(id: "${PERPUSNAS_PARTNER}") { partnerships { totalCount nodes { role } } } }`, undefined, await as("partner"));
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.partner.partnerships.totalCount).toBeGreaterThan(0);
    const referenced = await cut.query(
      `{ partner(id: "${PERPUSNAS_PARTNER}") { partnerships { nodes { role program { id } } } } }`,
      undefined,
      await as("partner"),
    );
    expect(codes(referenced)).toContain("SERVICE_UNAVAILABLE");
    expect(referenced.data?.partner?.partnerships.nodes.every((n: any) => n.program === null) ?? true).toBe(true);
  });
});

describe("a published edition of a draft programme", () => {
  let hiddenEditionId: string;
  beforeAll(async () => {
    const edition = await ok(
      `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
      {
        input: {
          programId: draftProgramId,
          titleEn: "Published run of an unannounced programme",
          plannedStartDate: "2027-02-01",
          plannedEndDate: "2027-02-05",
          venueCountryCode: "ID",
          hostInstitutionId: PERPUSNAS,
          invitedCountryCodes: [],
          status: "PIPELINE",
          published: true,
        },
      },
      admin,
    );
    hiddenEditionId = edition.createEdition.id;
  });

  const READS = (id: string) => `{
    editions(first: 100) { nodes { id } }
    institution(id: "${PERPUSNAS}") { hostedEditions(first: 100) { nodes { id } } }
    byId: edition(id: "${id}") { id }
  }`;

  it("is hidden from the public with its programme: not listed, not found by id", async () => {
    const result = await graph.query(READS(hiddenEditionId));
    expect(codes(result)).toEqual(["NOT_FOUND"]);
    expect(result.data!.byId).toBeNull();
    expect(result.data!.editions.nodes.map((n: { id: string }) => n.id)).not.toContain(hiddenEditionId);
    expect(result.data!.institution.hostedEditions.nodes.map((n: { id: string }) => n.id)).not.toContain(hiddenEditionId);
  });

  it("is seen by partners and admins", async () => {
    for (const caller of [callers.partner, callers.admin]) {
      const data = await ok(READS(hiddenEditionId), undefined, caller);
      expect(data.byId).toEqual({ id: hiddenEditionId });
      expect(data.editions.nodes.map((n: { id: string }) => n.id)).toContain(hiddenEditionId);
      expect(data.institution.hostedEditions.nodes.map((n: { id: string }) => n.id)).toContain(hiddenEditionId);
    }
  });
});
