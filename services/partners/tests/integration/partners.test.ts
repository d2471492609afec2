import { type Principal } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { institutionsSubgraph } from "@sstc/institutions";
import { programsSubgraph } from "@sstc/programs";
import { partnersSubgraph } from "../../src";
import { caller, codes, principal, startSubgraphs, type GraphqlResult, type RunningSubgraphs } from "@sstc/testkit";

/*
 * The partners subgraph called directly, as the gateway calls it. It asks
 * the institutions subgraph whether referenced institutions exist and the
 * programs subgraph which programmes are drafts or deleted, so both run
 * beside it (no gateway). Tests that write create their own partners,
 * programmes and agreements and never change a demo record.
 */
let graph: RunningSubgraphs<"programs" | "institutions" | "partners">;
beforeAll(async () => {
  graph = await startSubgraphs({ programs: programsSubgraph, institutions: institutionsSubgraph, partners: partnersSubgraph });
});
afterAll(() => graph?.stop());

const P = DemoIds.partner;
const I = DemoIds.institution;
const PUBLIC = principal("public");
const PARTNER = principal("partner", { partnerId: P.colomboPlan });
const ADMIN = principal("admin");
const EDITOR = principal("editor", { institutionId: I.kemenlu });
const as = (who: Principal) => caller(graph.subgraphs.partners, who);
const UNKNOWN_ID = "00000000-0000-4000-8000-0000deadbeef";

interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface Written {
  id: string;
  version: number;
}

const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id version name kind institution { id } homeCountry { code } parent { id } } }`;
const UPDATE_PARTNER = `mutation($id: ID!, $version: Int!, $input: UpdatePartnerInput!) { updatePartner(id: $id, version: $version, input: $input) { id version name acronym } }`;
const DELETE_PARTNER = `mutation($id: ID!, $version: Int!) { deletePartner(id: $id, version: $version) }`;
const CREATE_AGREEMENT = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id version title kind signedOn expiresOn parties { totalCount nodes { role partner { id } } } } }`;
const UPDATE_AGREEMENT = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { id version title expiresOn } }`;
const DELETE_AGREEMENT = `mutation($id: ID!, $version: Int!) { deleteAgreement(id: $id, version: $version) }`;
const CREATE_PARTNERSHIP = `mutation($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id version role contribution program { id } partner { id } } }`;
const UPDATE_PARTNERSHIP = `mutation($id: ID!, $version: Int!, $input: UpdateProgramPartnershipInput!) { updateProgramPartnership(id: $id, version: $version, input: $input) { id version role } }`;
const DELETE_PARTNERSHIP = `mutation($id: ID!, $version: Int!) { deleteProgramPartnership(id: $id, version: $version) }`;
const PROGRAM_ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Program { id partnerships { totalCount nodes { role partner { id } program { id } } } } } }`;

