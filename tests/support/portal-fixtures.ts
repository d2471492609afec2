import { newId } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import type { TestGraph } from "./graph";

/*
 * Three programmes beside the demo data, so that every portal filter, order
 * and statistic has something to tell apart:
 *
 * | code     | modality    | status         | lead        | SDG (targets)  | editions (planned start, host country, host)          |
 * | AGRI-TH  | BILATERAL   | PIPELINE       | Kemenlu     | 2 (2.4), 6     | 2024-03-04 TH, a Thai institution                      |
 * | WATER-LK | SOUTH_SOUTH | CLOSED         | Kemensetneg | 6 (6.b)        | 2022-06-01 LK, Colombo Plan Secretariat; 2024-09-10 ID, Perpusnas |
 * | DIGI-100 | SOUTH_SOUTH | PIPELINE       | Perpusnas   | 4 (4.4)        | none                                                   |
 *
 * Participations: AGRI-TH 2024 — ID participant F (Kemenlu), ID participant M
 * (Kemenlu), TH facilitator (gender not recorded, the Thai host), LK
 * participant UNDISCLOSED (no institution). WATER-LK 2022 — NP participant M,
 * ID speaker F (Perpusnas). Partnerships: AGRI-TH — Colombo Plan FUNDING,
 * Kemenlu IMPLEMENTING.
 */
const id = (group: number, n: number) => `00000000-0000-4000-8000-${group.toString().padStart(4, "0")}${n.toString().padStart(8, "0")}`;

export const Fixture = {
  program: { agri: id(99, 1), water: id(99, 2), digi: id(99, 3) },
  edition: { agri2024: id(98, 1), water2022: id(98, 2), water2024: id(98, 3) },
  thaiHostInstitution: id(97, 1),
} as const;

const I = DemoIds.institution;

/** Inserts the fixture through the subgraphs' own repositories (as the seed does). */
export async function addPortalFixtures(graph: TestGraph) {
  const programs = graph.subgraphs.programs.db;
  await programs.transaction(async (tx) => {
    const program = tx.getRepository("Program");
    await program.save(
      program.create([
        {
          id: Fixture.program.agri,
          code: "AGRI-TH",
          titleEn: "Sustainable Rice Farming Exchange",
          titleId: "Pertukaran Pertanian Padi Berkelanjutan",
          summaryEn: "Farmers and extension officers share irrigation practices for rice.",
          summaryId: "Petani dan penyuluh berbagi praktik irigasi untuk padi.",
          modality: "BILATERAL",
          status: "PIPELINE",
          leadInstitutionId: I.kemenlu,
          parentProgramId: null,
        },
        {
          id: Fixture.program.water,
          code: "WATER-LK",
          titleEn: "Community Water Management",
          titleId: "Pengelolaan Air Berbasis Masyarakat",
          summaryEn: "Village water committees learn from each other.",
          summaryId: "Komite air desa saling belajar.",
          modality: "SOUTH_SOUTH",
          status: "CLOSED",
          leadInstitutionId: I.kemensetneg,
          parentProgramId: null,
        },
        {
          id: Fixture.program.digi,
          code: "DIGI-100",
          titleEn: "Digital Literacy: 100% Online",
          titleId: "Literasi Digital: 100% Daring",
          summaryEn: null,
          summaryId: null,
          modality: "SOUTH_SOUTH",
          status: "PIPELINE",
          leadInstitutionId: I.perpusnas,
          parentProgramId: null,
        },
      ]),
    );
    const sdg = tx.getRepository("ProgramSdgTarget");
    await sdg.save(
      sdg.create([
        { programId: Fixture.program.agri, goal: 2, target: "2.4" },
        { programId: Fixture.program.agri, goal: 6, target: null },
        { programId: Fixture.program.water, goal: 6, target: "6.b" },
        { programId: Fixture.program.digi, goal: 4, target: "4.4" },
      ]),
    );
    const edition = tx.getRepository("Edition");
    const base = { actualStartDate: null, actualEndDate: null, venueAreaId: null, invitedCountryCodes: [] };
    await edition.save(
      edition.create([
        {
          ...base,
          id: Fixture.edition.agri2024,
          programId: Fixture.program.agri,
          titleEn: "Rice Farming Exchange 2024",
          titleId: "Pertukaran Pertanian Padi 2024",
          plannedStartDate: "2024-03-04",
          plannedEndDate: "2024-03-08",
          venueEn: "Chiang Mai",
          venueId: "Chiang Mai",
          venueCountryCode: "TH",
          hostInstitutionId: Fixture.thaiHostInstitution,
          status: "PIPELINE",
        },
        {
          ...base,
          id: Fixture.edition.water2022,
          programId: Fixture.program.water,
          titleEn: "Water Committees Workshop 2022",
          titleId: "Lokakarya Komite Air 2022",
          plannedStartDate: "2022-06-01",
          plannedEndDate: "2022-06-03",
          venueEn: "Colombo",
          venueId: "Kolombo",
          venueCountryCode: "LK",
          hostInstitutionId: I.colomboPlanSecretariat,
          status: "CLOSED",
        },
        {
          ...base,
          id: Fixture.edition.water2024,
          programId: Fixture.program.water,
          titleEn: "Water Committees Workshop 2024",
          titleId: "Lokakarya Komite Air 2024",
          plannedStartDate: "2024-09-10",
          plannedEndDate: "2024-09-12",
          venueEn: "Jakarta",
          venueId: "Jakarta",
          venueCountryCode: "ID",
          hostInstitutionId: I.perpusnas,
          status: "CLOSED",
        },
      ]),
    );
    const participation = tx.getRepository("Participation");
    const person = { personId: "", areaId: null, note: null };
    await participation.save(
      participation.create(
        [
          { editionId: Fixture.edition.agri2024, role: "PARTICIPANT", status: "ACCEPTED", countryCode: "ID", institutionId: I.kemenlu, gender: "FEMALE" },
          { editionId: Fixture.edition.agri2024, role: "PARTICIPANT", status: "ACCEPTED", countryCode: "ID", institutionId: I.kemenlu, gender: "MALE" },
          {
            editionId: Fixture.edition.agri2024,
            role: "FACILITATOR",
            status: "ACCEPTED",
            countryCode: "TH",
            institutionId: Fixture.thaiHostInstitution,
            gender: null,
          },
          { editionId: Fixture.edition.agri2024, role: "PARTICIPANT", status: "NOMINATED", countryCode: "LK", institutionId: null, gender: "UNDISCLOSED" },
          { editionId: Fixture.edition.water2022, role: "PARTICIPANT", status: "COMPLETED", countryCode: "NP", institutionId: null, gender: "MALE" },
          { editionId: Fixture.edition.water2022, role: "SPEAKER", status: "ATTENDED", countryCode: "ID", institutionId: I.perpusnas, gender: "FEMALE" },
        ].map((p) => ({ ...person, ...p, personId: newId() })),
      ),
    );
  });

  const partners = graph.subgraphs.partners.db;
  const partnership = partners.getRepository("ProgramPartnership");
  await partnership.save(
    partnership.create([
      { programId: Fixture.program.agri, partnerId: DemoIds.partner.colomboPlan, role: "FUNDING", contributionEn: null, contributionId: null },
      { programId: Fixture.program.agri, partnerId: DemoIds.partner.kemenlu, role: "IMPLEMENTING", contributionEn: null, contributionId: null },
    ]),
  );
}
