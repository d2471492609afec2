import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, print, type OperationDefinitionNode } from "graphql";
import { DemoIds, demoParticipants } from "@sstc/demo-data";
import { as, codes, expectData, startTestGraph, type GraphqlResult, type TestGraph } from "../support/graph";

/*
 * What a portal needs to build its pages from addresses and show them to
 * anyone: institutions and partners by slug or acronym, a partner's profile
 * and units, the institution ↔ partner link both ways, a country's
 * commitments, and an edition's participants counted without names.
 */
let graph: TestGraph;
let admin: Record<string, string>;
let partner: Record<string, string>;
beforeAll(async () => {
  graph = await startTestGraph();
  admin = await as("admin", { subject: "admin@portal" });
  partner = await as("partner");
});
afterAll(() => graph?.stop());

const I = DemoIds.institution;
const P = DemoIds.partner;
const EDITION = DemoIds.edition.tpbisColomboPlan2023;

/** The error of a refused request, with the field or argument it names. */
const refusal = (result: GraphqlResult) => ({
  code: result.errors?.[0]?.extensions?.code,
  field: result.errors?.[0]?.extensions?.field,
  argument: result.errors?.[0]?.extensions?.argument,
  fields: (result.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field),
});

describe("institutions and partners by slug", () => {
  it.each([
    ["perpusnas", I.perpusnas, "Perpusnas"],
    ["kemenlu", I.kemenlu, "Kemenlu"],
    ["kemensetneg", I.kemensetneg, "Kemensetneg"],
    ["colombo-plan-secretariat", I.colomboPlanSecretariat, "CPS"],
    ["kemenlu-dit-sosbud-oinb", I.kemenluSosbudDirectorate, "Dit. Sosbud & OINB"],
  ])("finds the institution %s for the public", async (slug, id, acronym) => {
    const result = await graph.query(`query($s: String!) { institutionBySlug(slug: $s) { id slug acronym } }`, { s: slug });
    expect(expectData(result).institutionBySlug).toEqual({ id, slug, acronym });
  });

  it.each([
    ["perpusnas", P.perpusnas],
    ["kemenlu", P.kemenlu],
    ["kemensetneg", P.kemensetneg],
    ["colombo-plan", P.colomboPlan],
    ["kemenlu-dit-sosbud-oinb", P.kemenluSosbudDirectorate],
  ])("finds the partner %s for the public", async (slug, id) => {
    const result = await graph.query(`query($s: String!) { partnerBySlug(slug: $s) { id slug } }`, { s: slug });
    expect(expectData(result).partnerBySlug).toEqual({ id, slug });
  });

  it("gives every seeded institution and partner a well-formed slug, none twice", async () => {
    const data = expectData(await graph.query(`{ institutions(first: 100) { nodes { slug } } partners(first: 100) { nodes { slug } } }`));
    for (const list of [data.institutions.nodes, data.partners.nodes]) {
      const slugs = list.map((n: { slug: string }) => n.slug);
      expect(slugs.every((s: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s))).toBe(true);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
  });

  it("answers NOT_FOUND, the field null, for a well-formed slug nobody has", async () => {
    const result = await graph.query(`{ institutionBySlug(slug: "no-such-place") { id } partnerBySlug(slug: "no-such-partner") { id } }`);
    expect(result.data).toEqual({ institutionBySlug: null, partnerBySlug: null });
    expect(codes(result)).toEqual(["NOT_FOUND", "NOT_FOUND"]);
  });

  it.each(["Perpusnas", "colombo plan", "-perpusnas", "perpusnas-", "kemen--lu", "perpusnás", "", "a".repeat(81)])(
    "refuses the malformed slug %j as BAD_USER_INPUT naming the argument",
    async (slug) => {
      for (const field of ["institutionBySlug", "partnerBySlug"]) {
        const result = await graph.query(`query($s: String!) { ${field}(slug: $s) { id } }`, { s: slug });
        expect(result.data).toEqual({ [field]: null });
        expect(refusal(result)).toMatchObject({ code: "BAD_USER_INPUT", argument: "slug" });
      }
    },
  );
});

describe("institutions and partners by acronym", () => {
  it.each(["Perpusnas", "PERPUSNAS", "perpusnas", "  perpusnas "])("finds Perpusnas by %j, case aside", async (acronym) => {
    const data = expectData(
      await graph.query(`query($a: String!) { institutions(acronym: $a) { nodes { id acronym } } partners(acronym: $a) { nodes { id acronym } } }`, {
        a: acronym,
      }),
    );
    // Other tests of this file add institutions with the same acronym (slugs must still differ): every match is one, the demo's among them.
    expect(data.institutions.nodes).toContainEqual({ id: I.perpusnas, acronym: "Perpusnas" });
    expect(data.partners.nodes).toContainEqual({ id: P.perpusnas, acronym: "Perpusnas" });
    for (const node of [...data.institutions.nodes, ...data.partners.nodes]) expect(node.acronym.toLowerCase()).toBe("perpusnas");
  });

  it("finds nothing for an acronym nobody has, and refuses an empty one", async () => {
    expect(expectData(await graph.query(`{ partners(acronym: "KEMEN") { totalCount } }`)).partners.totalCount).toBe(0);
    const empty = await graph.query(`{ institutions(acronym: " ") { totalCount } }`);
    expect(refusal(empty)).toMatchObject({ code: "BAD_USER_INPUT", argument: "acronym" });
  });
});

describe("slugs of new and changed records", () => {
  const CREATE_INSTITUTION = `mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id version slug } }`;
  const UPDATE_INSTITUTION = `mutation($id: ID!, $version: Int!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, version: $version, input: $input) { id version slug name } }`;
  const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id version slug } }`;
  const UPDATE_PARTNER = `mutation($id: ID!, $version: Int!, $input: UpdatePartnerInput!) { updatePartner(id: $id, version: $version, input: $input) { id version slug } }`;
  const institution = (extra: Record<string, unknown>) => ({ nameEn: "Portal Test Library", type: "NGO", countryCode: "ID", ...extra });
  const partnerInput = (extra: Record<string, unknown>) => ({
    nameEn: "Portal Test Partner",
    kind: "DEVELOPMENT_PARTNER",
    institutionId: I.eastJakartaGovernment,
    homeCountryCode: "ID",
    ...extra,
  });

  it("generates a slug from the acronym, else the name, else the acronym numbered", async () => {
    const create = async (extra: Record<string, unknown>) =>
      expectData(await graph.query(CREATE_INSTITUTION, { input: institution({ nameEn: "Slug Generation Library", ...extra }) }, admin)).createInstitution.slug;
    expect(await create({ acronym: "SGL" })).toBe("sgl");
    // Perpusnas holds "perpusnas": the name's slug is next, then the acronym's numbered.
    expect(await create({ acronym: "Perpusnas" })).toBe("slug-generation-library");
    expect(await create({ acronym: "Perpusnas" })).toBe("perpusnas-2");
    expect(await create({ acronym: "PERPUSNAS" })).toBe("perpusnas-3");
    expect(await create({ nameEn: "Bibliothèque Numérique & Test" })).toBe("bibliotheque-numerique-and-test");
    const partnerSlug = async () =>
      expectData(await graph.query(CREATE_PARTNER, { input: partnerInput({ nameEn: "The Colombo Plan", acronym: "Colombo Plan" }) }, admin)).createPartner.slug;
    expect(await partnerSlug()).toBe("the-colombo-plan");
    expect(await partnerSlug()).toBe("colombo-plan-2");
    // The original keeps its slug: a look-up still finds it.
    expect(expectData(await graph.query(`{ partnerBySlug(slug: "colombo-plan") { id } }`)).partnerBySlug.id).toBe(P.colomboPlan);
  });

  it("keeps a slug when the name or acronym changes, and changes it only when given", async () => {
    const created = expectData(await graph.query(CREATE_INSTITUTION, { input: institution({ slug: "stable-address" }) }, admin)).createInstitution;
    const renamed = expectData(
      await graph.query(UPDATE_INSTITUTION, { id: created.id, version: created.version, input: { nameEn: "Renamed Library", acronym: "RL" } }, admin),
    ).updateInstitution;
    expect(renamed).toMatchObject({ slug: "stable-address", name: "Renamed Library" });
    const moved = expectData(
      await graph.query(UPDATE_INSTITUTION, { id: created.id, version: renamed.version, input: { slug: "new-address" } }, admin),
    ).updateInstitution;
    expect(moved.slug).toBe("new-address");
    expect(codes(await graph.query(`{ institutionBySlug(slug: "stable-address") { id } }`))).toEqual(["NOT_FOUND"]);
  });

  it("refuses a slug another live record holds with CONFLICT naming the field, and frees a deleted record's slug", async () => {
    const taken = await graph.query(CREATE_INSTITUTION, { input: institution({ slug: "kemenlu" }) }, admin);
    expect(refusal(taken)).toMatchObject({ code: "CONFLICT", field: "input.slug" });
    const mine = expectData(await graph.query(CREATE_PARTNER, { input: partnerInput({ slug: "portal-partner" }) }, admin)).createPartner;
    const update = await graph.query(UPDATE_PARTNER, { id: mine.id, version: mine.version, input: { slug: "kemenlu" } }, admin);
    expect(refusal(update)).toMatchObject({ code: "CONFLICT", field: "input.slug" });

    await graph.query(`mutation { deletePartner(id: "${mine.id}", version: ${mine.version}) }`, undefined, admin);
    const again = expectData(await graph.query(CREATE_PARTNER, { input: partnerInput({ slug: "portal-partner" }) }, admin)).createPartner;
    expect(again.slug).toBe("portal-partner");
    expect(expectData(await graph.query(`{ partnerBySlug(slug: "portal-partner") { id } }`)).partnerBySlug.id).toBe(again.id);
  });

  it.each([
    ["institution", CREATE_INSTITUTION, institution],
    ["partner", CREATE_PARTNER, partnerInput],
  ] as const)("lets one of two writers racing for the same %s slug win; the other gets CONFLICT naming the field", async (kind, mutation, input) => {
    const slug = `race-${kind}`;
    const results = await Promise.all(Array.from({ length: 4 }, () => graph.query(mutation, { input: input({ slug }) }, admin)));
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost.map(refusal)).toEqual(lost.map(() => expect.objectContaining({ code: "CONFLICT", field: "input.slug" })));
    const lookup = kind === "institution" ? "institutionBySlug" : "partnerBySlug";
    const found = expectData(await graph.query(`{ ${lookup}(slug: "${slug}") { id } }`))[lookup];
    expect(found.id).toBe((Object.values(won[0].data!)[0] as { id: string }).id);
  });

  it("gives writers racing without a slug each a slug of their own", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => graph.query(CREATE_INSTITUTION, { input: institution({ nameEn: "Racer", acronym: "RACER" }) }, admin)),
    );
    const slugs = results.map((r) => expectData(r).createInstitution.slug);
    expect(new Set(slugs)).toEqual(new Set(["racer", "racer-2", "racer-3", "racer-4"]));
  });

  it.each(["Upper", "with space", "trailing-", "ü-mlaut", ""])("refuses the malformed slug %j in input as BAD_USER_INPUT naming the field", async (slug) => {
    const created = await graph.query(CREATE_INSTITUTION, { input: institution({ slug }) }, admin);
    expect(refusal(created)).toMatchObject({ code: "BAD_USER_INPUT", fields: ["slug"] });
    const made = await graph.query(CREATE_PARTNER, { input: partnerInput({ slug }) }, admin);
    expect(refusal(made)).toMatchObject({ code: "BAD_USER_INPUT", fields: ["slug"] });
  });

  it("refuses clearing a slug (null) as BAD_USER_INPUT", async () => {
    const result = await graph.query(UPDATE_PARTNER, { id: P.kemenlu, version: 1, input: { slug: null } }, admin);
    expect(refusal(result)).toMatchObject({ code: "BAD_USER_INPUT", fields: ["slug"] });
  });
});

describe("a partner's profile", () => {
  const PROFILE = `query($s: String!) {
    partnerBySlug(slug: $s) {
      acronym description descriptionId: description(lang: ID) website
      parent { slug }
      units { totalCount nodes { slug name } }
      institution { id name partner { id } }
    }
  }`;

  it("shows Kemenlu's description, website and its directorate as a unit", async () => {
    const kemenlu = expectData(await graph.query(PROFILE, { s: "kemenlu" })).partnerBySlug;
    expect(kemenlu).toMatchObject({
      acronym: "Kemenlu",
      website: "https://kemlu.go.id",
      parent: null,
      institution: { id: I.kemenlu, partner: { id: P.kemenlu } },
    });
    expect(kemenlu.description).toMatch(/Ministry of Foreign Affairs/);
    expect(kemenlu.descriptionId).toMatch(/Kementerian Luar Negeri/);
    expect(kemenlu.units).toEqual({
      totalCount: 1,
      nodes: [
        {
          slug: "kemenlu-dit-sosbud-oinb",
          name: "Directorate of Social Culture and International Organizations for Developing Countries, Ministry of Foreign Affairs",
        },
      ],
    });
    const directorate = expectData(await graph.query(PROFILE, { s: "kemenlu-dit-sosbud-oinb" })).partnerBySlug;
    expect(directorate).toMatchObject({ parent: { slug: "kemenlu" }, units: { totalCount: 0, nodes: [] }, website: null });
  });

  it("describes the Colombo Plan as the article does", async () => {
    const colombo = expectData(await graph.query(PROFILE, { s: "colombo-plan" })).partnerBySlug;
    expect(colombo.description).toMatch(/human resource development/);
  });

  it("sets and clears the description and website through the partner mutations", async () => {
    const created = expectData(
      await graph.query(
        `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id version description website } }`,
        {
          input: {
            nameEn: "Profile Test Partner",
            kind: "DEVELOPMENT_PARTNER",
            institutionId: I.eastJakartaGovernment,
            homeCountryCode: "ID",
            descriptionEn: "Supports village libraries.",
            website: "https://example.org",
          },
        },
        admin,
      ),
    ).createPartner;
    expect(created).toMatchObject({ description: "Supports village libraries.", website: "https://example.org" });
    const cleared = await graph.query(
      `mutation($id: ID!, $v: Int!) { updatePartner(id: $id, version: $v, input: { website: null, descriptionId: "Mendukung perpustakaan desa." }) { website description(lang: ID) } }`,
      { id: created.id, v: created.version },
      admin,
    );
    expect(expectData(cleared).updatePartner).toEqual({ website: null, description: "Mendukung perpustakaan desa." });
    const bad = await graph.query(
      `mutation($id: ID!) { updatePartner(id: $id, version: 2, input: { website: "not a url" }) { id } }`,
      { id: created.id },
      admin,
    );
    expect(refusal(bad)).toMatchObject({ code: "BAD_USER_INPUT", fields: ["website"] });
  });
});

describe("the institution ↔ partner link", () => {
  it("leads from an institution to its partner record and back, and is null for an institution that is not a partner", async () => {
    const data = expectData(
      await graph.query(`{
        perpusnas: institutionBySlug(slug: "perpusnas") { partner { slug institution { slug } } }
        library: institutionBySlug(slug: "mutiara-rawa-binong-library") { partner { id } }
      }`),
    );
    expect(data.perpusnas.partner).toEqual({ slug: "perpusnas", institution: { slug: "perpusnas" } });
    expect(data.library.partner).toBeNull();
  });
});

describe("a country's commitments", () => {
  const COMMITMENTS = `query($c: String!) { country(code: $c) { commitments(first: 50) { totalCount nodes { description followUpStatus edition { id } } } } }`;

  it("shows the public the commitment made for Sri Lanka at the 2023 edition", async () => {
    const { commitments } = expectData(await graph.query(COMMITMENTS, { c: "LK" })).country;
    expect(commitments.totalCount).toBe(1);
    expect(commitments.nodes[0]).toMatchObject({ followUpStatus: "PLANNED", edition: { id: EDITION } });
    expect(commitments.nodes[0].description).toMatch(/Sri Lanka/);
  });

  it("leaves commitments of draft editions to the partner role, and those of deleted editions to nobody", async () => {
    const edition = expectData(
      await graph.query(
        `mutation($input: CreateEditionInput!) { createEdition(input: $input) { id version } }`,
        {
          input: {
            programId: DemoIds.program.tpbisColomboPlan,
            titleEn: "TPBIS 2027 (draft)",
            plannedStartDate: "2027-11-08",
            plannedEndDate: "2027-11-12",
            venueCountryCode: "ID",
            hostInstitutionId: I.perpusnas,
            invitedCountryCodes: ["NP"],
            status: "PIPELINE",
            published: false,
          },
        },
        admin,
      ),
    ).createEdition;
    expectData(
      await graph.query(
        `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`,
        { input: { editionId: edition.id, countryCode: "NP", descriptionEn: "Open a TPBIS corner in Kathmandu." } },
        admin,
      ),
    );
    const count = async (headers: Record<string, string>) => expectData(await graph.query(COMMITMENTS, { c: "NP" }, headers)).country.commitments.totalCount;
    expect(await count({})).toBe(1);
    expect(await count(partner)).toBe(2);

    await graph.query(`mutation { deleteEdition(id: "${edition.id}", version: ${edition.version}) }`, undefined, admin);
    expect(await count(partner)).toBe(1);
    expect(await count(admin)).toBe(1);
  });
});

describe("an edition's participants counted without names", () => {
  const COUNTS = `query($id: ID!) {
    edition(id: $id) { participantCounts { total byRole { role count } byCountry { country { code name } count } } }
  }`;
  const byCountry = Object.entries(
    demoParticipants().reduce<Record<string, number>>((counts, p) => ({ ...counts, [p.countryCode]: (counts[p.countryCode] ?? 0) + 1 }), {}),
  );

  it.each([["public"], ["partner"]])("gives the %s role the 2023 edition's counts by role and country, and no names", async (role) => {
    const result = await graph.query(COUNTS, { id: EDITION }, role === "public" ? {} : partner);
    const counts = expectData(result).edition.participantCounts;
    // The 18 participants of the story and its one speaker, the Chief Secretary.
    expect(counts.total).toBe(19);
    expect(counts.byRole).toEqual([
      { role: "PARTICIPANT", count: 18 },
      { role: "SPEAKER", count: 1 },
    ]);
    const expected = byCountry.map(([code, n]) => [code, code === "ID" ? n + 1 : n]);
    expect(counts.byCountry.map((c: { country: { code: string }; count: number }) => [c.country.code, c.count]).sort()).toEqual(expected.sort());
    expect(counts.byCountry[0]).toEqual({ country: { code: "ID", name: "Indonesia" }, count: 11 });
    expect(JSON.stringify(result)).not.toMatch(/Placeholder Participant|Ofy|@example\.org/);
  });

  it("counts all editions of a page in one statement", async () => {
    const counter = graph.subgraphs.programs.queries;
    const before = counter.count;
    const result = await graph.query(`{ editions(first: 20) { nodes { participantCounts { total byRole { count } byCountry { count } } } } }`);
    expectData(result);
    // The page of editions, its count of programmes' publication, and one GROUP BY for every edition's counts.
    expect(counter.count - before).toBeLessThanOrEqual(3);
  });
});

describe("the README's portal queries", () => {
  // Every named operation of the README's GraphQL examples, each on its own.
  const operations = new Map(
    [...readFileSync(join(__dirname, "../../README.md"), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)]
      .flatMap((m) => parse(m[1]).definitions)
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && Boolean(d.name))
      .map((d) => [d.name!.value, print(d)]),
  );

  it.each([
    [
      "InstitutionPageBySlug",
      (data: any) =>
        expect(data.institutionBySlug).toMatchObject({
          acronym: "Perpusnas",
          partner: { slug: "perpusnas" },
          people: { nodes: [{ fullName: "Ofy Sofiana" }] },
        }),
    ],
    ["PartnerPageBySlug", (data: any) => expect(data.partnerBySlug.units.nodes).toEqual([expect.objectContaining({ slug: "kemenlu-dit-sosbud-oinb" })])],
    ["CountryCommitments", (data: any) => expect(data.country.commitments.totalCount).toBe(1)],
    ["EditionParticipantCounts", (data: any) => expect(data.edition.participantCounts.total).toBe(19)],
  ])("runs %s for the public with no error", async (name, check) => {
    expect(operations.has(name)).toBe(true);
    check(expectData(await graph.query(operations.get(name)!)));
  });
});