function ok<T>(result: GraphqlResult<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

let made = 0;
/** A new development partner (a kind no demo partner has) for a demo institution, created by an admin. */
async function newPartner(extra: Record<string, unknown> = {}): Promise<Written> {
  const data = ok(
    await as(ADMIN)<{ createPartner: Written }>(CREATE_PARTNER, {
      input: { nameEn: `Test Partner ${++made}`, kind: "DEVELOPMENT_PARTNER", institutionId: I.colomboPlanSecretariat, homeCountryCode: "LK", ...extra },
    }),
  );
  return data.createPartner;
}

/** A new programme in the programs subgraph, published or a draft. */
async function newProgram(published: boolean): Promise<Written> {
  const result = await caller(graph.subgraphs.programs, ADMIN)<{ createProgram: Written }>(
    `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id version } }`,
    {
      input: {
        code: `T-${++made}-${published ? "LIVE" : "DRAFT"}`,
        titleEn: "Test programme",
        sdgGoals: [],
        sdgTargets: [],
        status: "PIPELINE",
        published,
        leadInstitutionId: I.perpusnas,
      },
    },
  );
  return ok(result).createProgram;
}

async function newPartnership(programId: string, partnerId: string, role = "FUNDING"): Promise<Written> {
  return ok(await as(ADMIN)<{ createProgramPartnership: Written }>(CREATE_PARTNERSHIP, { input: { programId, partnerId, role } })).createProgramPartnership;
}

describe("queries", () => {
  it("pages through partners of a kind in name order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const result: GraphqlResult<{ partners: Page<{ name: string; acronym: string }> }> = await as(PUBLIC)<{
        partners: Page<{ name: string; acronym: string }>;
      }>(
        `query($after: String) { partners(kind: MINISTRY, first: 1, after: $after) { totalCount nodes { name acronym } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const page = ok(result).partners;
      expect(page.totalCount).toBe(3);
      seen.push(...page.nodes.map((n) => n.acronym));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // By English name: "Directorate of …", "Ministry of Foreign Affairs", "Ministry of State Secretariat".
    expect(seen).toEqual(["Dit. Sosbud & OINB", "Kemenlu", "Kemensetneg"]);
  });

  it("reads a partner with its institution, country, parent, agreements and programme roles", async () => {
    const data = ok(
      await as(PUBLIC)<{
        directorate: Record<string, unknown>;
        kemensetneg: { agreements: Page<{ agreement: { id: string } }>; programs: Page<{ role: string; program: { id: string } }> };
      }>(
        `query($d: ID!, $k: ID!) {
          directorate: partner(id: $d) { acronym kind nameId: name(lang: ID) institution { id } homeCountry { code } parent { acronym } }
          kemensetneg: partner(id: $k) { agreements { nodes { agreement { id } } } programs { totalCount nodes { role program { id } } } }
        }`,
        { d: P.kemenluSosbudDirectorate, k: P.kemensetneg },
      ),
    );
    expect(data.directorate).toEqual({
      acronym: "Dit. Sosbud & OINB",
      kind: "MINISTRY",
      nameId: expect.stringContaining("Direktorat"),
      institution: { id: I.kemenluSosbudDirectorate },
      homeCountry: { code: "ID" },
      parent: { acronym: "Kemenlu" },
    });
    expect(data.kemensetneg.agreements.nodes).toEqual([{ agreement: { id: DemoIds.agreement.sstcColomboPlan } }]);
    expect(data.kemensetneg.programs.nodes).toEqual(
      expect.arrayContaining([
        { role: "ACCOUNTABLE", program: { id: DemoIds.program.sstc } },
        { role: "CO_ORGANISER", program: { id: DemoIds.program.tpbisColomboPlan } },
      ]),
    );
    expect(data.kemensetneg.programs.totalCount).toBe(2);
  });

  it("reads an agreement with its parties", async () => {
    const data = ok(
      await as(PUBLIC)<{ agreement: { kind: string; signedOn: string | null; parties: Page<{ role: string; partner: { acronym: string } }> } }>(
        `query($id: ID!) { agreement(id: $id) { kind signedOn parties { totalCount nodes { role partner { acronym } } } } }`,
        { id: DemoIds.agreement.sstcColomboPlan },
      ),
    );
    expect(data.agreement.kind).toBe("FRAMEWORK");
    expect(data.agreement.signedOn).toBeNull();
    expect(data.agreement.parties.nodes.map((p) => p.partner.acronym).sort()).toEqual(["Colombo Plan", "Kemensetneg"]);
    const list = ok(await as(PUBLIC)<{ agreements: Page<{ id: string }> }>(`{ agreements(first: 100) { nodes { id } } }`));
    expect(list.agreements.nodes.map((a) => a.id)).toContain(DemoIds.agreement.sstcColomboPlan);
  });

  it("answers NOT_FOUND for unknown records and BAD_USER_INPUT for malformed ids and cursors", async () => {
    expect(codes(await as(PUBLIC)(`query($id: ID!) { partner(id: $id) { id } }`, { id: UNKNOWN_ID }))).toEqual(["NOT_FOUND"]);
    expect(codes(await as(PUBLIC)(`query($id: ID!) { agreement(id: $id) { id } }`, { id: UNKNOWN_ID }))).toEqual(["NOT_FOUND"]);
    expect(codes(await as(PUBLIC)(`{ partner(id: "kemenlu") { id } }`))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await as(PUBLIC)(`{ partners(after: "bogus") { totalCount } }`))).toEqual(["BAD_USER_INPUT"]);
  });

  it("resolves Partner and Agreement references, unknown keys as null", async () => {
    const data = ok(
      await as(PUBLIC)<{ _entities: unknown[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { id acronym } ... on Agreement { id kind } } }`,
        {
          r: [
            { __typename: "Partner", id: P.kemenlu },
            { __typename: "Agreement", id: DemoIds.agreement.sstcColomboPlan },
            { __typename: "Partner", id: UNKNOWN_ID },
          ],
        },
      ),
    );
    expect(data._entities).toEqual([{ id: P.kemenlu, acronym: "Kemenlu" }, { id: DemoIds.agreement.sstcColomboPlan, kind: "FRAMEWORK" }, null]);
  });

  it("resolves Program references with their partnerships", async () => {
    const data = ok(
      await as(PUBLIC)<{ _entities: Array<{ id: string; partnerships: Page<{ role: string; partner: { id: string } }> }> }>(PROGRAM_ENTITIES, {
        r: [{ __typename: "Program", id: DemoIds.program.sstc }],
      }),
    );
    expect(data._entities[0].partnerships.totalCount).toBe(2);
    expect(data._entities[0].partnerships.nodes.map((n) => n.partner.id).sort()).toEqual([P.kemensetneg, P.colomboPlan].sort());
  });
});

