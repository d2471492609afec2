import { DemoIds } from "@sstc/demo-data";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Editing through the gateway: validation, optimistic concurrency, soft
 * deletes, ownership, references across subgraphs, all-or-nothing batches
 * and the audit trail.
 */
let graph: TestGraph;
let perpusnasEditor: Record<string, string>;
let kemenluEditor: Record<string, string>;
let admin: Record<string, string>;
const EDITION = DemoIds.edition.tpbisColomboPlan2023;
const PERPUSNAS = DemoIds.institution.perpusnas;

beforeAll(async () => {
  graph = await startTestGraph();
  perpusnasEditor = await as("editor", { institutionId: PERPUSNAS, subject: "editor@perpusnas" });
  kemenluEditor = await as("editor", { institutionId: DemoIds.institution.kemenlu, subject: "editor@kemenlu" });
  admin = await as("admin", { subject: "admin@sstc" });
});
afterAll(() => graph?.stop());

const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id version kind title date site { name } } }`;
const UPDATE_ACTIVITY = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { id version title } }`;
const activityCount = async () =>
  (await graph.query(`{ edition(id: "${EDITION}") { activities { totalCount } } }`)).data!.edition.activities.totalCount as number;
const participationCount = async () =>
  (await graph.query(`{ edition(id: "${EDITION}") { participations { totalCount } } }`, undefined, admin)).data!.edition.participations.totalCount as number;

async function newActivity(title: string) {
  const result = await graph.query(
    CREATE_ACTIVITY,
    { input: { editionId: EDITION, kind: "WORKSHOP", titleEn: title, date: "2023-11-15", sequence: 4, siteInstitutionId: PERPUSNAS } },
    perpusnasEditor,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createActivity as { id: string; version: number };
}

describe("creating and updating", () => {
  it("lets the host institution's editor add an activity, with cross-subgraph site", async () => {
    const before = await activityCount();
    const result = await graph.query(
      CREATE_ACTIVITY,
      { input: { editionId: EDITION, kind: "WORKSHOP", titleEn: "Action planning workshop", date: "2023-11-16", siteInstitutionId: PERPUSNAS } },
      perpusnasEditor,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createActivity).toMatchObject({
      version: 1,
      kind: "WORKSHOP",
      title: "Action planning workshop",
      site: { name: "National Library of Indonesia" },
    });
    expect(await activityCount()).toBe(before + 1);
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const { id } = await newActivity("Conflict test");
    const first = await graph.query(UPDATE_ACTIVITY, { id, version: 1, input: { titleEn: "Edited once" } }, perpusnasEditor);
    expect(first.data!.updateActivity).toEqual({ id, version: 2, title: "Edited once" });
    const stale = await graph.query(UPDATE_ACTIVITY, { id, version: 1, input: { titleEn: "Lost update" } }, perpusnasEditor);
    expect(codes(stale)).toEqual(["CONFLICT"]);
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 2 });
    const now = await graph.query(
      `{ edition(id: "${EDITION}") { activities(first: 50) { nodes { id title version history { totalCount } } } } }`,
      undefined,
      perpusnasEditor,
    );
    const row = now.data!.edition.activities.nodes.find((a: any) => a.id === id);
    expect(row).toEqual({ id, title: "Edited once", version: 2, history: { totalCount: 2 } });
  });

  it("lets exactly one of two racing updates at the same version win", async () => {
    const { id } = await newActivity("Race test");
    const [a, b] = await Promise.all([
      graph.query(UPDATE_ACTIVITY, { id, version: 1, input: { titleEn: "Writer A" } }, perpusnasEditor),
      graph.query(UPDATE_ACTIVITY, { id, version: 1, input: { titleEn: "Writer B" } }, perpusnasEditor),
    ]);
    const outcomes = [a, b].map((r) => (r.errors ? codes(r)[0] : "OK")).sort();
    expect(outcomes).toEqual(["CONFLICT", "OK"]);
  });

  it("gives field-level messages for invalid input and stores nothing", async () => {
    const before = await activityCount();
    const result = await graph.query(CREATE_ACTIVITY, { input: { editionId: EDITION, kind: "WORKSHOP", titleEn: "x", sequence: -1 } }, perpusnasEditor);
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    const fields = result.errors![0].extensions!.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(["sequence", "titleEn"]);
    expect(await activityCount()).toBe(before);
  });

  it("names a value its type refuses (a Date that is no calendar day) as a field too, before any other check runs", async () => {
    const before = await activityCount();
    const result = await graph.query(CREATE_ACTIVITY, { input: { editionId: EDITION, kind: "WORKSHOP", titleEn: "x", date: "15/11/2023" } }, perpusnasEditor);
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors![0].extensions!.fields).toEqual([
      { field: "date", messages: ["A Date must be a real calendar day written YYYY-MM-DD (years 0001–9999), such as 2023-11-13."] },
    ]);
    expect(await activityCount()).toBe(before);
  });

  it("soft-deletes: the record disappears from the graph but stays in the database", async () => {
    const { id } = await newActivity("To be deleted");
    const before = await activityCount();
    const deleted = await graph.query(`mutation { deleteActivity(id: "${id}", version: 1) }`, undefined, perpusnasEditor);
    expect(deleted.data).toEqual({ deleteActivity: id });
    expect(await activityCount()).toBe(before - 1);
    const row = await graph.subgraphs.programs.db.getRepository("Activity").findOne({ where: { id }, withDeleted: true });
    expect(row).toMatchObject({ id, version: 2 });
    expect((row as any).deletedAt).toBeInstanceOf(Date);
    const again = await graph.query(UPDATE_ACTIVITY, { id, version: 2, input: { titleEn: "Back?" } }, perpusnasEditor);
    expect(codes(again)).toEqual(["NOT_FOUND"]);
  });
});

