import { DemoIds } from "@sstc/demo-data";
import { as, codes, expectData, startTestGraph, type TestGraph } from "../support/graph";

/* Who took part in an activity and in what role, and what they said, attributed to a person and a source. */
let graph: TestGraph;
let perpusnasEditor: Record<string, string>;
let kemenluEditor: Record<string, string>;
let activity: Record<string, string>;
beforeAll(async () => {
  graph = await startTestGraph();
  perpusnasEditor = await as("editor", { institutionId: DemoIds.institution.perpusnas, subject: "editor@perpusnas-testimony" });
  kemenluEditor = await as("editor", { institutionId: DemoIds.institution.kemenlu, subject: "editor@kemenlu-testimony" });
  const data = expectData(
    await graph.query(`query Activities($id: ID!) { edition(id: $id) { activities(first: 10) { nodes { id kind } } } }`, {
      id: DemoIds.edition.tpbisColomboPlan2023,
    }),
  );
  activity = Object.fromEntries(data.edition.activities.nodes.map((a: { id: string; kind: string }) => [a.kind, a.id]));
});
afterAll(() => graph?.stop());

// Who a person is needs the partner role (the institutions subgraph); the public sees the role alone.
const PEOPLE = `query People($id: ID!) { edition(id: $id) { activities(first: 10) { nodes { kind people(first: 25) { nodes { role } } } } } }`;
const PEOPLE_BY_NAME = `query PeopleByName($id: ID!) { edition(id: $id) { activities(first: 10) { nodes { kind people(first: 25) { nodes { role person { id } } } } } } }`;
const peopleByKind = async (headers?: Record<string, string>) => {
  const data = expectData(await graph.query(headers ? PEOPLE_BY_NAME : PEOPLE, { id: DemoIds.edition.tpbisColomboPlan2023 }, headers));
  return Object.fromEntries(
    data.edition.activities.nodes.map((a: { kind: string; people: { nodes: Array<{ role: string; person: { id: string } | null }> } }) => [
      a.kind,
      a.people.nodes,
    ]),
  ) as Record<string, Array<{ role: string; person: { id: string } }>>;
};

describe("the closing of the demo edition", () => {
  it("names its speaker, an official acting in a public capacity, to the public", async () => {
    const data = expectData(
      await graph.query(
        `query Speaker($id: ID!) { edition(id: $id) { activities(first: 10) { nodes { kind people(first: 5) { nodes { role person { fullName } } } statements(first: 1) { nodes { speaker { fullName position } } } } } } }`,
        { id: DemoIds.edition.tpbisColomboPlan2023 },
      ),
    );
    const closing = data.edition.activities.nodes.find((a: { kind: string }) => a.kind === "CLOSING");
    expect(closing.people.nodes).toEqual([{ role: "SPEAKER", person: { fullName: "Ofy Sofiana" } }]);
    expect(closing.statements.nodes).toEqual([{ speaker: { fullName: "Ofy Sofiana", position: expect.stringMatching(/Chief Secretary/) } }]);
  });

  it("shows its speaker to everyone and its visitors to the partner role and above", async () => {
    const publicView = await peopleByKind();
    expect(publicView.CLOSING).toEqual([{ role: "SPEAKER" }]);
    expect(publicView.SITE_VISIT).toEqual([]);
    const partnerView = await peopleByKind(await as("partner"));
    expect(partnerView.CLOSING).toEqual([{ role: "SPEAKER", person: { id: DemoIds.person.ofySofiana } }]);
    expect(partnerView.SITE_VISIT).toHaveLength(18);
    expect(new Set(partnerView.SITE_VISIT.map((p) => p.role))).toEqual(new Set(["VISITOR"]));
  });

  it("holds what the Chief Secretary said, quoted or reported, each attributed to her and to the article", async () => {
    const data = expectData(
      await graph.query(
        `query Said($id: ID!) { edition(id: $id) { activities(first: 10) { nodes { kind statements(first: 10) { nodes { text verbatim locator speaker { id } source { publisher } } } } } } }`,
        { id: DemoIds.edition.tpbisColomboPlan2023 },
        await as("partner"),
      ),
    );
    const closing = data.edition.activities.nodes.find((a: { kind: string }) => a.kind === "CLOSING");
    closing.statements = closing.statements.nodes;
    expect(closing.statements).toHaveLength(7);
    for (const s of closing.statements)
      expect(s).toMatchObject({
        speaker: { id: DemoIds.person.ofySofiana },
        source: { publisher: "ANTARA" },
        locator: expect.stringMatching(/^paragraph \d+$/),
      });
    // Quoted: paragraphs 4, 6, 9 and 12; reported: 7, 10 and 11 (paragraph 8 is the organisers' pledge, a commitment).
    expect(closing.statements.filter((s: { verbatim: boolean }) => s.verbatim)).toHaveLength(4);
    expect(closing.statements.map((s: { text: string }) => s.text)).toContainEqual(
      expect.stringMatching(/^Let us work together to optimize the power of libraries/),
    );
  });
});

