import { DemoIds, demoParticipants } from "@sstc/demo-data";
import { as, codes, expectData, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Public and private by the role a person plays: Perpusnas's Chief Secretary,
 * who closed the 2023 edition in public, is public by name, position and
 * institution; participants' names and positions need the partner role;
 * personal contact data needs the editor role whoever the person is. Only
 * editors (of the person's institution) decide who acts in a public capacity.
 */
let graph: TestGraph;
const headers: Record<"public" | "partner" | "editor" | "perpusnasEditor" | "kemenluEditor", Record<string, string>> = {
  public: {},
  partner: {},
  editor: {},
  perpusnasEditor: {},
  kemenluEditor: {},
};
beforeAll(async () => {
  graph = await startTestGraph();
  headers.partner = await as("partner", { partnerId: DemoIds.partner.kemenlu });
  headers.editor = await as("editor", { institutionId: DemoIds.institution.kemensetneg });
  headers.perpusnasEditor = await as("editor", { institutionId: DemoIds.institution.perpusnas });
  headers.kemenluEditor = await as("editor", { institutionId: DemoIds.institution.kemenlu });
});
afterAll(() => graph?.stop());

const OFY = DemoIds.person.ofySofiana;
const participant = demoParticipants()[0];

const PERSON = `query($id: ID!) {
  person(id: $id) {
    isPlaceholder publicCapacity fullName position positionId: position(lang: ID) positionText(lang: ID) { text fallback }
    institution { acronym name }
  }
}`;
const CONTACT = `query($id: ID!) { person(id: $id) { isPlaceholder email phone gender } }`;

const forbiddenAt = (result: { errors?: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }> }) =>
  (result.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN").map((e) => e.path?.join("."));

describe("a person acting in a public capacity", () => {
  it.each(["public", "partner", "editor"] as const)("shows the official's name, position and institution to the %s role", async (role) => {
    const result = await graph.query(PERSON, { id: OFY }, headers[role]);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      person: {
        isPlaceholder: false,
        publicCapacity: true,
        fullName: "Ofy Sofiana",
        position: "Chief Secretary of the National Library",
        positionId: "Sekretaris Utama Perpustakaan Nasional",
        positionText: { text: "Sekretaris Utama Perpustakaan Nasional", fallback: false },
        institution: { acronym: "Perpusnas", name: "National Library of Indonesia" },
      },
    });
  });

  it("lists the official, and only her, on the public institution page and in the public people list", async () => {
    const result = await graph.query(
      `query($i: ID!) { institution(id: $i) { people { totalCount nodes { fullName position } } } people(first: 100) { totalCount nodes { id fullName } } }`,
      { i: DemoIds.institution.perpusnas },
    );
    const data = expectData(result);
    expect(data.institution.people).toEqual({ totalCount: 1, nodes: [{ fullName: "Ofy Sofiana", position: "Chief Secretary of the National Library" }] });
    expect(data.people).toEqual({ totalCount: 1, nodes: [{ id: OFY, fullName: "Ofy Sofiana" }] });
  });

  it("keeps her personal data from the public and partner roles, each field null with FORBIDDEN at its path", async () => {
    for (const role of ["public", "partner"] as const) {
      const result = await graph.query(CONTACT, { id: OFY }, headers[role]);
      expect(result.data).toEqual({ person: { isPlaceholder: false, email: null, phone: null, gender: null } });
      expect(forbiddenAt(result).sort()).toEqual(["person.email", "person.gender", "person.phone"]);
    }
    const editor = await graph.query(CONTACT, { id: OFY }, headers.editor);
    expect(editor.errors).toBeUndefined();
    expect(editor.data!.person.gender).toBe("FEMALE");
  });
});

describe("a participant", () => {
  it("is refused by name, position and institution to the public role, each null with FORBIDDEN, the rest standing", async () => {
    const result = await graph.query(PERSON, { id: participant.personId });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      person: { isPlaceholder: true, publicCapacity: false, fullName: null, position: null, positionId: null, positionText: null, institution: null },
    });
    expect(forbiddenAt(result).sort()).toEqual(["person.fullName", "person.institution", "person.position", "person.positionId", "person.positionText"]);
    expect(codes(result).every((code) => code === "FORBIDDEN")).toBe(true);
    // The same shape as every other refusal: the field, the role it needs, and why this record is not open.
    const fullName = result.errors!.find((e) => e.path?.join(".") === "person.fullName")!;
    expect(fullName.message).toBe("Person.fullName requires the partner role unless the person acts in a public capacity.");
    expect(JSON.stringify(result)).not.toContain(participant.name);
  });

  it("is left out of the public's people lists", async () => {
    const result = await graph.query(`query($i: ID!) { institution(id: $i) { people { totalCount } } }`, { i: participant.institutionId });
    expect(expectData(result).institution.people).toEqual({ totalCount: 0 });
  });

  it("shows the participant's name and position to the partner role, not their contact data", async () => {
    const named = await graph.query(PERSON, { id: participant.personId }, headers.partner);
    expect(named.errors).toBeUndefined();
    expect(named.data!.person).toMatchObject({ fullName: participant.name, publicCapacity: false });
    const contact = await graph.query(CONTACT, { id: participant.personId }, headers.partner);
    expect(contact.data).toEqual({ person: { isPlaceholder: true, email: null, phone: null, gender: null } });
    expect(forbiddenAt(contact).sort()).toEqual(["person.email", "person.gender", "person.phone"]);
  });

  it("shows contact data to the editor role", async () => {
    const result = await graph.query(CONTACT, { id: participant.personId }, headers.editor);
    expect(result.errors).toBeUndefined();
    expect(result.data!.person).toEqual({
      isPlaceholder: true,
      email: expect.stringMatching(/@example\.org$/),
      phone: expect.stringMatching(/^\+62-/),
      gender: participant.gender,
    });
  });
});

