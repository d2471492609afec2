import type { DataSource } from "typeorm";
import { DemoIds, demoParticipants } from "@sstc/demo-data";
import { Program } from "../modules/program/program.entity";
import { ActivityStatus, CooperationModality } from "../modules/program/program.enums";
import { Edition } from "../modules/edition/edition.entity";
import { Activity, ActivityKind } from "../modules/activity/activity.entity";
import { ParticipantGender, Participation, ParticipationRole, ParticipationStatus } from "../modules/participation/participation.entity";
import { Commitment, CommitmentKind, CommitmentParty, FollowUpStatus } from "../modules/commitment/commitment.entity";
import { ProgramSdgTarget } from "../modules/sdg/program-sdg-target.entity";
import { sdgRows } from "../modules/sdg/sdg-codes";
import { Source } from "../modules/source/source.entity";
import { ProgramRelation, ProgramRelationKind } from "../modules/relation/relation.entity";
import { ActivityPerson, ActivityRole, Statement } from "../modules/testimony/testimony.entity";
import { recordProvenance } from "@sstc/subgraph-kit";

const SENDING_COUNTRIES = ["LA", "MY", "NP", "LK", "VN", "MM"];
const COUNTRY_NAMES: Record<string, [string, string]> = {
  LA: ["Laos", "Laos"],
  MY: ["Malaysia", "Malaysia"],
  NP: ["Nepal", "Nepal"],
  LK: ["Sri Lanka", "Sri Lanka"],
  VN: ["Vietnam", "Vietnam"],
  MM: ["Myanmar", "Myanmar"],
  ID: ["Indonesia", "Indonesia"],
};