describe("partnerships of draft and deleted programmes", () => {
  let partner: Written;
  let live: Written;
  let draft: Written;
  let removed: Written;

  // Only read below: the records are this describe's own.
  beforeAll(async () => {
    partner = await newPartner();
    live = await newProgram(true);
    draft = await newProgram(false);
    removed = await newProgram(true);
    await newPartnership(live.id, partner.id);
    await newPartnership(draft.id, partner.id);
    await newPartnership(removed.id, partner.id);
    const deleted = await caller(graph.subgraphs.programs, ADMIN)(`mutation($id: ID!, $v: Int!) { deleteProgram(id: $id, version: $v) }`, {
      id: removed.id,
      v: removed.version,
    });
    expect(deleted.errors).toBeUndefined();
  });

  const programsOf = async (who: Principal) => {
    const data = ok(
      await as(who)<{ partner: { programs: Page<{ program: { id: string } | null }> } }>(
        `query($id: ID!) { partner(id: $id) { programs { totalCount nodes { program { id } } } } }`,
        { id: partner.id },
      ),
    );
    return data.partner.programs;
  };

  it("hides a draft's partnership from the public and reads a deleted programme as null", async () => {
    const page = await programsOf(PUBLIC);
    expect(page.totalCount).toBe(2);
    expect(page.nodes.map((n) => n.program?.id ?? null).sort()).toEqual([live.id, null].sort());
  });

  it("shows drafts to partners, a deleted programme still null", async () => {
    const page = await programsOf(PARTNER);
    expect(page.totalCount).toBe(3);
    expect(page.nodes.map((n) => n.program?.id ?? null)).toEqual(expect.arrayContaining([live.id, draft.id, null]));
  });

  it("shows editors and admins every programme, deleted ones included", async () => {
    for (const who of [EDITOR, ADMIN]) {
      const page = await programsOf(who);
      expect(page.nodes.map((n) => n.program?.id).sort()).toEqual([live.id, draft.id, removed.id].sort());
    }
  });

  it("answers a draft Program reference with no partnerships for the public, its partnerships for partners", async () => {
    const r = [{ __typename: "Program", id: draft.id }];
    const forPublic = ok(await as(PUBLIC)<{ _entities: Array<{ partnerships: Page<unknown> }> }>(PROGRAM_ENTITIES, { r }));
    expect(forPublic._entities[0].partnerships).toMatchObject({ totalCount: 0, nodes: [] });
    const forPartner = ok(
      await as(PARTNER)<{ _entities: Array<{ partnerships: Page<{ partner: { id: string }; program: { id: string } }> }> }>(PROGRAM_ENTITIES, { r }),
    );
    expect(forPartner._entities[0].partnerships.nodes).toEqual([{ role: "FUNDING", partner: { id: partner.id }, program: { id: draft.id } }]);
  });
});

