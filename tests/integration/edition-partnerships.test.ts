import { DemoIds } from "@sstc/demo-data";
import { as, codes, expectData, startTestGraph, type TestGraph } from "../support/graph";

/* Partners of one edition (besides those of the whole programme), read and written through the gateway. */
let graph: TestGraph;
let admin: Record<string, string>;
beforeAll(async () => {
  graph = await startTestGraph();
  admin = await as("admin");
});
afterAll(() => graph?.stop());

const P = DemoIds.partner;
const EDITION = DemoIds.edition.tpbisColomboPlan2023;
const CREATE = `mutation Partner($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id role edition { id } } }`;
const acronyms = (nodes: Array<{ partner: { acronym: string } }>) => nodes.map((n) => n.partner.acronym).sort();

async function newEdition(published: boolean, programId: string = DemoIds.program.tpbisColomboPlan) {
  const data = expectData(
    await graph.query(
      `mutation NewEdition($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
      {
        input: {
          programId,
          titleEn: `Edition ${published ? "public" : "draft"} ${Math.random()}`,
          plannedStartDate: "2026-11-09",
          plannedEndDate: "2026-11-13",
          venueCountryCode: "ID",
          hostInstitutionId: DemoIds.institution.perpusnas,
          invitedCountryCodes: ["LK"],
          status: "PIPELINE",
          published,
        },
      },
      admin,
    ),
  );
  return data.createEdition.id as string;
}

describe("the demo edition", () => {
  it("has the partners the article says collaborated for the activity; the programme lists them too, with their edition", async () => {
    const data = expectData(
      await graph.query(
        `query EditionPartners($id: ID!) {
        edition(id: $id) { partnerships { nodes { role partner { acronym } edition { id } } } }
        programByCode(code: "TPBIS-CP") { partnerships { nodes { role partner { acronym } edition { id } } } }
      }`,
        { id: EDITION },
      ),
    );
    expect(acronyms(data.edition.partnerships.nodes)).toEqual(["Dit. Sosbud & OINB", "Kemensetneg"]);
    expect(data.edition.partnerships.nodes.every((n: { edition: { id: string } }) => n.edition.id === EDITION)).toBe(true);
    // Other tests of this file add partnerships to TPBIS-CP: the demo's are among them.
    expect(data.programByCode.partnerships.nodes).toContainEqual({ role: "IMPLEMENTING", partner: { acronym: "Perpusnas" }, edition: null });
    expect(data.programByCode.partnerships.nodes).toContainEqual({ role: "CO_ORGANISER", partner: { acronym: "Kemensetneg" }, edition: { id: EDITION } });
  });
});

describe("recording a partner for one edition", () => {
  it("refuses an edition of another programme and an unknown edition", async () => {
    const otherProgramsEdition = await newEdition(true, DemoIds.program.tpbis);
    const base = { programId: DemoIds.program.tpbisColomboPlan, partnerId: P.kemenlu, role: "FUNDING" };
    const wrong = await graph.query(CREATE, { input: { ...base, editionId: otherProgramsEdition } }, admin);
    expect(codes(wrong)).toEqual(["BAD_USER_INPUT"]);
    expect(wrong.errors![0].extensions).toMatchObject({ field: "input.editionId" });
    expect(codes(await graph.query(CREATE, { input: { ...base, editionId: "00000000-0000-4000-8000-00990000abcd" } }, admin))).toEqual(["BAD_USER_INPUT"]);
  });

  it("keeps one role per partner and edition under racing requests, apart from the same role for the whole programme", async () => {
    // Perpusnas is IMPLEMENTING for the whole programme already; the same role for one edition is another record.
    const input = { programId: DemoIds.program.tpbisColomboPlan, partnerId: P.perpusnas, role: "IMPLEMENTING", editionId: await newEdition(true) };
    // Racing: 6 identical writes by an admin, and 3 by an editor of another partner, who must be refused.
    const otherPartner = await as("editor", { partnerId: P.kemenlu, subject: "editor@kemenlu-partnerships" });
    const [results, refused] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => graph.query(CREATE, { input }, admin))),
      Promise.all(Array.from({ length: 3 }, () => graph.query(CREATE, { input }, otherPartner))),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codes)).toEqual(Array.from({ length: 5 }, () => ["CONFLICT"]));
    expect(refused.map(codes)).toEqual(Array.from({ length: 3 }, () => ["FORBIDDEN"]));
    // Reconciled: the edition holds the one acknowledged partnership, exactly once.
    const won = results.find((r) => !r.errors)!.data!.createProgramPartnership;
    const stored = expectData(
      await graph.query(`query Stored($id: ID!) { edition(id: $id) { partnerships { nodes { id } } } }`, { id: input.editionId }, admin),
    );
    expect(stored.edition.partnerships.nodes).toEqual([{ id: won.id }]);
    const { editionId: _, ...wholeProgramme } = input;
    expect(codes(await graph.query(CREATE, { input: wholeProgramme }, admin))).toEqual(["CONFLICT"]);
  });

  it("does not show the public a partnership of a draft edition, on the programme or the partner", async () => {
    const draft = await newEdition(false);
    const made = expectData(
      await graph.query(CREATE, { input: { programId: DemoIds.program.tpbisColomboPlan, partnerId: P.colomboPlan, role: "FUNDING", editionId: draft } }, admin),
    ).createProgramPartnership;
    const query = `query Funding($partner: ID!) {
      programByCode(code: "TPBIS-CP") { partnerships(first: 50) { nodes { id } } }
      partner(id: $partner) { partnerships(first: 50) { nodes { id edition { id } } } }
    }`;
    const ids = (data: { programByCode: { partnerships: { nodes: Array<{ id: string }> } }; partner: { partnerships: { nodes: Array<{ id: string }> } } }) => [
      data.programByCode.partnerships.nodes.some((n) => n.id === made.id),
      data.partner.partnerships.nodes.some((n) => n.id === made.id),
    ];
    expect(ids(expectData(await graph.query(query, { partner: P.colomboPlan })))).toEqual([false, false]);
    const partnerView = expectData(await graph.query(query, { partner: P.colomboPlan }, await as("partner")));
    expect(ids(partnerView)).toEqual([true, true]);
  });
});
