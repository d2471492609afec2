import { EXAMPLE_OPERATIONS } from "@sstc/gateway";
import { as, startTestGraph, type TestGraph } from "../support/graph";

let graph: TestGraph;
let partner: Record<string, string>;
beforeAll(async () => {
  graph = await startTestGraph();
  partner = await as("partner");
});
afterAll(() => graph?.stop());

const storyQuery = EXAMPLE_OPERATIONS.find((op) => op.name === "SeedStory")!.query;

describe("the TPBIS 2023 story through the gateway", () => {
  it("reads programme → edition → host → country, participants, activities and partners in one request", async () => {
    const { status, data, errors } = await graph.query(storyQuery, undefined, partner);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    const program = data!.programByCode;
    expect(program).toMatchObject({
      code: "TPBIS-CP",
      modality: "TRIANGULAR",
      parentProgram: { code: "SSTC" },
      leadInstitution: { acronym: "Perpusnas" },
    });
    expect(program.sdgGoals).toContain(17);

    const partners = program.partnerships.nodes.map((p: any) => [p.partner.institution.name, p.role]).sort();
    expect(partners).toEqual([
      ["Directorate of Social Culture and International Organizations for Developing Countries", "CO_ORGANISER"],
      ["Ministry of State Secretariat", "CO_ORGANISER"],
      ["National Library of Indonesia", "IMPLEMENTING"],
    ]);

    expect(program.editions.nodes).toHaveLength(1);
    const edition = program.editions.nodes[0];
    expect(edition).toMatchObject({
      actualStartDate: "2023-11-13",
      actualEndDate: "2023-11-17",
      venue: "Jakarta",
      hostInstitution: { name: "National Library of Indonesia", country: { code: "ID", name: "Indonesia" } },
    });

    const visit = edition.activities.nodes.find((a: any) => a.kind === "SITE_VISIT");
    expect(visit.site).toEqual({ name: "Mutiara Rawa Binong Library", area: { name: "East Jakarta" } });

    const people = edition.participations.nodes.filter((p: any) => p.role === "PARTICIPANT");
    expect(people).toHaveLength(18);
    const foreign = people.filter((p: any) => p.country.code !== "ID");
    expect(foreign).toHaveLength(8);
    expect(new Set(foreign.map((p: any) => p.country.code))).toEqual(new Set(["LA", "MY", "NP", "LK", "VN", "MM"]));
    expect(foreign.every((p: any) => p.country.colomboPlanMember && p.institution?.name)).toBe(true);
    const indonesian = people.filter((p: any) => p.country.code === "ID");
    expect(indonesian).toHaveLength(10);
    expect(new Set(indonesian.map((p: any) => p.area.level))).toEqual(new Set(["PROVINCE", "REGENCY", "CITY"]));
    const speaker = edition.participations.nodes.find((p: any) => p.role === "SPEAKER");
    expect(speaker.institution.name).toBe("National Library of Indonesia");
  });

  it("answers in Bahasa Indonesia when asked", async () => {
    const { data, errors } = await graph.query(storyQuery, { lang: "ID" }, partner);
    expect(errors).toBeUndefined();
    expect(data!.programByCode.title).toBe("Berbagi Praktik Baik TPBIS dengan Negara-Negara Colombo Plan");
    expect(data!.programByCode.leadInstitution.name).toBe("Perpustakaan Nasional Republik Indonesia");
    expect(data!.programByCode.editions.nodes[0].hostInstitution.country.name).toBe("Indonesia");
  });

  it("names the Chief Secretary of Perpusnas and marks the participants as placeholders", async () => {
    const { data, errors } = await graph.query(
      `{
      institution(id: "00000000-0000-4000-8000-000100000001") {
        people(first: 5) { nodes { fullName position isPlaceholder } }
      }
      edition(id: "00000000-0000-4000-8000-000500000001") {
        participations(first: 50) { nodes { role note person { fullName isPlaceholder } } }
      }
    }`,
      undefined,
      partner,
    );
    expect(errors).toBeUndefined();
    expect(data!.institution.people.nodes).toContainEqual({
      fullName: "Ofy Sofiana",
      position: "Chief Secretary of the National Library",
      isPlaceholder: false,
    });
    const participants = data!.edition.participations.nodes.filter((p: any) => p.role === "PARTICIPANT");
    expect(participants.every((p: any) => p.person.isPlaceholder && /placeholder/i.test(p.note))).toBe(true);
  });

  it("runs every example operation shipped in GraphiQL without errors", async () => {
    for (const op of EXAMPLE_OPERATIONS) {
      const { status, errors } = await graph.query(op.query, op.variables, partner);
      expect({ op: op.name, status, errors }).toEqual({ op: op.name, status: 200, errors: undefined });
    }
  });

  it("counts a country's cooperation in the database and contributes it to the country", async () => {
    const { data, errors } = await graph.query(`{
      lk: country(code: "LK") { cooperationStats { participations participantsSent editionsAttended programsAttended editionsHosted } }
      id: country(code: "ID") { cooperationStats { participantsSent editionsHosted } }
      jp: country(code: "JP") { cooperationStats { participations editionsHosted } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.lk.cooperationStats).toEqual({ participations: 2, participantsSent: 2, editionsAttended: 1, programsAttended: 1, editionsHosted: 0 });
    expect(data!.id.cooperationStats).toEqual({ participantsSent: 10, editionsHosted: 1 });
    expect(data!.jp.cooperationStats).toEqual({ participations: 0, editionsHosted: 0 });
  });

  it("links partners to their agreements and the Colombo Plan to its secretariat", async () => {
    const { data, errors } = await graph.query(`{
      partners(first: 10) { totalCount nodes { acronym institution { name country { code } } agreementParties { nodes { agreement { kind } } } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.partners.totalCount).toBe(5);
    const colomboPlan = data!.partners.nodes.find((p: any) => p.acronym === "Colombo Plan");
    expect(colomboPlan.institution).toEqual({ name: "Colombo Plan Secretariat", country: { code: "LK" } });
    expect(colomboPlan.agreementParties.nodes).toEqual([{ agreement: { kind: "FRAMEWORK" } }]);
  });
});