describe("who may change what", () => {
  it("refuses an editor of another institution, and changes nothing", async () => {
    const { id } = await newActivity("Perpusnas only");
    const result = await graph.query(UPDATE_ACTIVITY, { id, version: 1, input: { titleEn: "Hijacked" } }, kemenluEditor);
    expect(codes(result)).toEqual(["FORBIDDEN"]);
    const inst = await graph.query(
      `mutation { updateInstitution(id: "${PERPUSNAS}", version: 1, input: { website: "https://evil.example" }) { website } }`,
      undefined,
      kemenluEditor,
    );
    expect(codes(inst)).toEqual(["FORBIDDEN"]);
    const check = await graph.query(`{ institution(id: "${PERPUSNAS}") { website version } }`);
    expect(check.data!.institution).toEqual({ website: "https://www.perpusnas.go.id", version: 1 });
  });

  it("refuses the public and partner roles", async () => {
    for (const headers of [{}, await as("partner")]) {
      const result = await graph.query(CREATE_ACTIVITY, { input: { editionId: EDITION, kind: "SESSION", titleEn: "Nope" } }, headers);
      expect(codes(result)).toEqual(["FORBIDDEN"]);
    }
  });

  it("lets an editor change their own institution, and an admin anything", async () => {
    const own = await graph.query(
      `mutation { updateInstitution(id: "${PERPUSNAS}", version: 1, input: { acronym: "PNRI" }) { acronym version } }`,
      undefined,
      perpusnasEditor,
    );
    expect(own.data!.updateInstitution).toEqual({ acronym: "PNRI", version: 2 });
    const other = await graph.query(
      `mutation { updateInstitution(id: "${DemoIds.institution.kemensetneg}", version: 1, input: { website: "https://www.setneg.go.id/" }) { version } }`,
      undefined,
      admin,
    );
    expect(other.data!.updateInstitution).toEqual({ version: 2 });
  });

  it("refuses a mutation sent with GET", async () => {
    const url = `${graph.gateway.graphqlUrl}?query=${encodeURIComponent(`mutation { deleteActivity(id: "${DemoIds.edition.tpbisColomboPlan2023}", version: 1) }`)}`;
    const res = await fetch(url, { headers: { "apollo-require-preflight": "true", ...perpusnasEditor } });
    expect(res.status).toBe(405);
  });
});

