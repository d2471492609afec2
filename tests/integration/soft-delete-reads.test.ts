import { DemoIds } from "@sstc/demo-data";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Reads after soft deletes: a reference to a deleted record is null for the
 * public and partner roles and the record itself, marked by `deletedAt`, for
 * editors and admins. Never an error, and nothing unrelated goes missing.
 */
let graph: TestGraph;
let admin: Record<string, string>;
const callers: Record<"public" | "partner" | "editor" | "admin", Record<string, string> | undefined> = {
  public: undefined,
  partner: undefined,
  editor: undefined,
  admin: undefined,
};
const EDITION = DemoIds.edition.tpbisColomboPlan2023;
const MUTIARA = DemoIds.institution.mutiaraRawaBinongLibrary;
const KEMENSETNEG = DemoIds.partner.kemensetneg;
let deletedPersonId: string;
let deletedEditionId: string;
let deletedProgramId: string;

async function ok(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const result = await graph.query(query, variables, headers);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function versionOf(type: "person" | "edition" | "institution" | "partner" | "program", id: string) {
  return (await ok(`{ ${type}(id: "${id}") { version } }`, undefined, admin))[type].version as number;
}

beforeAll(async () => {
  graph = await startTestGraph();
  admin = await as("admin", { subject: "admin@sstc" });
  callers.admin = admin;
  callers.partner = await as("partner");
  // An editor of an institution that owns none of the deleted records: seeing them marked is not about ownership.
  callers.editor = await as("editor", { institutionId: DemoIds.institution.kemenlu });

  // A person registered for the 2023 edition.
  const seedList = await ok(`{ edition(id: "${EDITION}") { participations(first: 50) { nodes { person { id } country { code } } } } }`, undefined, admin);
  const nodes = seedList.edition.participations.nodes as Array<{ person: { id: string }; country: { code: string } }>;
  deletedPersonId = nodes.find((n) => n.country.code === "LK")!.person.id;
  const stayingPersonId = nodes.find((n) => n.country.code === "MY")!.person.id;
  await ok(`mutation { deletePerson(id: "${deletedPersonId}", version: ${await versionOf("person", deletedPersonId)}) }`, undefined, admin);

  // An edition with a participation from Sri Lanka.
  const created = await ok(
    `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
    {
      input: {
        programId: DemoIds.program.tpbisColomboPlan,
        titleEn: "TPBIS 2024 (cancelled)",
        plannedStartDate: "2024-11-11",
        plannedEndDate: "2024-11-15",
        venueCountryCode: "ID",
        hostInstitutionId: DemoIds.institution.perpusnas,
        invitedCountryCodes: ["LK"],
        status: "CANCELLED",
      },
    },
    admin,
  );
  deletedEditionId = created.createEdition.id;
  await ok(
    `mutation($input: ParticipationInput!) { registerParticipation(editionId: "${deletedEditionId}", input: $input) { id } }`,
    { input: { personId: stayingPersonId, role: "PARTICIPANT", countryCode: "LK" } },
    admin,
  );
  await ok(`mutation { deleteEdition(id: "${deletedEditionId}", version: ${await versionOf("edition", deletedEditionId)}) }`, undefined, admin);

  // The institution that was the site of the library visit, and a partner of the programme and of the agreement.
  await ok(`mutation { deleteInstitution(id: "${MUTIARA}", version: ${await versionOf("institution", MUTIARA)}) }`, undefined, admin);
  await ok(`mutation { deletePartner(id: "${KEMENSETNEG}", version: ${await versionOf("partner", KEMENSETNEG)}) }`, undefined, admin);

  // A programme with a partnership.
  const program = await ok(
    `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
    {
      input: {
        code: "GONE-1",
        titleEn: "Withdrawn programme",
        sdgGoals: [4],
        sdgTargets: [],
        status: "CANCELLED",
        leadInstitutionId: DemoIds.institution.perpusnas,
      },
    },
    admin,
  );
  deletedProgramId = program.createProgram.id;
  await ok(
    `mutation($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id } }`,
    { input: { programId: deletedProgramId, partnerId: DemoIds.partner.perpusnas, role: "IMPLEMENTING" } },
    admin,
  );
  await ok(`mutation { deleteProgram(id: "${deletedProgramId}", version: ${await versionOf("program", deletedProgramId)}) }`, undefined, admin);
});
afterAll(() => graph?.stop());

const STORY = `{
  programByCode(code: "TPBIS-CP") {
    code title
    partnerships(first: 50) { totalCount nodes { role partner { name deletedAt } } }
    editions {
      totalCount
      nodes { id title hostInstitution { name } activities { nodes { title site { name deletedAt } } } }
    }
  }
  agreement(id: "${DemoIds.agreement.sstcColomboPlan}") { title parties { totalCount nodes { role partner { name deletedAt } } } }
}`;

// The person's own fields are asked for, a non-null one among them: a key alone is what the participation itself holds, and
// fields that are all nullable (fullName is, being gated) would leave the key standing (see the README on deleted references).
const PARTICIPANTS = `{
  edition(id: "${EDITION}") {
    id
    participations(first: 50) { totalCount nodes { role country { code } edition { id } person { id isPlaceholder fullName deletedAt } } }
  }
}`;

const COUNTRY_PAGE = `{
  country(code: "LK") {
    name
    cooperationStats { participantsSent editionsAttended }
    participations(first: 50) { totalCount nodes { role edition { id deletedAt } } }
  }
}`;

const PARTNER_PARTNERSHIPS = `{
  partner(id: "${DemoIds.partner.perpusnas}") { name partnerships(first: 50) { totalCount nodes { role program { id code deletedAt } } } }
}`;

const visit = (story: any) => story.programByCode.editions.nodes.flatMap((e: any) => e.activities.nodes).find((a: any) => /Mutiara/.test(a.title));

describe.each(["public", "partner"] as const)("for the %s role a deleted record reads as null", (role) => {
  it("in the seed story: the visit's site and the deleted partner are null, everything else is there", async () => {
    const story = await ok(STORY, undefined, callers[role]);
    expect(story.programByCode).toMatchObject({ code: "TPBIS-CP", editions: { totalCount: 1 } });
    expect(story.programByCode.editions.nodes[0].hostInstitution.name).toMatch(/National Library/);
    expect(visit(story).site).toBeNull();
    const partnerships = story.programByCode.partnerships.nodes;
    expect(partnerships.filter((p: any) => p.partner === null).map((p: any) => p.role)).toEqual(["CO_ORGANISER"]);
    expect(partnerships.filter((p: any) => p.partner !== null).length).toBe(story.programByCode.partnerships.totalCount - 1);
    const parties = story.agreement.parties.nodes;
    expect(parties.filter((p: any) => p.partner === null)).toHaveLength(1);
    expect(parties.filter((p: any) => p.partner !== null).every((p: any) => p.partner.deletedAt === null)).toBe(true);
  });

  it("in a partner's partnerships: the deleted programme's partnership is listed with programme null", async () => {
    const { partner } = await ok(PARTNER_PARTNERSHIPS, undefined, callers[role]);
    const programs = partner.partnerships.nodes.map((n: any) => n.program);
    expect(partner.partnerships.totalCount).toBe(programs.length);
    expect(programs.filter((p: any) => p === null)).toHaveLength(1);
    expect(programs.filter((p: any) => p !== null).map((p: any) => p.code)).toContain("TPBIS-CP");
    expect(programs.map((p: any) => p?.id)).not.toContain(deletedProgramId);
  });
});

describe("for the partner role", () => {
  it("a deleted participant is null on its participation, and every participation keeps its edition", async () => {
    const { edition } = await ok(PARTICIPANTS, undefined, callers.partner);
    const nodes = edition.participations.nodes;
    expect(nodes).toHaveLength(edition.participations.totalCount);
    expect(nodes.every((n: any) => n.edition?.id === EDITION)).toBe(true);
    expect(nodes.filter((n: any) => n.person === null).map((n: any) => n.country.code)).toEqual(["LK"]);
    expect(nodes.filter((n: any) => n.person !== null)).toHaveLength(nodes.length - 1);
  });

  it("a country page lists a participation in a deleted edition with edition null, and leaves it out of the counts", async () => {
    const { country } = await ok(COUNTRY_PAGE, undefined, callers.partner);
    expect(country.name).toBe("Sri Lanka");
    const editions = country.participations.nodes.map((n: any) => n.edition?.id ?? null);
    expect(editions).toContain(null);
    expect(editions).toContain(EDITION);
    expect(editions).not.toContain(deletedEditionId);
    expect(country.cooperationStats.editionsAttended).toBe(1);
  });
});

describe.each(["editor", "admin"] as const)("for the %s role a deleted record is there, marked", (role) => {
  it("in the seed story: the visit's site and the deleted partner carry deletedAt; live records do not", async () => {
    const story = await ok(STORY, undefined, callers[role]);
    expect(visit(story).site).toEqual({ name: "Mutiara Rawa Binong Library", deletedAt: expect.any(String) });
    const partnerships = story.programByCode.partnerships.nodes;
    expect(partnerships.every((p: any) => p.partner !== null)).toBe(true);
    const marked = partnerships.filter((p: any) => p.partner.deletedAt !== null);
    expect(marked.map((p: any) => p.role)).toEqual(["CO_ORGANISER"]);
    expect(marked[0].partner.name).toBe("Ministry of State Secretariat");
    expect(story.agreement.parties.nodes.filter((p: any) => p.partner.deletedAt !== null)).toHaveLength(1);
  });

  it("in participation lists: the deleted person and the deleted edition, each marked", async () => {
    const { edition } = await ok(PARTICIPANTS, undefined, callers[role]);
    const marked = edition.participations.nodes.filter((n: any) => n.person.deletedAt !== null);
    expect(marked.map((n: any) => n.person.id)).toEqual([deletedPersonId]);
    expect(edition.participations.nodes.every((n: any) => n.edition.id === EDITION)).toBe(true);
    const { country } = await ok(COUNTRY_PAGE, undefined, callers[role]);
    const gone = country.participations.nodes.find((n: any) => n.edition.id === deletedEditionId);
    expect(gone.edition.deletedAt).toEqual(expect.any(String));
    expect(country.participations.nodes.filter((n: any) => n.edition.id === EDITION).every((n: any) => n.edition.deletedAt === null)).toBe(true);
  });

  it("in a partner's partnerships: the deleted programme, marked", async () => {
    const { partner } = await ok(PARTNER_PARTNERSHIPS, undefined, callers[role]);
    const gone = partner.partnerships.nodes.find((n: any) => n.program.id === deletedProgramId);
    expect(gone.program).toEqual({ id: deletedProgramId, code: "GONE-1", deletedAt: expect.any(String) });
  });
});

describe("deleted records stay out of lookups and lists for everyone", () => {
  it("by id they are NOT_FOUND, even for admins", async () => {
    expect(codes(await graph.query(`{ edition(id: "${deletedEditionId}") { id } }`, undefined, admin))).toEqual(["NOT_FOUND"]);
    expect(codes(await graph.query(`{ program(id: "${deletedProgramId}") { id } }`, undefined, admin))).toEqual(["NOT_FOUND"]);
    expect(codes(await graph.query(`{ institution(id: "${MUTIARA}") { id } }`, undefined, admin))).toEqual(["NOT_FOUND"]);
    expect(codes(await graph.query(`{ person(id: "${deletedPersonId}") { id } }`, undefined, admin))).toEqual(["NOT_FOUND"]);
  });

  it("lists leave them out", async () => {
    const data = await ok(
      `{ programs(first: 100) { nodes { id } } partners(first: 100) { nodes { id } } institutions(first: 100) { nodes { id } } people(first: 100) { nodes { id } } }`,
      undefined,
      admin,
    );
    expect(data.programs.nodes.map((n: any) => n.id)).not.toContain(deletedProgramId);
    expect(data.partners.nodes.map((n: any) => n.id)).not.toContain(KEMENSETNEG);
    expect(data.institutions.nodes.map((n: any) => n.id)).not.toContain(MUTIARA);
    expect(data.people.nodes.map((n: any) => n.id)).not.toContain(deletedPersonId);
  });

  it("a new reference to a deleted record is refused, for admins too", async () => {
    const result = await graph.query(
      `mutation($input: ParticipationInput!) { registerParticipation(editionId: "${EDITION}", input: $input) { id } }`,
      { input: { personId: deletedPersonId, role: "PARTICIPANT", countryCode: "LK" } },
      admin,
    );
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
  });
});
