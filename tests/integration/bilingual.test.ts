import { newId } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { as, startTestGraph, type TestGraph } from "../support/graph";

/* English and Bahasa Indonesia: per field (`lang`), per request (Accept-Language), and fallbacks that say so. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
  // A programme recorded in English only.
  await graph.subgraphs.programs.db.getRepository("Program").insert({
    id: newId(),
    code: "EN-ONLY",
    titleEn: "English-only programme",
    titleId: null,
    status: "PIPELINE",
    modality: "BILATERAL",
    leadInstitutionId: DemoIds.institution.perpusnas,
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  });
});
afterAll(() => graph?.stop());

const story = `{ programByCode(code: "TPBIS-CP") { title summary leadInstitution { name } editions { nodes { venue hostInstitution { country { name } } } } } }`;

describe("choosing the language", () => {
  it("answers the whole request, across subgraphs, in the Accept-Language", async () => {
    const { data, errors } = await graph.query(story, undefined, { "accept-language": "id-ID,id;q=0.9,en;q=0.5" });
    expect(errors).toBeUndefined();
    expect(data!.programByCode.title).toBe("Berbagi Praktik Baik TPBIS dengan Negara-Negara Colombo Plan");
    expect(data!.programByCode.summary).toMatch(/^Berbagi pengetahuan/);
    expect(data!.programByCode.leadInstitution.name).toBe("Perpustakaan Nasional Republik Indonesia");
  });

  it("defaults to English without a header, and lets a field's lang override the request", async () => {
    const plain = await graph.query(story);
    expect(plain.data!.programByCode.title).toBe("Sharing TPBIS Good Practices with Colombo Plan Countries");
    const mixed = await graph.query(`{ programByCode(code: "TPBIS-CP") { en: title(lang: EN) id: title } }`, undefined, { "accept-language": "id" });
    expect(mixed.data!.programByCode).toEqual({
      en: "Sharing TPBIS Good Practices with Colombo Plan Countries",
      id: "Berbagi Praktik Baik TPBIS dengan Negara-Negara Colombo Plan",
    });
  });
});

describe("missing translations", () => {
  it("fall back to the other language and say so", async () => {
    const { data, errors } = await graph.query(
      `{ programByCode(code: "EN-ONLY") { title(lang: ID) titleText(lang: ID) { text language requested fallback } summaryText { text fallback } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.programByCode).toEqual({
      title: "English-only programme",
      titleText: { text: "English-only programme", language: "EN", requested: "ID", fallback: true },
      summaryText: { text: null, fallback: false },
    });
  });

  it("do not occur in the demo data: every name, title and summary exists in both languages", async () => {
    const partner = await as("partner");
    const { data, errors } = await graph.query(
      `{
        countries(first: 100) { nodes { nameText(lang: ID) { fallback } en: nameText(lang: EN) { fallback } } }
        institutions(first: 100) { nodes { nameText(lang: ID) { fallback text } } }
        administrativeAreas(first: 100) { nodes { nameText(lang: ID) { fallback } } }
        partners(first: 100) { nodes { nameText(lang: ID) { fallback } partnerships { nodes { contributionText(lang: ID) { fallback } } } } }
        agreements { nodes { titleText(lang: ID) { fallback } summaryText(lang: ID) { fallback } } }
        edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") {
          titleText(lang: ID) { fallback } venueText(lang: ID) { fallback }
          activities { nodes { titleText(lang: ID) { fallback } descriptionText(lang: ID) { fallback } } }
          commitments { nodes { descriptionText(lang: ID) { fallback } } }
        }
        tpbis: programByCode(code: "TPBIS-CP") { titleText(lang: ID) { fallback } summaryText(lang: ID) { fallback } themeText(lang: ID) { fallback } }
        sstc: programByCode(code: "SSTC") { titleText(lang: ID) { fallback } summaryText(lang: ID) { fallback } }
        person(id: "${DemoIds.person.ofySofiana}") { positionText(lang: ID) { text fallback } }
      }`,
      undefined,
      partner,
    );
    expect(errors).toBeUndefined();
    const fallbacks = JSON.stringify(data).match(/"fallback":true/g) ?? [];
    expect(fallbacks).toHaveLength(0);
    expect(data!.person.positionText.text).toBe("Sekretaris Utama Perpustakaan Nasional");
  });
});
