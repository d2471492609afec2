import { type Principal } from "@sstc/subgraph-kit";
import { DemoIds, demoParticipants } from "@sstc/demo-data";
import { institutionsSubgraph } from "../../src";
import { caller, codes, principal, startSubgraphs, type RunningSubgraphs } from "@sstc/testkit";

/*
 * The institutions subgraph on its own, called as the gateway calls it
 * (signed principal), on a fresh database seeded with the demo data.
 * Tests that write create their own institution first and never change a
 * demo record, so every test reads the demo data as seeded, in any order.
 */
let graph: RunningSubgraphs<"institutions">;
beforeAll(async () => {
  graph = await startSubgraphs({ institutions: institutionsSubgraph });
});
afterAll(() => graph?.stop());

const I = DemoIds.institution;
const PUBLIC = principal("public");
const PARTNER = principal("partner", { partnerId: DemoIds.partner.kemenlu });
const ADMIN = principal("admin");
const as = (who: Principal) => caller(graph.subgraphs.institutions, who);
const UNKNOWN_ID = "00000000-0000-4000-8000-0000deadbeef";

interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}
interface Written {
  id: string;
  version: number;
}

const CREATE_INSTITUTION = `mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id version name acronym type country { code } parent { id } } }`;
const UPDATE_INSTITUTION = `mutation($id: ID!, $version: Int!, $input: UpdateInstitutionInput!) { updateInstitution(id: $id, version: $version, input: $input) { id version name acronym } }`;
const DELETE_INSTITUTION = `mutation($id: ID!, $version: Int!) { deleteInstitution(id: $id, version: $version) }`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id version fullName email institution { id } } }`;
const UPDATE_PERSON = `mutation($id: ID!, $version: Int!, $input: UpdatePersonInput!) { updatePerson(id: $id, version: $version, input: $input) { id version fullName position } }`;
const DELETE_PERSON = `mutation($id: ID!, $version: Int!) { deletePerson(id: $id, version: $version) }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { id name deletedAt } ... on Person { id fullName deletedAt } ... on Country { code alpha3 } ... on AdministrativeArea { id name } } }`;

let made = 0;
/** A new institution owned by nobody but itself (type NGO, so no demo list changes), created by an admin. */
async function newInstitution(extra: Record<string, unknown> = {}): Promise<Written> {
  const result = await as(ADMIN)<{ createInstitution: Written }>(CREATE_INSTITUTION, {
    input: { nameEn: `Test Organisation ${++made}`, type: "NGO", countryCode: "ID", ...extra },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createInstitution;
}

describe("queries", () => {
  it("pages through every country in code order", async () => {
    const seen: string[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const result: { data?: { countries: Page<{ code: string }> } | null } = await as(PUBLIC)<{ countries: Page<{ code: string }> }>(
        `query($after: String) { countries(first: 7, after: $after) { totalCount nodes { code } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        { after },
      );
      const page = result.data!.countries;
      seen.push(...page.nodes.map((n) => n.code));
      totals.push(page.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(totals[0]);
    expect(seen).toEqual(expect.arrayContaining(["ID", "LK", "MY", "NP", "VN", "MM", "LA"]));
  });

  it("filters countries by Colombo Plan membership", async () => {
    const query = `query($m: Boolean) { countries(colomboPlanMember: $m, first: 100) { totalCount nodes { code colomboPlanMember } } }`;
    const all = await as(PUBLIC)<{ countries: Page<{ code: string; colomboPlanMember: boolean }> }>(query, {});
    const members = await as(PUBLIC)<{ countries: Page<{ code: string; colomboPlanMember: boolean }> }>(query, { m: true });
    const others = await as(PUBLIC)<{ countries: Page<{ code: string; colomboPlanMember: boolean }> }>(query, { m: false });
    expect(members.data!.countries.nodes.every((c) => c.colomboPlanMember)).toBe(true);
    expect(others.data!.countries.nodes.every((c) => !c.colomboPlanMember)).toBe(true);
    expect(members.data!.countries.totalCount + others.data!.countries.totalCount).toBe(all.data!.countries.totalCount);
    expect(members.data!.countries.nodes.map((c) => c.code)).toContain("LK");
  });

  it("refuses a malformed cursor and an oversized page as BAD_USER_INPUT", async () => {
    const bad = await as(PUBLIC)(`{ countries(after: "not a cursor") { totalCount } }`);
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const big = await as(PUBLIC)(`{ countries(first: 101) { totalCount } }`);
    expect(codes(big)).toEqual(["BAD_USER_INPUT"]);
  });

  it("reads a country by code, in both languages, with its institutions", async () => {
    const result = await as(PUBLIC)<{
      country: { code: string; alpha3: string; en: string; id: string; colomboPlanJoinedYear: number | null; institutions: Page<{ id: string }> };
    }>(`{ country(code: "LK") { code alpha3 en: name(lang: EN) id: name(lang: ID) colomboPlanJoinedYear institutions(first: 50) { nodes { id } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.country).toMatchObject({ code: "LK", alpha3: "LKA", en: "Sri Lanka", id: "Sri Lanka", colomboPlanJoinedYear: 1950 });
    expect(result.data!.country.institutions.nodes.map((n) => n.id)).toContain(I.colomboPlanSecretariat);
  });

  it("answers NOT_FOUND for an unknown country and BAD_USER_INPUT for a malformed code", async () => {
    expect(codes(await as(PUBLIC)(`{ country(code: "ZZ") { code } }`))).toEqual(["NOT_FOUND"]);
    expect(codes(await as(PUBLIC)(`{ country(code: "L1") { code } }`))).toEqual(["BAD_USER_INPUT"]);
  });

  it("reads an institution with its country, area, parent and units", async () => {
    const result = await as(PUBLIC)<{ kemenlu: Record<string, unknown>; directorate: Record<string, unknown> }>(
      `query($kemenlu: ID!, $dit: ID!) {
        kemenlu: institution(id: $kemenlu) { acronym type country { code } area { id } parent { id } units { totalCount nodes { id } } }
        directorate: institution(id: $dit) { type nameId: name(lang: ID) parent { acronym } }
      }`,
      { kemenlu: I.kemenlu, dit: I.kemenluSosbudDirectorate },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.kemenlu).toEqual({
      acronym: "Kemenlu",
      type: "MINISTRY",
      country: { code: "ID" },
      area: { id: DemoIds.area.dkiJakarta },
      parent: null,
      units: { totalCount: 1, nodes: [{ id: I.kemenluSosbudDirectorate }] },
    });
    expect(result.data!.directorate).toEqual({
      type: "DIRECTORATE",
      nameId: "Direktorat Sosial Budaya dan Organisasi Internasional Negara Berkembang",
      parent: { acronym: "Kemenlu" },
    });
  });

  it("lists institutions by type and country in name order", async () => {
    const result = await as(PUBLIC)<{ institutions: Page<{ acronym: string }> }>(
      `{ institutions(type: MINISTRY, countryCode: "ID") { totalCount nodes { acronym } } }`,
    );
    expect(result.data!.institutions).toMatchObject({ totalCount: 2, nodes: [{ acronym: "Kemenlu" }, { acronym: "Kemensetneg" }] });
  });

  it("answers NOT_FOUND for an unknown institution and BAD_USER_INPUT for a malformed id", async () => {
    expect(codes(await as(PUBLIC)(`query($id: ID!) { institution(id: $id) { id } }`, { id: UNKNOWN_ID }))).toEqual(["NOT_FOUND"]);
    expect(codes(await as(PUBLIC)(`{ institution(id: "perpusnas") { id } }`))).toEqual(["BAD_USER_INPUT"]);
  });

  it("reads administrative areas with parents and children, and filters them by level", async () => {
    const result = await as(PUBLIC)<{ administrativeArea: Record<string, unknown>; administrativeAreas: Page<{ level: string; name: string }> }>(
      `query($id: ID!) {
        administrativeArea(id: $id) { code level name parent { code name(lang: ID) } country { code } children { totalCount } }
        administrativeAreas(level: PROVINCE, first: 100) { totalCount nodes { level name } }
      }`,
      { id: DemoIds.area.eastJakarta },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.administrativeArea).toEqual({
      code: "3172",
      level: "CITY",
      name: "East Jakarta",
      parent: { code: "31", name: "Daerah Khusus Ibukota Jakarta" },
      country: { code: "ID" },
      children: { totalCount: 0 },
    });
    const provinces = result.data!.administrativeAreas;
    expect(provinces.nodes.every((a) => a.level === "PROVINCE")).toBe(true);
    expect(provinces.nodes.map((a) => a.name)).toEqual(expect.arrayContaining(["Special Capital Region of Jakarta", "West Java"]));
    expect(provinces.nodes.map((a) => a.name)).toEqual([...provinces.nodes.map((a) => a.name)].sort());

    const children = await as(PUBLIC)<{ administrativeAreas: Page<{ id: string }> }>(`query($p: ID!) { administrativeAreas(parentId: $p) { nodes { id } } }`, {
      p: DemoIds.area.dkiJakarta,
    });
    expect(children.data!.administrativeAreas.nodes.map((a) => a.id)).toEqual([DemoIds.area.eastJakarta]);
  });
});

describe("people and their personal data by role", () => {
  const PEOPLE = `query($i: ID!) { people(institutionId: $i) { totalCount nodes { id fullName } } }`;
  const PERSON = `query($id: ID!) { person(id: $id) { fullName position email gender } }`;
  const ofy = DemoIds.person.ofySofiana;

  it("shows the public only people acting in a public capacity, and refuses anyone else's name with FORBIDDEN", async () => {
    const participant = "00000000-0000-4000-8000-000200000101";
    const list = await as(PUBLIC)<{ people: Page<{ id: string; fullName: string }> }>(PEOPLE, { i: I.perpusnas });
    expect(list.errors).toBeUndefined();
    expect(list.data!.people).toEqual({ totalCount: 1, nodes: [{ id: ofy, fullName: "Ofy Sofiana" }] });
    const everyone = await as(PUBLIC)<{ people: Page<{ id: string }> }>(`{ people(first: 100) { totalCount nodes { id } } }`);
    expect(everyone.data!.people.nodes.map((p) => p.id)).toEqual([ofy]);
    const one = await as(PUBLIC)(`query($id: ID!) { person(id: $id) { publicCapacity fullName position } }`, { id: ofy });
    expect(one.errors).toBeUndefined();
    expect(one.data).toEqual({ person: { publicCapacity: true, fullName: "Ofy Sofiana", position: "Chief Secretary of the National Library" } });
    const other = await as(PUBLIC)(`query($id: ID!) { person(id: $id) { publicCapacity fullName } }`, { id: participant });
    expect(other.data).toEqual({ person: { publicCapacity: false, fullName: null } });
    expect(codes(other)).toEqual(["FORBIDDEN"]);
    const nested = await as(PUBLIC)<{ institution: { acronym: string; people: Page<{ fullName: string }> } }>(
      `query($i: ID!) { institution(id: $i) { acronym people { totalCount nodes { fullName } } } }`,
      { i: I.perpusnas },
    );
    expect(nested.errors).toBeUndefined();
    expect(nested.data!.institution).toEqual({ acronym: "Perpusnas", people: { totalCount: 1, nodes: [{ fullName: "Ofy Sofiana" }] } });
  });

  it("shows names and positions to partners but not personal data", async () => {
    const list = await as(PARTNER)<{ people: Page<{ id: string; fullName: string }> }>(PEOPLE, { i: I.perpusnas });
    expect(list.errors).toBeUndefined();
    expect(list.data!.people.nodes).toContainEqual({ id: ofy, fullName: "Ofy Sofiana" });
    const names = await as(PARTNER)(`query($id: ID!) { person(id: $id) { fullName position positionId: position(lang: ID) } }`, { id: ofy });
    expect(names.data).toEqual({
      person: { fullName: "Ofy Sofiana", position: "Chief Secretary of the National Library", positionId: "Sekretaris Utama Perpustakaan Nasional" },
    });
    const personal = await as(PARTNER)(PERSON, { id: ofy });
    expect(codes(personal)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
  });

  it("shows personal data to editors", async () => {
    const result = await as(principal("editor", { institutionId: I.kemenlu }))(PERSON, { id: ofy });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ person: { fullName: "Ofy Sofiana", position: "Chief Secretary of the National Library", email: null, gender: "FEMALE" } });
  });
});

describe("_entities", () => {
  it("resolves live references of every type in one request, unknown keys as null", async () => {
    const result = await as(PARTNER)<{ _entities: Array<Record<string, unknown> | null> }>(ENTITIES, {
      r: [
        { __typename: "Institution", id: I.perpusnas },
        { __typename: "Country", code: "LK" },
        { __typename: "AdministrativeArea", id: DemoIds.area.eastJakarta },
        { __typename: "Person", id: DemoIds.person.ofySofiana },
        { __typename: "Institution", id: UNKNOWN_ID },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { id: I.perpusnas, name: "National Library of Indonesia", deletedAt: null },
      { code: "LK", alpha3: "LKA" },
      { id: DemoIds.area.eastJakarta, name: "East Jakarta" },
      { id: DemoIds.person.ofySofiana, fullName: "Ofy Sofiana", deletedAt: null },
      null,
    ]);
  });

  it("resolves a Person reference for the public field by field: an official's name, not a participant's", async () => {
    const participant = demoParticipants()[0].personId;
    const result = await as(PUBLIC)(ENTITIES, {
      r: [
        { __typename: "Person", id: DemoIds.person.ofySofiana },
        { __typename: "Person", id: participant },
      ],
    });
    expect(result.data?._entities).toEqual([
      { id: DemoIds.person.ofySofiana, fullName: "Ofy Sofiana", deletedAt: null },
      { id: participant, fullName: null, deletedAt: null },
    ]);
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[["_entities", 1, "fullName"], "FORBIDDEN"]]);
  });

  it("reads a deleted institution as null for the public and as marked for editors, while lookups answer NOT_FOUND", async () => {
    const created = await newInstitution();
    const deleted = await as(ADMIN)(DELETE_INSTITUTION, { id: created.id, version: created.version });
    expect(deleted.data).toEqual({ deleteInstitution: created.id });

    const r = [{ __typename: "Institution", id: created.id }];
    const forPublic = await as(PUBLIC)(ENTITIES, { r });
    expect(forPublic.errors).toBeUndefined();
    expect(forPublic.data).toEqual({ _entities: [null] });
    const forPartner = await as(PARTNER)(ENTITIES, { r });
    expect(forPartner.data).toEqual({ _entities: [null] });

    const forEditor = await as(principal("editor", { institutionId: I.kemenlu }))<{ _entities: Array<{ id: string; deletedAt: string | null }> }>(ENTITIES, {
      r,
    });
    expect(forEditor.errors).toBeUndefined();
    expect(forEditor.data!._entities[0].id).toBe(created.id);
    expect(Date.parse(forEditor.data!._entities[0].deletedAt ?? "")).not.toBeNaN();

    const lookup = await as(ADMIN)(`query($id: ID!) { institution(id: $id) { id } }`, { id: created.id });
    expect(codes(lookup)).toEqual(["NOT_FOUND"]);
  });

  it("reads a deleted person as null for partners and as marked for editors", async () => {
    const home = await newInstitution();
    const person = await as(ADMIN)<{ createPerson: Written }>(CREATE_PERSON, { input: { fullName: "Deleted Contact", institutionId: home.id } });
    const { id, version } = person.data!.createPerson;
    expect((await as(ADMIN)(DELETE_PERSON, { id, version })).errors).toBeUndefined();

    const r = [{ __typename: "Person", id }];
    expect((await as(PARTNER)(ENTITIES, { r })).data).toEqual({ _entities: [null] });
    const forEditor = await as(principal("editor", { institutionId: home.id }))<{ _entities: Array<{ fullName: string; deletedAt: string | null }> }>(
      ENTITIES,
      { r },
    );
    expect(forEditor.data!._entities[0].fullName).toBe("Deleted Contact");
    expect(forEditor.data!._entities[0].deletedAt).not.toBeNull();
  });
});

describe("institution mutations", () => {
  it("creates, updates and deletes at the version read, each change counted", async () => {
    const created = await as(ADMIN)<{ createInstitution: Record<string, unknown> & Written }>(CREATE_INSTITUTION, {
      input: { nameEn: "Jakarta Reading Circle", acronym: "JRC", type: "NGO", countryCode: "ID", parentId: null },
    });
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.createInstitution;
    expect(created.data!.createInstitution).toMatchObject({
      version: 1,
      name: "Jakarta Reading Circle",
      acronym: "JRC",
      type: "NGO",
      country: { code: "ID" },
      parent: null,
    });

    const updated = await as(ADMIN)<{ updateInstitution: Written & { acronym: string | null } }>(UPDATE_INSTITUTION, {
      id,
      version: 1,
      input: { acronym: null, nameEn: "Jakarta Reading Club" },
    });
    expect(updated.data!.updateInstitution).toEqual({ id, version: 2, name: "Jakarta Reading Club", acronym: null });

    const stale = await as(ADMIN)(UPDATE_INSTITUTION, { id, version: 1, input: { nameEn: "Lost Update" } });
    expect(codes(stale)).toEqual(["CONFLICT"]);
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 2 });

    const history = await as(ADMIN)<{ institution: { history: Page<{ action: string; version: number }> } }>(
      `query($id: ID!) { institution(id: $id) { history { nodes { action version } } } }`,
      { id },
    );
    expect(history.data!.institution.history.nodes).toEqual([
      { action: "CREATE", version: 1 },
      { action: "UPDATE", version: 2 },
    ]);

    expect(codes(await as(ADMIN)(DELETE_INSTITUTION, { id, version: 1 }))).toEqual(["CONFLICT"]);
    expect((await as(ADMIN)(DELETE_INSTITUTION, { id, version: 2 })).data).toEqual({ deleteInstitution: id });
    expect(codes(await as(ADMIN)(DELETE_INSTITUTION, { id, version: 3 }))).toEqual(["NOT_FOUND"]);
  });

  it("lets an editor create and change units of their own institution only", async () => {
    const own = await newInstitution();
    const other = await newInstitution();
    const editor = as(principal("editor", { institutionId: own.id }));

    const unit = await editor<{ createInstitution: Written & { parent: { id: string } } }>(CREATE_INSTITUTION, {
      input: { nameEn: "Own Unit", type: "DIRECTORATE", countryCode: "ID", parentId: own.id },
    });
    expect(unit.errors).toBeUndefined();
    expect(unit.data!.createInstitution.parent).toEqual({ id: own.id });
    const renamed = await editor<{ updateInstitution: Written }>(UPDATE_INSTITUTION, {
      id: unit.data!.createInstitution.id,
      version: 1,
      input: { nameEn: "Own Unit Renamed" },
    });
    expect(renamed.data!.updateInstitution.version).toBe(2);

    expect(codes(await editor(CREATE_INSTITUTION, { input: { nameEn: "Foreign Unit", type: "DIRECTORATE", countryCode: "ID", parentId: other.id } }))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codes(await editor(CREATE_INSTITUTION, { input: { nameEn: "Free Standing", type: "NGO", countryCode: "ID" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await editor(UPDATE_INSTITUTION, { id: other.id, version: other.version, input: { nameEn: "Taken Over" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await editor(DELETE_INSTITUTION, { id: other.id, version: other.version }))).toEqual(["FORBIDDEN"]);
    // Moving its own unit under someone else's institution needs the right to edit there too.
    expect(codes(await editor(UPDATE_INSTITUTION, { id: unit.data!.createInstitution.id, version: 2, input: { parentId: other.id } }))).toEqual(["FORBIDDEN"]);

    const untouched = await as(ADMIN)<{ institution: Written }>(`query($id: ID!) { institution(id: $id) { id version } }`, { id: other.id });
    expect(untouched.data!.institution).toEqual({ id: other.id, version: 1 });
  });

  it.each<[string, Principal]>([
    ["the public", principal("public")],
    ["a partner", principal("partner", { partnerId: DemoIds.partner.perpusnas })],
  ])("refuses writes by %s with FORBIDDEN", async (_who, who) => {
    const target = await newInstitution();
    expect(codes(await as(who)(CREATE_INSTITUTION, { input: { nameEn: "Nope", type: "NGO", countryCode: "ID" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await as(who)(UPDATE_INSTITUTION, { id: target.id, version: 1, input: { nameEn: "Nope" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await as(who)(DELETE_INSTITUTION, { id: target.id, version: 1 }))).toEqual(["FORBIDDEN"]);
  });

  it("refuses references to unknown or deleted records and self-parenting as BAD_USER_INPUT", async () => {
    const gone = await newInstitution();
    await as(ADMIN)(DELETE_INSTITUTION, { id: gone.id, version: gone.version });
    expect(codes(await as(ADMIN)(CREATE_INSTITUTION, { input: { nameEn: "Nowhere", type: "NGO", countryCode: "ZZ" } }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await as(ADMIN)(CREATE_INSTITUTION, { input: { nameEn: "Orphan", type: "NGO", countryCode: "ID", parentId: gone.id } }))).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(codes(await as(ADMIN)(CREATE_INSTITUTION, { input: { nameEn: "Lost", type: "NGO", countryCode: "ID", areaId: UNKNOWN_ID } }))).toEqual([
      "BAD_USER_INPUT",
    ]);
    const self = await newInstitution();
    expect(codes(await as(ADMIN)(UPDATE_INSTITUTION, { id: self.id, version: 1, input: { parentId: self.id } }))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("person mutations", () => {
  it("lets an editor record, change and delete people of their own institution, with versions", async () => {
    const own = await newInstitution();
    const editor = as(principal("editor", { institutionId: own.id }));
    const created = await editor<{ createPerson: Written & { email: string | null; institution: { id: string } } }>(CREATE_PERSON, {
      input: { fullName: "Siti Rahma", email: "siti@example.org", positionEn: "Librarian", institutionId: own.id },
    });
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.createPerson;
    expect(created.data!.createPerson).toMatchObject({ version: 1, fullName: "Siti Rahma", email: "siti@example.org", institution: { id: own.id } });

    const updated = await editor<{ updatePerson: Written & { position: string | null } }>(UPDATE_PERSON, {
      id,
      version: 1,
      input: { positionEn: "Head Librarian" },
    });
    expect(updated.data!.updatePerson).toEqual({ id, version: 2, fullName: "Siti Rahma", position: "Head Librarian" });
    const stale = await editor(UPDATE_PERSON, { id, version: 1, input: { positionEn: "Director" } });
    expect(codes(stale)).toEqual(["CONFLICT"]);

    const listed = await editor<{ people: Page<{ id: string }> }>(`query($i: ID!) { people(institutionId: $i) { nodes { id } } }`, { i: own.id });
    expect(listed.data!.people.nodes).toEqual([{ id }]);

    expect((await editor(DELETE_PERSON, { id, version: 2 })).data).toEqual({ deletePerson: id });
    expect(codes(await editor(`query($id: ID!) { person(id: $id) { id } }`, { id }))).toEqual(["NOT_FOUND"]);
    const after = await editor<{ people: Page<{ id: string }> }>(`query($i: ID!) { people(institutionId: $i) { totalCount } }`, { i: own.id });
    expect(after.data!.people.totalCount).toBe(0);
  });

  it("refuses an editor people of another institution, and moving a person there", async () => {
    const own = await newInstitution();
    const other = await newInstitution();
    const theirs = await as(ADMIN)<{ createPerson: Written }>(CREATE_PERSON, { input: { fullName: "Their Contact", institutionId: other.id } });
    const mine = await as(ADMIN)<{ createPerson: Written }>(CREATE_PERSON, { input: { fullName: "My Contact", institutionId: own.id } });
    const editor = as(principal("editor", { institutionId: own.id }));

    expect(codes(await editor(CREATE_PERSON, { input: { fullName: "Intruder", institutionId: other.id } }))).toEqual(["FORBIDDEN"]);
    const { id, version } = theirs.data!.createPerson;
    expect(codes(await editor(UPDATE_PERSON, { id, version, input: { fullName: "Renamed" } }))).toEqual(["FORBIDDEN"]);
    expect(codes(await editor(DELETE_PERSON, { id, version }))).toEqual(["FORBIDDEN"]);
    const moved = await editor(UPDATE_PERSON, { id: mine.data!.createPerson.id, version: 1, input: { institutionId: other.id } });
    expect(codes(moved)).toEqual(["FORBIDDEN"]);
    expect(codes(await as(PARTNER)(CREATE_PERSON, { input: { fullName: "Partner Write", institutionId: own.id } }))).toEqual(["FORBIDDEN"]);
  });

  it("refuses a person for an unknown institution as BAD_USER_INPUT", async () => {
    const result = await as(ADMIN)(CREATE_PERSON, { input: { fullName: "Nobody's", institutionId: UNKNOWN_ID } });
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors![0].message).toContain("input.institutionId");
  });
});