describe("partner mutations", () => {
  it("creates, updates and deletes a partner at the version read", async () => {
    const created = ok(
      await as(ADMIN)<{ createPartner: Record<string, unknown> & Written }>(CREATE_PARTNER, {
        input: {
          nameEn: "Asia Library Fund",
          kind: "DEVELOPMENT_PARTNER",
          institutionId: I.colomboPlanSecretariat,
          homeCountryCode: "LK",
          parentPartnerId: P.colomboPlan,
        },
      }),
    ).createPartner;
    expect(created).toMatchObject({
      version: 1,
      name: "Asia Library Fund",
      kind: "DEVELOPMENT_PARTNER",
      institution: { id: I.colomboPlanSecretariat },
      homeCountry: { code: "LK" },
      parent: { id: P.colomboPlan },
    });

    const updated = ok(await as(ADMIN)<{ updatePartner: Written }>(UPDATE_PARTNER, { id: created.id, version: 1, input: { acronym: "ALF" } })).updatePartner;
    expect(updated).toEqual({ id: created.id, version: 2, name: "Asia Library Fund", acronym: "ALF" });
    const stale = await as(ADMIN)(UPDATE_PARTNER, { id: created.id, version: 1, input: { acronym: "OLD" } });
    expect(codes(stale)).toEqual(["CONFLICT"]);
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 2 });

    expect(ok(await as(ADMIN)(DELETE_PARTNER, { id: created.id, version: 2 }))).toEqual({ deletePartner: created.id });
    expect(codes(await as(ADMIN)(`query($id: ID!) { partner(id: $id) { id } }`, { id: created.id }))).toEqual(["NOT_FOUND"]);
    const ref = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { id deletedAt } } }`;
    const r = [{ __typename: "Partner", id: created.id }];
    expect(ok(await as(PARTNER)(ref, { r }))).toEqual({ _entities: [null] });
    const forEditor = ok(await as(EDITOR)<{ _entities: Array<{ id: string; deletedAt: string | null }> }>(ref, { r }));
    expect(forEditor._entities[0].id).toBe(created.id);
    expect(forEditor._entities[0].deletedAt).not.toBeNull();
  });

  it("refuses an unknown institution or country, checked with the institutions subgraph", async () => {
    const base = { nameEn: "Ghost Partner", kind: "DEVELOPMENT_PARTNER", institutionId: I.colomboPlanSecretariat, homeCountryCode: "LK" };
    expect(codes(await as(ADMIN)(CREATE_PARTNER, { input: { ...base, institutionId: UNKNOWN_ID } }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await as(ADMIN)(CREATE_PARTNER, { input: { ...base, homeCountryCode: "ZZ" } }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await as(ADMIN)(CREATE_PARTNER, { input: { ...base, parentPartnerId: UNKNOWN_ID } }))).toEqual(["BAD_USER_INPUT"]);
  });

  it("lets an editor change their own partner, and no other", async () => {
    const own = await newPartner();
    const other = await newPartner();
    const editor = as(principal("editor", { partnerId: own.id }));
    expect(
      ok(await editor<{ updatePartner: Written }>(UPDATE_PARTNER, { id: own.id, version: 1, input: { nameEn: "Renamed Own" } })).updatePartner.version,
    ).toBe(2);
    expect(codes(await editor(UPDATE_PARTNER, { id: other.id, version: 1, input: { nameEn: "Taken" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await editor(DELETE_PARTNER, { id: other.id, version: 1 }))).toEqual(["FORBIDDEN"]);
    const unit = await editor<{ createPartner: Written & { parent: { id: string } } }>(CREATE_PARTNER, {
      input: { nameEn: "Own Unit", kind: "DEVELOPMENT_PARTNER", institutionId: I.colomboPlanSecretariat, homeCountryCode: "LK", parentPartnerId: own.id },
    });
    expect(ok(unit).createPartner.parent).toEqual({ id: own.id });
    expect(
      codes(
        await editor(CREATE_PARTNER, {
          input: { nameEn: "Stray", kind: "DEVELOPMENT_PARTNER", institutionId: I.colomboPlanSecretariat, homeCountryCode: "LK" },
        }),
      ),
    ).toEqual(["FORBIDDEN"]);
  });

  it("lets an editor of the partner's institution change it", async () => {
    const partner = await newPartner({ institutionId: I.eastJakartaGovernment, homeCountryCode: "ID" });
    const editor = as(principal("editor", { institutionId: I.eastJakartaGovernment }));
    expect(ok(await editor<{ updatePartner: Written }>(UPDATE_PARTNER, { id: partner.id, version: 1, input: { acronym: "EJG" } })).updatePartner.version).toBe(
      2,
    );
  });

  it.each<[string, Principal]>([
    ["the public", PUBLIC],
    ["a partner", PARTNER],
  ])("refuses writes by %s with FORBIDDEN", async (_who, who) => {
    const target = await newPartner();
    expect(
      codes(
        await as(who)(CREATE_PARTNER, {
          input: { nameEn: "Nope", kind: "DEVELOPMENT_PARTNER", institutionId: I.colomboPlanSecretariat, homeCountryCode: "LK" },
        }),
      ),
    ).toEqual(["FORBIDDEN"]);
    expect(codes(await as(who)(UPDATE_PARTNER, { id: target.id, version: 1, input: { nameEn: "Nope" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await as(who)(DELETE_PARTNER, { id: target.id, version: 1 }))).toEqual(["FORBIDDEN"]);
  });
});

describe("agreement mutations", () => {
  it("records an agreement with its parties, then updates and deletes it at the version read", async () => {
    const a = await newPartner();
    const b = await newPartner();
    const editor = as(principal("editor", { partnerId: a.id }));
    const created = ok(
      await editor<{ createAgreement: Written & { parties: Page<{ role: string | null; partner: { id: string } }> } }>(CREATE_AGREEMENT, {
        input: {
          titleEn: "Reading Exchange MoU",
          kind: "MOU",
          signedOn: "2024-03-01",
          expiresOn: "2027-02-28",
          parties: [{ partnerId: a.id, role: "Sender" }, { partnerId: b.id }],
        },
      }),
    ).createAgreement;
    expect(created).toMatchObject({ version: 1, title: "Reading Exchange MoU", kind: "MOU", signedOn: "2024-03-01", expiresOn: "2027-02-28" });
    expect(created.parties.nodes).toEqual(
      expect.arrayContaining([
        { role: "Sender", partner: { id: a.id } },
        { role: null, partner: { id: b.id } },
      ]),
    );

    const updated = ok(
      await editor<{ updateAgreement: Written }>(UPDATE_AGREEMENT, { id: created.id, version: 1, input: { expiresOn: "2028-02-29" } }),
    ).updateAgreement;
    expect(updated).toEqual({ id: created.id, version: 2, title: "Reading Exchange MoU", expiresOn: "2028-02-29" });
    expect(codes(await editor(UPDATE_AGREEMENT, { id: created.id, version: 1, input: { titleEn: "Old" } }))).toEqual(["CONFLICT"]);
    expect(codes(await editor(UPDATE_AGREEMENT, { id: created.id, version: 2, input: { expiresOn: "2020-01-01" } }))).toEqual(["BAD_USER_INPUT"]);

    const outsider = as(principal("editor", { partnerId: (await newPartner()).id }));
    expect(codes(await outsider(UPDATE_AGREEMENT, { id: created.id, version: 2, input: { titleEn: "Hijacked" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await outsider(DELETE_AGREEMENT, { id: created.id, version: 2 }))).toEqual(["FORBIDDEN"]);

    expect(ok(await editor(DELETE_AGREEMENT, { id: created.id, version: 2 }))).toEqual({ deleteAgreement: created.id });
    expect(codes(await editor(`query($id: ID!) { agreement(id: $id) { id } }`, { id: created.id }))).toEqual(["NOT_FOUND"]);
  });

  it("refuses an agreement its editor is no party to, fewer than two parties, one expiring before signing, and a party named twice", async () => {
    const a = await newPartner();
    const b = await newPartner();
    const c = await newPartner();
    const editor = as(principal("editor", { partnerId: a.id }));
    expect(codes(await editor(CREATE_AGREEMENT, { input: { titleEn: "Not Mine", kind: "MOU", parties: [{ partnerId: b.id }, { partnerId: c.id }] } }))).toEqual(
      ["FORBIDDEN"],
    );
    expect(codes(await editor(CREATE_AGREEMENT, { input: { titleEn: "Alone", kind: "MOU", parties: [{ partnerId: a.id }] } }))).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(
        await editor(CREATE_AGREEMENT, {
          input: { titleEn: "Backwards", kind: "MOU", signedOn: "2024-01-02", expiresOn: "2024-01-01", parties: [{ partnerId: a.id }, { partnerId: b.id }] },
        }),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await editor(CREATE_AGREEMENT, { input: { titleEn: "Twice", kind: "MOU", parties: [{ partnerId: a.id }, { partnerId: a.id }] } }))).toEqual([
      "CONFLICT",
    ]);
    expect(
      codes(await as(ADMIN)(CREATE_AGREEMENT, { input: { titleEn: "Phantom", kind: "MOU", parties: [{ partnerId: a.id }, { partnerId: UNKNOWN_ID }] } })),
    ).toEqual(["BAD_USER_INPUT"]);
    const none = ok(await as(ADMIN)<{ agreements: Page<{ title: string }> }>(`{ agreements(first: 100) { nodes { title } } }`));
    for (const title of ["Not Mine", "Alone", "Backwards", "Twice", "Phantom"]) expect(none.agreements.nodes.map((n) => n.title)).not.toContain(title);
  });
});

describe("programme partnership mutations", () => {
  it("records a role, refuses the same role twice, changes and deletes it at the version read", async () => {
    const partner = await newPartner();
    const program = await newProgram(true);
    const editor = as(principal("editor", { partnerId: partner.id }));
    const created = ok(
      await editor<{ createProgramPartnership: Written & Record<string, unknown> }>(CREATE_PARTNERSHIP, {
        input: { programId: program.id, partnerId: partner.id, role: "FUNDING", contributionEn: "Grants." },
      }),
    ).createProgramPartnership;
    expect(created).toMatchObject({ version: 1, role: "FUNDING", contribution: "Grants.", program: { id: program.id }, partner: { id: partner.id } });
    expect(codes(await editor(CREATE_PARTNERSHIP, { input: { programId: program.id, partnerId: partner.id, role: "FUNDING" } }))).toEqual(["CONFLICT"]);

    const updated = ok(
      await editor<{ updateProgramPartnership: Written & { role: string } }>(UPDATE_PARTNERSHIP, {
        id: created.id,
        version: 1,
        input: { role: "IMPLEMENTING" },
      }),
    ).updateProgramPartnership;
    expect(updated).toEqual({ id: created.id, version: 2, role: "IMPLEMENTING" });
    expect(codes(await editor(UPDATE_PARTNERSHIP, { id: created.id, version: 1, input: { role: "EXTENDING" } }))).toEqual(["CONFLICT"]);

    const ids = ok(
      await as(ADMIN)<{ programIdsByPartner: string[] }>(`query($p: ID!) { programIdsByPartner(partnerId: $p, role: IMPLEMENTING) }`, { p: partner.id }),
    );
    expect(ids.programIdsByPartner).toEqual([program.id]);

    expect(ok(await editor(DELETE_PARTNERSHIP, { id: created.id, version: 2 }))).toEqual({ deleteProgramPartnership: created.id });
    const after = ok(
      await editor<{ partner: { programs: Page<unknown> } }>(`query($id: ID!) { partner(id: $id) { programs { totalCount } } }`, { id: partner.id }),
    );
    expect(after.partner.programs.totalCount).toBe(0);
    // The role is free again once the old partnership is deleted.
    expect(
      ok(await editor<{ createProgramPartnership: Written }>(CREATE_PARTNERSHIP, { input: { programId: program.id, partnerId: partner.id, role: "FUNDING" } }))
        .createProgramPartnership.version,
    ).toBe(1);
  });

  it("refuses an unknown programme or partner as BAD_USER_INPUT", async () => {
    const partner = await newPartner();
    const program = await newProgram(true);
    expect(codes(await as(ADMIN)(CREATE_PARTNERSHIP, { input: { programId: UNKNOWN_ID, partnerId: partner.id, role: "FUNDING" } }))).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(codes(await as(ADMIN)(CREATE_PARTNERSHIP, { input: { programId: program.id, partnerId: UNKNOWN_ID, role: "FUNDING" } }))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });

  it("refuses an editor another partner's partnerships, and the public any write", async () => {
    const own = await newPartner();
    const other = await newPartner();
    const program = await newProgram(true);
    const theirs = await newPartnership(program.id, other.id);
    const editor = as(principal("editor", { partnerId: own.id }));
    expect(codes(await editor(CREATE_PARTNERSHIP, { input: { programId: program.id, partnerId: other.id, role: "EXTENDING" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await editor(UPDATE_PARTNERSHIP, { id: theirs.id, version: 1, input: { role: "EXTENDING" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await editor(DELETE_PARTNERSHIP, { id: theirs.id, version: 1 }))).toEqual(["FORBIDDEN"]);
    expect(codes(await as(PUBLIC)(DELETE_PARTNERSHIP, { id: theirs.id, version: 1 }))).toEqual(["FORBIDDEN"]);
  });
});