const ADD = `mutation Add($input: AddActivityPersonInput!) { addActivityPerson(input: $input) { id version role person { id } } }`;
const SAY = `mutation Say($input: CreateStatementInput!) { createStatement(input: $input) { id version verbatim text source { publisher } } }`;

describe("recording testimony", () => {
  it("is for the edition's editors only, checked before anything else, and refuses unknown people and sources", async () => {
    const input = { activityId: activity.SITE_VISIT, personId: DemoIds.person.ofySofiana, role: "HOST" };
    expect(codes(await graph.query(ADD, { input }))).toEqual(["FORBIDDEN"]);
    expect(codes(await graph.query(ADD, { input }, kemenluEditor))).toEqual(["FORBIDDEN"]);
    expect(codes(await graph.query(ADD, { input: { ...input, personId: "00000000-0000-4000-8000-00990000abcd" } }, perpusnasEditor))).toEqual([
      "BAD_USER_INPUT",
    ]);
    const statement = {
      activityId: activity.SITE_VISIT,
      personId: DemoIds.person.ofySofiana,
      textEn: "Welcome.",
      sourceId: "00000000-0000-4000-8000-00990000abcd",
    };
    expect(codes(await graph.query(SAY, { input: statement }, perpusnasEditor))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await graph.query(SAY, { input: { ...statement, sourceId: DemoIds.source.antaraTpbis2023 } }, kemenluEditor))).toEqual(["FORBIDDEN"]);
  });

  it("keeps one role per person and activity under racing requests, and shows a host to the public once recorded", async () => {
    const input = { activityId: activity.SITE_VISIT, personId: DemoIds.person.ofySofiana, role: "HOST" };
    const results = await Promise.all(Array.from({ length: 6 }, () => graph.query(ADD, { input }, perpusnasEditor)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codes)).toEqual(Array.from({ length: 5 }, () => ["CONFLICT"]));
    expect((await peopleByKind()).SITE_VISIT).toEqual([{ role: "HOST" }]);

    const host = results.find((r) => !r.errors)!.data!.addActivityPerson;
    const REMOVE = `mutation Remove($id: ID!, $version: Int!) { removeActivityPerson(id: $id, version: $version) }`;
    expect(expectData(await graph.query(REMOVE, { id: host.id, version: host.version }, perpusnasEditor)).removeActivityPerson).toBe(host.id);
    expect((await peopleByKind()).SITE_VISIT).toEqual([]);
  });

  it("records a statement attributed to a person and a source, and deletes it", async () => {
    const created = expectData(
      await graph.query(
        SAY,
        {
          input: {
            activityId: activity.SITE_VISIT,
            personId: DemoIds.person.ofySofiana,
            textEn: "Libraries change lives.",
            verbatim: false,
            sourceId: DemoIds.source.antaraTpbis2023,
          },
        },
        perpusnasEditor,
      ),
    ).createStatement;
    expect(created).toMatchObject({ verbatim: false, text: "Libraries change lives.", source: { publisher: "ANTARA" } });
    const DEL = `mutation Unsay($id: ID!, $version: Int!) { deleteStatement(id: $id, version: $version) }`;
    expect(codes(await graph.query(DEL, { id: created.id, version: created.version + 1 }, perpusnasEditor))).toEqual(["CONFLICT"]);
    expect(expectData(await graph.query(DEL, { id: created.id, version: created.version }, perpusnasEditor)).deleteStatement).toBe(created.id);
  });
});