/** The programs subgraph's part of the TPBIS 2023 story (ANTARA, 17 November 2023). */
export async function seedPrograms(db: DataSource): Promise<void> {
  const I = DemoIds.institution;
  await db.transaction(async (tx) => {
    await tx.getRepository(Source).save(
      tx.getRepository(Source).create({
        id: DemoIds.source.antaraTpbis2023,
        publisher: "ANTARA",
        // The stored copy of the article has no headline: this title describes it, and says so.
        title: "National Library wraps up TPBIS good-practice sharing with Colombo Plan countries",
        placeholderFields: ["title"],
        url: null,
        publishedOn: "2023-11-17",
        language: "en",
        credits: "Translator: Lintang B, Azis Kurmala; Editor: Tia Mutiasari",
      }),
    );
    const programs = tx.getRepository(Program);
    await programs.save(
      programs.create({
        id: DemoIds.program.sstc,
        code: "SSTC",
        titleEn: "Indonesia's South-South and Triangular Cooperation Programme",
        titleId: "Program Kerja Sama Selatan-Selatan dan Triangular Indonesia",
        summaryEn:
          "Indonesia's contribution to global development towards the 2030 Agenda for Sustainable Development: strengthening international development cooperation with developing countries and international organisations such as the Colombo Plan, as part of soft diplomacy.",
        summaryId:
          "Kontribusi Indonesia bagi pembangunan global menuju Agenda Pembangunan Berkelanjutan 2030: memperkuat kerja sama pembangunan internasional dengan negara berkembang dan organisasi internasional seperti Colombo Plan, sebagai bagian dari diplomasi lunak.",
        themeEn: "International development cooperation",
        themeId: "Kerja sama pembangunan internasional",
        modality: CooperationModality.SOUTH_SOUTH,
        status: ActivityStatus.IMPLEMENTATION,
        leadInstitutionId: I.kemensetneg,
        parentProgramId: null,
      }),
    );
    await programs.save(
      programs.create([
        {
          id: DemoIds.program.tpbis,
          code: "TPBIS",
          titleEn: "Social Inclusion-Based Library Transformation",
          titleId: "Transformasi Perpustakaan Berbasis Inklusi Sosial",
          summaryEn: "The National Library's programme that transforms libraries into inclusive places that improve community welfare.",
          summaryId: "Program Perpustakaan Nasional yang mentransformasi perpustakaan menjadi ruang inklusif untuk meningkatkan kesejahteraan masyarakat.",
          themeEn: "Library transformation",
          themeId: "Transformasi perpustakaan",
          modality: null,
          status: ActivityStatus.IMPLEMENTATION,
          leadInstitutionId: I.perpusnas,
          parentProgramId: null,
        },
        {
          id: DemoIds.program.tpbisColomboPlan,
          code: "TPBIS-CP",
          titleEn: "Sharing TPBIS Good Practices with Colombo Plan Countries",
          titleId: "Berbagi Praktik Baik TPBIS dengan Negara-Negara Colombo Plan",
          summaryEn:
            "Knowledge sharing on social inclusion-based library transformation (TPBIS) with Colombo Plan countries, to create inclusive libraries and improve community welfare.",
          summaryId:
            "Berbagi pengetahuan tentang transformasi perpustakaan berbasis inklusi sosial (TPBIS) dengan negara-negara Colombo Plan, untuk mewujudkan perpustakaan inklusif dan meningkatkan kesejahteraan masyarakat.",
          themeEn: "Library transformation",
          themeId: "Transformasi perpustakaan",
          modality: CooperationModality.TRIANGULAR,
          status: ActivityStatus.IMPLEMENTATION,
          leadInstitutionId: I.perpusnas,
          parentProgramId: DemoIds.program.sstc,
        },
      ]),
    );
    // TPBIS-CP is part of SSTC (its parent) and applies the TPBIS practice.
    const [instanceOfTpbis] = await tx.getRepository(ProgramRelation).save([
      tx.getRepository(ProgramRelation).create({
        programId: DemoIds.program.tpbisColomboPlan,
        relatedProgramId: DemoIds.program.tpbis,
        kind: ProgramRelationKind.INSTANCE_OF,
      }),
    ]);
    // SSTC towards SDG 17; TPBIS towards SDGs 4, 10 and 16; the Colombo Plan sharing towards all four (ANTARA).
    const sdg = tx.getRepository(ProgramSdgTarget);
    await sdg.save(
      sdg.create([
        ...sdgRows(DemoIds.program.sstc, [17], ["17.9"]),
        ...sdgRows(DemoIds.program.tpbis, [4, 10, 16], ["4.6", "10.2", "16.10"]),
        ...sdgRows(DemoIds.program.tpbisColomboPlan, [4, 10, 16, 17], ["4.6", "10.2", "16.10", "17.9"]),
      ]),
    );

    const editionId = DemoIds.edition.tpbisColomboPlan2023;
    await tx.getRepository(Edition).save(
      tx.getRepository(Edition).create({
        id: editionId,
        programId: DemoIds.program.tpbisColomboPlan,
        titleEn: "TPBIS Good Practice Sharing with Colombo Plan Countries 2023",
        titleId: "Berbagi Praktik Baik TPBIS dengan Negara-Negara Colombo Plan 2023",
        plannedStartDate: "2023-11-13",
        plannedEndDate: "2023-11-17",
        actualStartDate: "2023-11-13",
        actualEndDate: "2023-11-17",
        venueEn: "Jakarta",
        venueId: "Jakarta",
        venueCountryCode: "ID",
        venueAreaId: DemoIds.area.dkiJakarta,
        hostInstitutionId: I.perpusnas,
        invitedCountryCodes: SENDING_COUNTRIES,
        status: ActivityStatus.CLOSED,
      }),
    );

    const activities = tx.getRepository(Activity);
    const [exploration, visit, closing] = await activities.save(
      activities.create([
        {
          editionId,
          sequence: 1,
          kind: ActivityKind.SESSION,
          titleEn: "Travel, learning and discovery of TPBIS strategies and programmes",
          titleId: "Perjalanan, pembelajaran, dan penemuan strategi serta program TPBIS",
          descriptionEn: "Five days of visits and exploration of the TPBIS project spearheaded by the National Library.",
          descriptionId: "Lima hari kunjungan dan eksplorasi proyek TPBIS yang dipelopori Perpustakaan Nasional.",
          date: "2023-11-13",
          endDate: "2023-11-17",
          venueEn: "Jakarta",
          venueId: "Jakarta",
          venueAreaId: DemoIds.area.dkiJakarta,
          siteInstitutionId: null,
        },
        {
          editionId,
          sequence: 2,
          kind: ActivityKind.SITE_VISIT,
          titleEn: "Visit to Mutiara Rawa Binong Library, East Jakarta",
          titleId: "Kunjungan ke Perpustakaan Mutiara Rawa Binong, Jakarta Timur",
          descriptionEn:
            "Practical examples of, and inspiration from, a library where TPBIS has been implemented successfully. The day of the visit is not recorded.",
          descriptionId: "Contoh praktis dan inspirasi dari perpustakaan yang berhasil menerapkan TPBIS. Tanggal kunjungan tidak tercatat.",
          date: null,
          venueEn: "Mutiara Rawa Binong Library, East Jakarta",
          venueId: "Perpustakaan Mutiara Rawa Binong, Jakarta Timur",
          venueAreaId: DemoIds.area.eastJakarta,
          siteInstitutionId: I.mutiaraRawaBinongLibrary,
        },
        {
          editionId,
          sequence: 3,
          kind: ActivityKind.CLOSING,
          titleEn: "Closing, with remarks by the Chief Secretary of the National Library",
          titleId: "Penutupan, dengan sambutan Sekretaris Utama Perpustakaan Nasional",
          descriptionEn: '"Let us work together to optimize the power of libraries as a catalyst for social change."',
          descriptionId: '"Mari bersama-sama mengoptimalkan kekuatan perpustakaan sebagai katalisator perubahan sosial."',
          date: "2023-11-17",
          endDate: "2023-11-17",
          venueEn: "Jakarta",
          venueId: "Jakarta",
          venueAreaId: DemoIds.area.dkiJakarta,
          siteInstitutionId: I.perpusnas,
        },
      ]),
    );

    const participations = tx.getRepository(Participation);
    const [speaker, ...participants] = await participations.save(
      participations.create([
        {
          editionId,
          personId: DemoIds.person.ofySofiana,
          role: ParticipationRole.SPEAKER,
          status: ParticipationStatus.ATTENDED,
          countryCode: "ID",
          institutionId: I.perpusnas,
          areaId: null,
          gender: ParticipantGender.FEMALE,
          note: null,
        },
        ...demoParticipants().map((p) => ({
          editionId,
          personId: p.personId,
          role: ParticipationRole.PARTICIPANT,
          status: ParticipationStatus.COMPLETED,
          countryCode: p.countryCode,
          institutionId: p.institutionId,
          areaId: p.areaId,
          gender: p.gender as ParticipantGender,
          note: "Placeholder: the source article does not name participants or their institutions.",
        })),
      ]),
    );

    // Who took part in which activity, and what the Chief Secretary said at the closing (ANTARA, by paragraph).
    const people = tx.getRepository(ActivityPerson);
    const [speaking, ...visiting] = await people.save([
      people.create({ activityId: closing.id, personId: DemoIds.person.ofySofiana, role: ActivityRole.SPEAKER }),
      ...demoParticipants().map((p) => people.create({ activityId: visit.id, personId: p.personId, role: ActivityRole.VISITOR })),
    ]);
    const said = (paragraph: number, textEn: string, verbatim = true) =>
      tx.getRepository(Statement).create({
        activityId: closing.id,
        personId: DemoIds.person.ofySofiana,
        textEn,
        textId: null,
        verbatim,
        sourceId: DemoIds.source.antaraTpbis2023,
        locator: `paragraph ${paragraph}`,
      });
    const statements = await tx
      .getRepository(Statement)
      .save([
        said(4, "This is also clear evidence of the transformational power of libraries in improving community welfare."),
        said(
          6,
          "At the Mutiara Rawa Binong Library, the participants not only got practical examples, but also inspiration that TPBIS has been successfully implemented.",
        ),
        said(
          7,
          "She hopes the participants will not go home empty-handed, but will take new knowledge and a commitment to encourage social inclusion through the library system in their respective countries.",
          false,
        ),
        said(9, "The results of this activity are not the end, but rather the starting point for further collaboration."),
        said(
          10,
          "She is optimistic that the results of the activity will stimulate positive change in society, and looks forward to future programmes that continue and expand the impact of TPBIS.",
          false,
        ),
        said(11, "She invited all parties to jointly optimise libraries as a catalyst for social change.", false),
        said(
          12,
          "Let us work together to optimize the power of libraries as a catalyst for social change, paving the way for a society that is more inclusive, well-informed, and resilient.",
        ),
      ]);

    const commitments = tx.getRepository(Commitment);
    const invented = await commitments.save(
      commitments.create(
        [...SENDING_COUNTRIES, "ID"].map((code) => ({
          editionId,
          participationId: null,
          countryCode: code,
          descriptionEn: `Encourage social inclusion through the library system in ${COUNTRY_NAMES[code][0]}, building on what was learned from TPBIS.`,
          descriptionId: `Mendorong inklusi sosial melalui sistem perpustakaan di ${COUNTRY_NAMES[code][1]}, berdasarkan pembelajaran dari TPBIS.`,
          followUpStatus: FollowUpStatus.PLANNED,
          dueDate: null,
        })),
      ),
    );
    // Paragraph 8: the National Library, with its partners, will see that what was learned inspires new initiatives at home.
    const pledge = await commitments.save(
      commitments.create({
        editionId,
        participationId: null,
        countryCode: "ID",
        kind: CommitmentKind.PLEDGE,
        party: CommitmentParty.ORGANISER,
        institutionId: I.perpusnas,
        descriptionEn:
          "Together with its partners, ensure that the knowledge and experience become a source of inspiration for new initiatives in the participants' countries and regions.",
        descriptionId:
          "Bersama mitra-mitranya, memastikan pengetahuan dan pengalaman menjadi sumber inspirasi bagi inisiatif baru di negara dan daerah asal peserta.",
        followUpStatus: FollowUpStatus.PLANNED,
        dueDate: null,
      }),
    );

    // What the article documents, cited to it, and what the demo data had to invent, marked (README: Demo data).
    const P = DemoIds.program;
    await recordProvenance(tx, {
      sourceId: DemoIds.source.antaraTpbis2023,
      documented: [
        { entity: Program, ids: [P.sstc], placeholderFields: ["modality", "status", "leadInstitution", "sdgGoals", "sdgTargets"] },
        { entity: Program, ids: [P.tpbis], placeholderFields: ["status", "sdgGoals", "sdgTargets"] },
        { entity: Program, ids: [P.tpbisColomboPlan], placeholderFields: ["modality", "status", "sdgGoals", "sdgTargets"] },
        { entity: ProgramRelation, ids: [instanceOfTpbis.id] },
        { entity: Edition, ids: [editionId] },
        // Five days in Jakarta ("for five days… in Jakarta"); which place on which day is not in the article.
        { entity: Activity, ids: [exploration.id] },
        { entity: Activity, ids: [visit.id] },
        { entity: Activity, ids: [closing.id], placeholderFields: ["site"] },
        { entity: Participation, ids: [speaker.id] },
        { entity: ActivityPerson, ids: [speaking.id] },
        // The article says the participants visited the library: which people they were is invented.
        { entity: ActivityPerson, ids: visiting.map((v) => v.id), placeholderFields: ["person"] },
        { entity: Statement, ids: statements.map((s) => s.id) },
        // The pledge is the article's; the Bahasa Indonesia text is a translation of it.
        { entity: Commitment, ids: [pledge.id] },
        // Eight from six named countries and ten Indonesians: who came from where, and everything about each, is not in the article.
        { entity: Participation, ids: participants.map((p) => p.id), placeholderFields: ["person", "country", "institution", "area", "gender", "status"] },
      ],
      // The organisers' hope that participants take a commitment home, not commitments anyone made.
      placeholders: [{ entity: Commitment, ids: invented.map((c) => c.id) }],
    });
  });
}
