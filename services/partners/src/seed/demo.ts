import type { DataSource } from "typeorm";
import { recordProvenance } from "@sstc/subgraph-kit";
import { DemoIds } from "@sstc/demo-data";
import { Partner, PartnerKind } from "../modules/partner/partner.entity";
import { Agreement, AgreementKind, AgreementParty } from "../modules/agreement/agreement.entity";
import { PartnershipRole, ProgramPartnership } from "../modules/partnership/partnership.entity";

/** The partners subgraph's part of the TPBIS 2023 story. */
export async function seedPartners(db: DataSource): Promise<void> {
  const P = DemoIds.partner;
  const I = DemoIds.institution;
  await db.transaction(async (tx) => {
    const partners = tx.getRepository(Partner);
    await partners.save(
      partners.create([
        {
          id: P.perpusnas,
          slug: "perpusnas",
          descriptionEn:
            "Indonesia's National Library. It spearheads the social inclusion-based library transformation (TPBIS) and shares its good practices with Colombo Plan countries.",
          descriptionId:
            "Perpustakaan Nasional Indonesia. Memelopori transformasi perpustakaan berbasis inklusi sosial (TPBIS) dan berbagi praktik baiknya dengan negara-negara Colombo Plan.",
          website: "https://www.perpusnas.go.id",
          nameEn: "National Library of Indonesia",
          nameId: "Perpustakaan Nasional Republik Indonesia",
          acronym: "Perpusnas",
          kind: PartnerKind.NATIONAL_AGENCY,
          institutionId: I.perpusnas,
          homeCountryCode: "ID",
        },
        {
          id: P.kemensetneg,
          slug: "kemensetneg",
          descriptionEn: "Indonesia's Ministry of State Secretariat, with which the National Library ran the 2023 TPBIS programme for Colombo Plan countries.",
          descriptionId:
            "Kementerian Sekretariat Negara Republik Indonesia, mitra kolaborasi Perpustakaan Nasional dalam program TPBIS 2023 bagi negara-negara Colombo Plan.",
          website: "https://www.setneg.go.id",
          nameEn: "Ministry of State Secretariat",
          nameId: "Kementerian Sekretariat Negara",
          acronym: "Kemensetneg",
          kind: PartnerKind.MINISTRY,
          institutionId: I.kemensetneg,
          homeCountryCode: "ID",
        },
        {
          id: P.kemenlu,
          slug: "kemenlu",
          descriptionEn:
            "Indonesia's Ministry of Foreign Affairs; its Directorate of Social Culture and International Organizations for Developing Countries collaborated on the 2023 TPBIS programme.",
          descriptionId:
            "Kementerian Luar Negeri Republik Indonesia; Direktorat Sosial Budaya dan Organisasi Internasional Negara Berkembang-nya berkolaborasi dalam program TPBIS 2023.",
          website: "https://kemlu.go.id",
          nameEn: "Ministry of Foreign Affairs",
          nameId: "Kementerian Luar Negeri",
          acronym: "Kemenlu",
          kind: PartnerKind.MINISTRY,
          institutionId: I.kemenlu,
          homeCountryCode: "ID",
        },
        {
          id: P.colomboPlan,
          slug: "colombo-plan",
          descriptionEn:
            "A regional organisation applying collective inter-governmental efforts to strengthen the economic and social development of its member countries in the Asia-Pacific region; its main focus is human resource development.",
          descriptionId:
            "Organisasi regional yang menerapkan upaya bersama antarpemerintah untuk memperkuat pembangunan ekonomi dan sosial negara-negara anggotanya di kawasan Asia-Pasifik, dengan fokus utama pengembangan sumber daya manusia.",
          website: "https://colombo-plan.org",
          nameEn: "The Colombo Plan",
          nameId: "Colombo Plan",
          acronym: "Colombo Plan",
          kind: PartnerKind.INTERGOVERNMENTAL_ORGANISATION,
          institutionId: I.colomboPlanSecretariat,
          homeCountryCode: "LK",
        },
      ]),
    );
    await partners.save(
      partners.create({
        id: P.kemenluSosbudDirectorate,
        slug: "kemenlu-dit-sosbud-oinb",
        descriptionEn: "The directorate of Kemenlu that collaborated with the National Library on the 2023 TPBIS programme for Colombo Plan countries.",
        descriptionId:
          "Direktorat di Kementerian Luar Negeri yang berkolaborasi dengan Perpustakaan Nasional dalam program TPBIS 2023 bagi negara-negara Colombo Plan.",
        website: null,
        nameEn: "Directorate of Social Culture and International Organizations for Developing Countries, Ministry of Foreign Affairs",
        nameId: "Direktorat Sosial Budaya dan Organisasi Internasional Negara Berkembang, Kementerian Luar Negeri",
        acronym: "Dit. Sosbud & OINB",
        kind: PartnerKind.MINISTRY,
        institutionId: I.kemenluSosbudDirectorate,
        homeCountryCode: "ID",
        parentPartnerId: P.kemenlu,
      }),
    );

    const agreements = tx.getRepository(Agreement);
    await agreements.save(
      agreements.create({
        id: DemoIds.agreement.sstcColomboPlan,
        titleEn: "Indonesia–Colombo Plan collaboration on South-South and Triangular Cooperation",
        titleId: "Kolaborasi Indonesia–Colombo Plan dalam Kerja Sama Selatan-Selatan dan Triangular",
        summaryEn:
          "Indonesia's government collaborates with international organisations, including the Colombo Plan, to strengthen its commitment to the SSTC programme. The instrument and its dates are not given in the source.",
        summaryId:
          "Pemerintah Indonesia bekerja sama dengan organisasi internasional, termasuk Colombo Plan, untuk memperkuat komitmen pada program KSST. Instrumen dan tanggalnya tidak disebutkan dalam sumber.",
        kind: AgreementKind.FRAMEWORK,
        signedOn: null,
        expiresOn: null,
      }),
    );
    const parties = tx.getRepository(AgreementParty);
    const [kemensetnegParty, colomboPlanParty] = await parties.save(
      parties.create([
        { agreementId: DemoIds.agreement.sstcColomboPlan, partnerId: P.kemensetneg, role: "Indonesian party (SSTC coordination)" },
        { agreementId: DemoIds.agreement.sstcColomboPlan, partnerId: P.colomboPlan, role: "International organisation" },
      ]),
    );

    const partnerships = tx.getRepository(ProgramPartnership);
    const [perpusnasRole, kemensetnegRole, directorateRole, sstcCoordination, colomboPlanRole] = await partnerships.save(
      partnerships.create([
        {
          programId: DemoIds.program.tpbisColomboPlan,
          partnerId: P.perpusnas,
          role: PartnershipRole.IMPLEMENTING,
          contributionEn: "Organiser and host; shares the TPBIS practice.",
          contributionId: "Penyelenggara dan tuan rumah; berbagi praktik TPBIS.",
        },
        // "For the activity, the National Library collaborated with" Kemensetneg and the Kemenlu directorate: the 2023 edition.
        {
          programId: DemoIds.program.tpbisColomboPlan,
          editionId: DemoIds.edition.tpbisColomboPlan2023,
          editionScope: DemoIds.edition.tpbisColomboPlan2023,
          partnerId: P.kemensetneg,
          role: PartnershipRole.CO_ORGANISER,
          contributionEn: "Collaborating ministry.",
          contributionId: "Kementerian mitra kolaborasi.",
        },
        {
          programId: DemoIds.program.tpbisColomboPlan,
          editionId: DemoIds.edition.tpbisColomboPlan2023,
          editionScope: DemoIds.edition.tpbisColomboPlan2023,
          partnerId: P.kemenluSosbudDirectorate,
          role: PartnershipRole.CO_ORGANISER,
          contributionEn: "Collaborating directorate of the Ministry of Foreign Affairs.",
          contributionId: "Direktorat mitra kolaborasi dari Kementerian Luar Negeri.",
        },
        {
          programId: DemoIds.program.sstc,
          partnerId: P.kemensetneg,
          role: PartnershipRole.ACCOUNTABLE,
          contributionEn: "Coordinates Indonesia's SSTC programme.",
          contributionId: "Mengoordinasikan program KSST Indonesia.",
        },
        {
          programId: DemoIds.program.sstc,
          partnerId: P.colomboPlan,
          role: PartnershipRole.CO_ORGANISER,
          contributionEn: "International organisation collaborating with Indonesia on SSTC; focus on human resource development.",
          contributionId: "Organisasi internasional mitra Indonesia dalam KSST; berfokus pada pengembangan sumber daya manusia.",
        },
      ]),
    );

    // What the article documents, cited to it, and what the demo data had to invent, marked (README: Demo data).
    // It says the government collaborates with the Colombo Plan: not which ministry signs, or in what instrument.
    await recordProvenance(tx, {
      sourceId: DemoIds.source.antaraTpbis2023,
      documented: [
        { entity: Partner, ids: Object.values(P) },
        { entity: Agreement, ids: [DemoIds.agreement.sstcColomboPlan], placeholderFields: ["kind"] },
        { entity: AgreementParty, ids: [colomboPlanParty.id] },
        // Who collaborated is documented; the IATI role each one plays is a reading of it.
        { entity: ProgramPartnership, ids: [perpusnasRole.id, kemensetnegRole.id, directorateRole.id, colomboPlanRole.id], placeholderFields: ["role"] },
      ],
      placeholders: [
        { entity: AgreementParty, ids: [kemensetnegParty.id] },
        { entity: ProgramPartnership, ids: [sstcCoordination.id] },
      ],
    });
  });
}
