import { DemoIds } from "@sstc/demo-data";
import { as, expectData, startTestGraph, type TestGraph } from "../support/graph";

/*
 * Sources and placeholders on the demo data set, through the gateway: every
 * record is either cited to the article it comes from or marked as a
 * placeholder, never both and never neither; a documented record names the
 * fields whose values the article does not give.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

const PROVENANCE = "id isPlaceholder placeholderFields sources { id publisher }";

interface Provenanced {
  id: string;
  isPlaceholder: boolean;
  placeholderFields: string[];
  sources: Array<{ id: string; publisher: string }>;
}
type Nodes = { nodes: Provenanced[] };

// In six requests, each well within the cost limit.
const QUERIES = {
  programs: `query ProgramRecords { programs(first: 10) { nodes { ${PROVENANCE} partnerships(first: 10) { nodes { ${PROVENANCE} } } } } }`,
  editions: `query EditionRecords {
    editions(first: 5) { nodes { ${PROVENANCE} activities(first: 10) { nodes { ${PROVENANCE} } } commitments(first: 10) { nodes { ${PROVENANCE} } } } }
  }`,
  participations: `query ParticipationRecords { editions(first: 5) { nodes { participations(first: 25) { nodes { ${PROVENANCE} } } } } }`,
  // The demo edition is the only one with people and statements at its activities.
  activities: `query ActivityRecords {
    edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") {
      activities(first: 5) { nodes { people(first: 25) { nodes { ${PROVENANCE} } } statements(first: 10) { nodes { ${PROVENANCE} } } } }
    }
  }`,
  institutions: `query InstitutionRecords {
    institutions(first: 50) { nodes { ${PROVENANCE} } }
    people(first: 50) { nodes { ${PROVENANCE} } }
    administrativeAreas(first: 50) { nodes { ${PROVENANCE} } }
  }`,
  partners: `query PartnerRecords { partners(first: 20) { nodes { ${PROVENANCE} } } agreements(first: 10) { nodes { ${PROVENANCE} parties(first: 10) { nodes { ${PROVENANCE} } } } } }`,
};

interface Answers {
  programs: { programs: { nodes: Array<Provenanced & { partnerships: Nodes }> } };
  editions: { editions: { nodes: Array<Provenanced & { activities: Nodes; commitments: Nodes }> } };
  participations: { editions: { nodes: Array<{ participations: Nodes }> } };
  activities: { edition: { activities: { nodes: Array<{ people: Nodes; statements: Nodes }> } } };
  institutions: { institutions: Nodes; people: Nodes; administrativeAreas: Nodes };
  partners: { partners: Nodes; agreements: { nodes: Array<Provenanced & { parties: Nodes }> } };
}

describe("provenance of the demo data", () => {
  let records: Record<string, Provenanced[]>;
  beforeAll(async () => {
    const admin = await as("admin");
    const ask = async <K extends keyof Answers>(key: K) => expectData(await graph.query<Answers[K]>(QUERIES[key], {}, admin));
    const [programs, editions, participations, activities, institutions, partners] = await Promise.all([
      ask("programs"),
      ask("editions"),
      ask("participations"),
      ask("activities"),
      ask("institutions"),
      ask("partners"),
    ]);
    records = {
      Program: programs.programs.nodes,
      ProgramPartnership: programs.programs.nodes.flatMap((p) => p.partnerships.nodes),
      Edition: editions.editions.nodes,
      Activity: editions.editions.nodes.flatMap((e) => e.activities.nodes),
      ActivityPerson: activities.edition.activities.nodes.flatMap((a) => a.people.nodes),
      Statement: activities.edition.activities.nodes.flatMap((a) => a.statements.nodes),
      Participation: participations.editions.nodes.flatMap((e) => e.participations.nodes),
      Commitment: editions.editions.nodes.flatMap((e) => e.commitments.nodes),
      Institution: institutions.institutions.nodes,
      Person: institutions.people.nodes,
      AdministrativeArea: institutions.administrativeAreas.nodes,
      Partner: partners.partners.nodes,
      Agreement: partners.agreements.nodes,
      AgreementParty: partners.agreements.nodes.flatMap((a) => a.parties.nodes),
    };
  });

  it("reaches records of every kind", () => {
    for (const [type, list] of Object.entries(records)) expect([type, list.length > 0]).toEqual([type, true]);
  });

  it("cites the article on every record it documents and marks every other record a placeholder, never both", () => {
    const unmarked: string[] = [];
    for (const [type, list] of Object.entries(records)) {
      for (const r of list) {
        const cited = r.sources.length > 0;
        if (cited === r.isPlaceholder) unmarked.push(`${type} ${r.id}: cited ${cited}, placeholder ${r.isPlaceholder}`);
        if (r.isPlaceholder && r.placeholderFields.length) unmarked.push(`${type} ${r.id}: a placeholder lists placeholder fields`);
        for (const s of r.sources) expect(s).toEqual({ id: DemoIds.source.antaraTpbis2023, publisher: "ANTARA" });
      }
    }
    expect(unmarked).toEqual([]);
  });

  it("marks what the article does not say: the invented commitments, modality and SDG alignment, and who came from where", () => {
    const byId = (type: string, id: string) => records[type].find((r) => r.id === id)!;
    // Seven invented country commitments, and the organiser's pledge the article reports (cited).
    expect(records.Commitment.filter((c) => c.isPlaceholder)).toHaveLength(7);
    expect(records.Commitment.filter((c) => !c.isPlaceholder)).toHaveLength(1);
    expect(byId("Program", DemoIds.program.tpbisColomboPlan).placeholderFields).toEqual(expect.arrayContaining(["modality", "sdgGoals", "sdgTargets"]));
    expect(byId("Person", DemoIds.person.ofySofiana)).toMatchObject({ isPlaceholder: false, placeholderFields: [] });
    const participants = records.Participation.filter((p) => p.placeholderFields.includes("country"));
    expect(participants).toHaveLength(18);
  });
});

describe("sources", () => {
  it("are public, listed and looked up by id, and followed from a record of any subgraph", async () => {
    const data = expectData(
      await graph.query(
        `query Sources($id: ID!, $partner: ID!) {
        sources(first: 10) { totalCount nodes { id publisher title publishedOn language credits placeholderFields } }
        source(id: $id) { publisher }
        partner(id: $partner) { sources { publisher publishedOn } }
      }`,
        { id: DemoIds.source.antaraTpbis2023, partner: DemoIds.partner.perpusnas },
      ),
    );
    expect(data.sources).toEqual({
      totalCount: 1,
      nodes: [
        {
          id: DemoIds.source.antaraTpbis2023,
          publisher: "ANTARA",
          title: expect.stringContaining("Colombo Plan"),
          publishedOn: "2023-11-17",
          language: "en",
          credits: expect.stringContaining("Tia Mutiasari"),
          placeholderFields: ["title"],
        },
      ],
    });
    expect(data.source).toEqual({ publisher: "ANTARA" });
    // The partners subgraph holds only the citation; the gateway fetches the source from programs.
    expect(data.partner.sources).toEqual([{ publisher: "ANTARA", publishedOn: "2023-11-17" }]);
  });
});

describe("statistics over placeholders", () => {
  it("say, per bucket, how many of the counted items rest on a placeholder", async () => {
    const { statistics } = expectData(
      await graph.query(`query PlaceholderStatistics {
        statistics {
          participationCount placeholderParticipationCount placeholderProgramCount placeholderEditionCount
          participantsByCountry { key count placeholderCount }
          participantsByGender { key count placeholderCount }
          participantsByRole { key count placeholderCount }
          programsByModality { key count placeholderCount }
          programsBySdgGoal { key count placeholderCount }
        }
      }`),
    );
    expect(statistics).toMatchObject({ participationCount: 19, placeholderParticipationCount: 0, placeholderProgramCount: 0, placeholderEditionCount: 0 });
    // Who came from which country is not in the article: all but the speaker rest on a placeholder.
    const byCountry = Object.fromEntries(statistics.participantsByCountry.map((b: { key: string }) => [b.key, b]));
    expect(byCountry.ID).toEqual({ key: "ID", count: 11, placeholderCount: 10 });
    for (const code of ["LA", "MY", "NP", "LK", "VN", "MM"]) expect(byCountry[code].placeholderCount).toBe(byCountry[code].count);
    // The speaker's gender is the article's ("she said"); the participants' are invented.
    expect(statistics.participantsByGender).toEqual([
      { key: "FEMALE", count: 10, placeholderCount: 9 },
      { key: "MALE", count: 9, placeholderCount: 9 },
    ]);
    // Roles are documented: one speaker, eighteen participants.
    expect(statistics.participantsByRole.every((b: { placeholderCount: number }) => b.placeholderCount === 0)).toBe(true);
    // TPBIS has no modality (documented as unknown); SSTC's and TPBIS-CP's modalities are invented.
    expect(statistics.programsByModality).toEqual([
      { key: "NONE", count: 1, placeholderCount: 0 },
      { key: "SOUTH_SOUTH", count: 1, placeholderCount: 1 },
      { key: "TRIANGULAR", count: 1, placeholderCount: 1 },
    ]);
    for (const bucket of statistics.programsBySdgGoal) expect(bucket.placeholderCount).toBe(bucket.count);
  });
});

describe("statistics by participation role", () => {
  it("leave the speaker out of the participant figures when asked for participants only", async () => {
    const { statistics } = expectData(
      await graph.query(`query ParticipantsOnly {
        statistics(filter: { participationRoles: [PARTICIPANT] }) { participationCount personCount participantsByCountry { key count } editionCount }
      }`),
    );
    expect(statistics.participationCount).toBe(18);
    expect(statistics.personCount).toBe(18);
    // Ten Indonesians, without the Chief Secretary; edition figures are not affected.
    expect(statistics.participantsByCountry).toContainEqual({ key: "ID", count: 10 });
    expect(statistics.editionCount).toBe(1);
  });

  it("refuses an empty list of roles as a client mistake", async () => {
    const result = await graph.query(`query NoRoles { statistics(filter: { participationRoles: [] }) { participationCount } }`);
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([["BAD_USER_INPUT", "filter.participationRoles"]]);
  });
});