describe("who may make a person public", () => {
  const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id version publicCapacity } }`;
  const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdatePersonInput!) { updatePerson(id: $id, version: $version, input: $input) { id version publicCapacity fullName } }`;
  const newPerson = async () => {
    const result = await graph.query(
      CREATE,
      { input: { fullName: "Speaker To Be", positionEn: "Head of Services", institutionId: DemoIds.institution.perpusnas, email: "speaker@example.org" } },
      headers.perpusnasEditor,
    );
    return expectData(result).createPerson as { id: string; version: number; publicCapacity: boolean };
  };

  it("creates people outside public capacity unless told", async () => {
    const person = await newPerson();
    expect(person.publicCapacity).toBe(false);
    const read = await graph.query(`query($id: ID!) { person(id: $id) { fullName } }`, { id: person.id });
    expect(forbiddenAt(read)).toEqual(["person.fullName"]);
  });

  it("refuses a partner, and an editor of another institution, and changes nothing", async () => {
    const person = await newPerson();
    const byPartner = await graph.query(UPDATE, { id: person.id, version: person.version, input: { publicCapacity: true } }, headers.partner);
    expect(codes(byPartner)).toEqual(["FORBIDDEN"]);
    const byOtherEditor = await graph.query(UPDATE, { id: person.id, version: person.version, input: { publicCapacity: true } }, headers.kemenluEditor);
    expect(codes(byOtherEditor)).toEqual(["FORBIDDEN"]);
    const after = await graph.query(`query($id: ID!) { person(id: $id) { version publicCapacity } }`, { id: person.id }, headers.partner);
    expect(after.data).toEqual({ person: { version: person.version, publicCapacity: false } });
  });

  it("lets an editor of the person's institution make them public and private again, each change in the history", async () => {
    const person = await newPerson();
    const opened = await graph.query(UPDATE, { id: person.id, version: person.version, input: { publicCapacity: true } }, headers.perpusnasEditor);
    expect(expectData(opened).updatePerson).toMatchObject({ publicCapacity: true, fullName: "Speaker To Be", version: person.version + 1 });
    const publicRead = await graph.query(`query($id: ID!) { person(id: $id) { fullName position email } }`, { id: person.id });
    expect(publicRead.data).toEqual({ person: { fullName: "Speaker To Be", position: "Head of Services", email: null } });
    expect(forbiddenAt(publicRead)).toEqual(["person.email"]);

    const closed = await graph.query(UPDATE, { id: person.id, version: person.version + 1, input: { publicCapacity: false } }, headers.perpusnasEditor);
    expect(expectData(closed).updatePerson.publicCapacity).toBe(false);
    const hidden = await graph.query(`query($id: ID!) { person(id: $id) { fullName } }`, { id: person.id });
    expect(forbiddenAt(hidden)).toEqual(["person.fullName"]);

    const history = await graph.query(
      `query($id: ID!) { person(id: $id) { history { nodes { action changes { field from to } } } } }`,
      { id: person.id },
      headers.perpusnasEditor,
    );
    const changes = expectData(history).person.history.nodes.flatMap((n: { changes: Array<{ field: string; from: string; to: string }> }) => n.changes);
    expect(changes.filter((c: { field: string }) => c.field === "publicCapacity")).toEqual(
      expect.arrayContaining([
        { field: "publicCapacity", from: "false", to: "true" },
        { field: "publicCapacity", from: "true", to: "false" },
      ]),
    );
  });

  it("refuses null for the flag (it is true or false) as BAD_USER_INPUT naming the field", async () => {
    const person = await newPerson();
    const result = await graph.query(UPDATE, { id: person.id, version: person.version, input: { publicCapacity: null } }, headers.perpusnasEditor);
    expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(result.errors![0].extensions)).toContain("publicCapacity");
  });
});