describe("registration", () => {
  async function newPeople(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await graph.query(
        `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
        { input: { fullName: `Registrant ${Date.now()}-${i}`, institutionId: PERPUSNAS } },
        perpusnasEditor,
      );
      expect(r.errors).toBeUndefined();
      ids.push(r.data!.createPerson.id);
    }
    return ids;
  }
  const REGISTER = `mutation($e: ID!, $p: [ParticipationInput!]!) { registerParticipations(editionId: $e, participations: $p) { id status person { fullName } } }`;

  it("registers a batch with references checked in the institutions subgraph", async () => {
    const [a, b] = await newPeople(2);
    const before = await participationCount();
    const result = await graph.query(
      REGISTER,
      {
        e: EDITION,
        p: [
          { personId: a, role: "PARTICIPANT", countryCode: "ID", institutionId: PERPUSNAS },
          { personId: b, role: "FACILITATOR", countryCode: "ID" },
        ],
      },
      perpusnasEditor,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerParticipations).toHaveLength(2);
    expect(result.data!.registerParticipations[0].status).toBe("NOMINATED");
    expect(await participationCount()).toBe(before + 2);
  });

  it("stores nothing when the batch fails half-way", async () => {
    const [a, b, c] = await newPeople(3);
    await graph.query(REGISTER, { e: EDITION, p: [{ personId: c, role: "PARTICIPANT", countryCode: "ID" }] }, perpusnasEditor);
    const before = await participationCount();
    const trailBefore = (await graph.query(`{ programsAuditTrail(entityType: "Participation") { totalCount } }`, undefined, admin)).data!.programsAuditTrail
      .totalCount;
    // a and b are inserted first; c is already registered, so the third insert fails and everything rolls back.
    const result = await graph.query(
      REGISTER,
      { e: EDITION, p: [a, b, c].map((personId) => ({ personId, role: "PARTICIPANT", countryCode: "ID" })) },
      perpusnasEditor,
    );
    expect(codes(result)).toEqual(["CONFLICT"]);
    expect(result.errors![0].message).toContain("participations.2.personId");
    expect(await participationCount()).toBe(before);
    const trailAfter = (await graph.query(`{ programsAuditTrail(entityType: "Participation") { totalCount } }`, undefined, admin)).data!.programsAuditTrail
      .totalCount;
    expect(trailAfter).toBe(trailBefore);
  });

  it("refuses references to people, countries and institutions that do not exist", async () => {
    const [a] = await newPeople(1);
    const before = await participationCount();
    const result = await graph.query(
      REGISTER,
      {
        e: EDITION,
        p: [
          { personId: a, role: "PARTICIPANT", countryCode: "ID" },
          { personId: "00000000-0000-4000-8000-00ff00000001", role: "PARTICIPANT", countryCode: "ZZ", institutionId: "00000000-0000-4000-8000-00ff00000002" },
        ],
      },
      perpusnasEditor,
    );
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    const fields = result.errors![0].extensions!.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(["participations.1.countryCode", "participations.1.institutionId", "participations.1.personId"]);
    expect(await participationCount()).toBe(before);
  });
});

describe("audit trail", () => {
  it("records who changed what and when, readable by admins", async () => {
    const { id } = await newActivity("Audited");
    await graph.query(UPDATE_ACTIVITY, { id, version: 1, input: { titleEn: "Audited, edited" } }, perpusnasEditor);
    const result = await graph.query(
      `{ programsAuditTrail(entityId: "${id}") { nodes { action actor actorRole actorInstitutionId version changes { field from to } } } }`,
      undefined,
      admin,
    );
    expect(result.errors).toBeUndefined();
    const [create, update] = result.data!.programsAuditTrail.nodes;
    expect(create).toMatchObject({ action: "CREATE", actor: "editor@perpusnas", actorRole: "editor", actorInstitutionId: PERPUSNAS, version: 1 });
    expect(update).toEqual({
      action: "UPDATE",
      actor: "editor@perpusnas",
      actorRole: "editor",
      actorInstitutionId: PERPUSNAS,
      version: 2,
      changes: [{ field: "titleEn", from: '"Audited"', to: '"Audited, edited"' }],
    });
    const denied = await graph.query(`{ programsAuditTrail { totalCount } }`, undefined, perpusnasEditor);
    expect(codes(denied)).toEqual(["FORBIDDEN"]);
  });
});

describe("partners", () => {
  const CREATE_PARTNERSHIP = `mutation($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id role program { code } partner { acronym } } }`;

  it("lets a partner's editor record its role in a programme of another subgraph", async () => {
    const kemenlu = await as("editor", { partnerId: DemoIds.partner.kemenlu, subject: "editor@kemenlu-partner" });
    const result = await graph.query(
      CREATE_PARTNERSHIP,
      { input: { programId: DemoIds.program.sstc, partnerId: DemoIds.partner.kemenlu, role: "IMPLEMENTING", contributionEn: "Diplomatic channels." } },
      kemenlu,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createProgramPartnership).toMatchObject({ role: "IMPLEMENTING", program: { code: "SSTC" }, partner: { acronym: "Kemenlu" } });
    const program = await graph.query(`{ programByCode(code: "SSTC") { partnerships { nodes { role partner { acronym } } } } }`);
    expect(program.data!.programByCode.partnerships.nodes).toContainEqual({ role: "IMPLEMENTING", partner: { acronym: "Kemenlu" } });
    const duplicate = await graph.query(
      CREATE_PARTNERSHIP,
      { input: { programId: DemoIds.program.sstc, partnerId: DemoIds.partner.kemenlu, role: "IMPLEMENTING" } },
      kemenlu,
    );
    expect(codes(duplicate)).toEqual(["CONFLICT"]);
  });

  it("refuses a partnership with a programme that does not exist, or for someone else's partner", async () => {
    const kemenlu = await as("editor", { partnerId: DemoIds.partner.kemenlu });
    const missing = await graph.query(
      CREATE_PARTNERSHIP,
      { input: { programId: "00000000-0000-4000-8000-00ff000000aa", partnerId: DemoIds.partner.kemenlu, role: "FUNDING" } },
      kemenlu,
    );
    expect(codes(missing)).toEqual(["BAD_USER_INPUT"]);
    expect(missing.errors![0].extensions!.fields).toEqual([{ field: "input.programId", messages: ["no Program 00000000-0000-4000-8000-00ff000000aa"] }]);
    const foreign = await graph.query(
      CREATE_PARTNERSHIP,
      { input: { programId: DemoIds.program.sstc, partnerId: DemoIds.partner.colomboPlan, role: "FUNDING" } },
      kemenlu,
    );
    expect(codes(foreign)).toEqual(["FORBIDDEN"]);
  });

  it("records an agreement with its parties in one step and audits both", async () => {
    const kemenlu = await as("editor", { partnerId: DemoIds.partner.kemenlu, subject: "treaty-desk" });
    const input = {
      titleEn: "Library cooperation MoU",
      kind: "MOU",
      signedOn: "2024-03-01",
      parties: [
        { partnerId: DemoIds.partner.kemenlu, role: "signatory" },
        { partnerId: DemoIds.partner.colomboPlan, role: "signatory" },
      ],
    };
    const result = await graph.query(
      `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id title parties { totalCount } } }`,
      { input },
      kemenlu,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createAgreement.parties.totalCount).toBe(2);
    const trail = await graph.query(`{ partnersAuditTrail(actor: "treaty-desk") { nodes { action entityType } } }`, undefined, admin);
    expect(trail.data!.partnersAuditTrail.nodes.map((n: any) => n.entityType).sort()).toEqual(["Agreement", "AgreementParty", "AgreementParty"]);
    const outsider = await graph.query(`mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`, { input }, perpusnasEditor);
    expect(codes(outsider)).toEqual(["FORBIDDEN"]);
  });
});

describe("programmes", () => {
  const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id code version sdgGoals sdgTargets leadInstitution { acronym } } }`;
  const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version sdgGoals sdgTargets title } }`;
  const input = {
    code: "TPBIS-ASEAN",
    titleEn: "TPBIS for ASEAN libraries",
    sdgGoals: [4, 10],
    sdgTargets: ["4.6"],
    modality: "SOUTH_SOUTH",
    status: "PIPELINE",
    leadInstitutionId: PERPUSNAS,
    parentProgramId: DemoIds.program.sstc,
  };

  it("creates a programme with its SDG alignment, findable by the SDG filter", async () => {
    const result = await graph.query(CREATE, { input }, perpusnasEditor);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createProgram).toMatchObject({
      code: "TPBIS-ASEAN",
      version: 1,
      sdgGoals: [4, 10],
      sdgTargets: ["4.6"],
      leadInstitution: { acronym: expect.any(String) },
    });
    const found = await graph.query(`{ programs(filter: { sdgGoal: 10, modality: SOUTH_SOUTH }) { nodes { code } } }`);
    expect(found.data!.programs.nodes.map((n: any) => n.code)).toContain("TPBIS-ASEAN");
    const taken = await graph.query(CREATE, { input }, perpusnasEditor);
    expect(codes(taken)).toEqual(["CONFLICT"]);
  });

  it("audits an SDG-only change as a new version, and refuses targets of unlisted goals", async () => {
    // Its own programme, so that the test does not depend on the one created above.
    const created = await graph.query(CREATE, { input: { ...input, code: "TPBIS-SDG-AUDIT" } }, perpusnasEditor);
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data!.createProgram;
    const changed = await graph.query(UPDATE, { id, version, input: { sdgTargets: ["4.6", "10.2"] } }, perpusnasEditor);
    expect(changed.data!.updateProgram).toMatchObject({ version: version + 1, sdgGoals: [4, 10], sdgTargets: ["4.6", "10.2"] });
    const history = await graph.query(
      `{ programByCode(code: "TPBIS-SDG-AUDIT") { history { nodes { action changes { field } } } } }`,
      undefined,
      perpusnasEditor,
    );
    expect(history.data!.programByCode.history.nodes.at(-1)).toEqual({ action: "UPDATE", changes: [{ field: "sdg" }] });
    const stray = await graph.query(UPDATE, { id, version: version + 1, input: { sdgTargets: ["16.10"] } }, perpusnasEditor);
    expect(codes(stray)).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses a lead institution that does not exist and an editor of another institution", async () => {
    const ghost = await graph.query(CREATE, { input: { ...input, code: "GHOST", leadInstitutionId: "00000000-0000-4000-8000-00ff000000bb" } }, admin);
    expect(codes(ghost)).toEqual(["BAD_USER_INPUT"]);
    const foreign = await graph.query(CREATE, { input: { ...input, code: "FOREIGN" } }, kemenluEditor);
    expect(codes(foreign)).toEqual(["FORBIDDEN"]);
  });
});
