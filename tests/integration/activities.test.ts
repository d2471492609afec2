import { DemoIds } from "@sstc/demo-data";
import { as, codes, expectData, startTestGraph, type TestGraph } from "../support/graph";

/* An activity's period (first and last day) and its place (venue, area, site), read and written through the gateway. */
let graph: TestGraph;
let editor: Record<string, string>;
beforeAll(async () => {
  graph = await startTestGraph();
  editor = await as("editor", { institutionId: DemoIds.institution.perpusnas, subject: "editor@perpusnas-activities" });
});
afterAll(() => graph?.stop());

const CREATE = `mutation NewActivity($input: CreateActivityInput!) { createActivity(input: $input) { id version date endDate venue venueArea { id } } }`;
const UPDATE = `mutation ChangeActivity($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { id version date endDate } }`;
// Written to an edition of its own, so that the demo edition's activities stay as the other test reads them, whatever the order.
let base: { editionId: string; kind: string; titleEn: string };

describe("the demo edition's activities", () => {
  it("hold the five days of exploration in Jakarta and the visit in East Jakarta, as the article gives them", async () => {
    const data = expectData(
      await graph.query(
        `query Activities($id: ID!) { edition(id: $id) { activities(first: 10) { nodes { kind date endDate venue venueArea { name } site { name } placeholderFields } } } }`,
        { id: DemoIds.edition.tpbisColomboPlan2023 },
      ),
    );
    const [exploration, visit, closing] = data.edition.activities.nodes;
    expect(exploration).toEqual({
      kind: "SESSION",
      date: "2023-11-13",
      endDate: "2023-11-17",
      venue: "Jakarta",
      venueArea: { name: "Special Capital Region of Jakarta" },
      site: null,
      placeholderFields: [],
    });
    expect(visit).toMatchObject({ kind: "SITE_VISIT", date: null, venueArea: { name: "East Jakarta" }, site: { name: "Mutiara Rawa Binong Library" } });
    expect(closing).toMatchObject({ kind: "CLOSING", date: "2023-11-17", endDate: "2023-11-17", placeholderFields: ["site"] });
  });
});

describe("writing an activity's period and place", () => {
  beforeAll(async () => {
    const edition = expectData(
      await graph.query(
        `mutation NewEdition($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
        {
          input: {
            programId: DemoIds.program.tpbisColomboPlan,
            titleEn: "Workshop week",
            plannedStartDate: "2026-11-09",
            plannedEndDate: "2026-11-13",
            venueCountryCode: "ID",
            hostInstitutionId: DemoIds.institution.perpusnas,
            invitedCountryCodes: ["LK"],
            status: "PIPELINE",
          },
        },
        editor,
      ),
    );
    base = { editionId: edition.createEdition.id, kind: "WORKSHOP", titleEn: "Workshop on inclusive services" };
  });

  it("refuses a last day before the first, on create and on an update that moves either end, and an unknown area", async () => {
    const early = await graph.query(CREATE, { input: { ...base, date: "2023-11-15", endDate: "2023-11-14" } }, editor);
    expect(codes(early)).toEqual(["BAD_USER_INPUT"]);
    expect(early.errors![0].extensions).toMatchObject({ field: "input.endDate" });

    const created = expectData(
      await graph.query(
        CREATE,
        { input: { ...base, date: "2023-11-14", endDate: "2023-11-15", venueEn: "Jakarta", venueAreaId: DemoIds.area.dkiJakarta } },
        editor,
      ),
    ).createActivity;
    expect(created).toMatchObject({ date: "2023-11-14", endDate: "2023-11-15", venue: "Jakarta", venueArea: { id: DemoIds.area.dkiJakarta } });

    // Moving the first day past the stored last day is refused as well: the check sees the record as it would be.
    const moved = await graph.query(UPDATE, { id: created.id, version: created.version, input: { date: "2023-11-16" } }, editor);
    expect(codes(moved)).toEqual(["BAD_USER_INPUT"]);
    const widened = expectData(
      await graph.query(UPDATE, { id: created.id, version: created.version, input: { date: "2023-11-16", endDate: "2023-11-17" } }, editor),
    );
    expect(widened.updateActivity).toMatchObject({ date: "2023-11-16", endDate: "2023-11-17" });

    const nowhere = await graph.query(CREATE, { input: { ...base, venueAreaId: "00000000-0000-4000-8000-00990000abcd" } }, editor);
    expect(codes(nowhere)).toEqual(["BAD_USER_INPUT"]);
  });
});
