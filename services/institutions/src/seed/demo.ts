import type { DataSource } from "typeorm";
import { DemoIds, demoAreaIds, demoParticipants, foreignSendingLibraries, indonesianHomeAreas } from "@sstc/demo-data";
import { assignSlugs } from "@sstc/subgraph-kit";
import { Country } from "../modules/country/country.entity";
import { AdministrativeArea, AreaLevel } from "../modules/area/area.entity";
import { Institution, InstitutionType } from "../modules/institution/institution.entity";
import { Gender, Person } from "../modules/person/person.entity";
import { recordProvenance } from "@sstc/subgraph-kit";

/**
 * The Colombo Plan's 28 member countries (plus none else: every country the
 * story mentions is a member). Joining years are recorded only where the
 * demo data is sure of them; the rest stay null.
 */
const COUNTRIES: Array<[code: string, alpha3: string, en: string, id: string, region: string, joined: number | null]> = [
  ["AF", "AFG", "Afghanistan", "Afganistan", "Southern Asia", null],
  ["AU", "AUS", "Australia", "Australia", "Australia and New Zealand", 1950],
  ["BD", "BGD", "Bangladesh", "Bangladesh", "Southern Asia", null],
  ["BT", "BTN", "Bhutan", "Bhutan", "Southern Asia", null],
  ["BN", "BRN", "Brunei Darussalam", "Brunei Darussalam", "South-eastern Asia", null],
  ["FJ", "FJI", "Fiji", "Fiji", "Melanesia", null],
  ["IN", "IND", "India", "India", "Southern Asia", 1950],
  ["ID", "IDN", "Indonesia", "Indonesia", "South-eastern Asia", 1953],
  ["IR", "IRN", "Iran", "Iran", "Southern Asia", null],
  ["JP", "JPN", "Japan", "Jepang", "Eastern Asia", 1954],
  ["KR", "KOR", "Republic of Korea", "Republik Korea", "Eastern Asia", null],
  ["KG", "KGZ", "Kyrgyz Republic", "Republik Kirgizstan", "Central Asia", null],
  ["LA", "LAO", "Lao PDR", "Laos", "South-eastern Asia", 1951],
  ["MY", "MYS", "Malaysia", "Malaysia", "South-eastern Asia", 1957],
  ["MV", "MDV", "Maldives", "Maladewa", "Southern Asia", null],
  ["MN", "MNG", "Mongolia", "Mongolia", "Eastern Asia", null],
  ["MM", "MMR", "Myanmar", "Myanmar", "South-eastern Asia", 1952],
  ["NP", "NPL", "Nepal", "Nepal", "Southern Asia", 1952],
  ["NZ", "NZL", "New Zealand", "Selandia Baru", "Australia and New Zealand", 1950],
  ["PK", "PAK", "Pakistan", "Pakistan", "Southern Asia", 1950],
  ["PG", "PNG", "Papua New Guinea", "Papua Nugini", "Melanesia", null],
  ["PH", "PHL", "Philippines", "Filipina", "South-eastern Asia", 1954],
  ["SA", "SAU", "Saudi Arabia", "Arab Saudi", "Western Asia", null],
  ["SG", "SGP", "Singapore", "Singapura", "South-eastern Asia", null],
  ["LK", "LKA", "Sri Lanka", "Sri Lanka", "Southern Asia", 1950],
  ["TH", "THA", "Thailand", "Thailand", "South-eastern Asia", 1954],
  ["US", "USA", "United States of America", "Amerika Serikat", "Northern America", 1951],
  ["VN", "VNM", "Viet Nam", "Vietnam", "South-eastern Asia", 1951],
];

const PLACEHOLDER = "Placeholder: the source article names no participants.";

/** The institutions subgraph's part of the TPBIS 2023 story. */
export async function seedInstitutions(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.getRepository(Country).insert(
      COUNTRIES.map(([code, alpha3, nameEn, nameId, region, joined]) => ({
        code,
        alpha3,
        nameEn,
        nameId,
        region,
        colomboPlanMember: true,
        colomboPlanJoinedYear: joined,
      })),
    );

    const areas = tx.getRepository(AdministrativeArea);
    await areas.save(
      areas.create([
        {
          id: DemoIds.area.dkiJakarta,
          code: "31",
          nameEn: "Special Capital Region of Jakarta",
          nameId: "Daerah Khusus Ibukota Jakarta",
          level: AreaLevel.PROVINCE,
          countryCode: "ID",
          parentId: null,
        },
        {
          id: DemoIds.area.eastJakarta,
          code: "3172",
          nameEn: "East Jakarta",
          nameId: "Kota Administrasi Jakarta Timur",
          level: AreaLevel.CITY,
          countryCode: "ID",
          parentId: DemoIds.area.dkiJakarta,
        },
      ]),
    );
    // Provinces first, so that regencies and cities can point at them.
    const areaIdByCode = new Map<string, string>();
    const ordered = indonesianHomeAreas.map((a, i) => ({ a, i })).sort((x, y) => Number("parent" in x.a) - Number("parent" in y.a));
    for (const { a, i } of ordered) {
      const id = demoAreaIds.home(i);
      areaIdByCode.set(a.code, id);
      await areas.save(
        areas.create({
          id,
          code: a.code,
          nameEn: a.nameEn,
          nameId: a.nameId,
          level: a.level as AreaLevel,
          countryCode: "ID",
          parentId: "parent" in a ? areaIdByCode.get(a.parent)! : null,
        }),
      );
    }

    const institutions = tx.getRepository(Institution);
    const I = DemoIds.institution;
    // The story's institutions have slugs chosen for them; the others get theirs from their names, as a created institution would.
    const slugged = <T extends { id: string; nameEn: string; slug?: string }>(rows: T[]) => {
      const slugs = assignSlugs(
        rows.map((r) => ({ id: r.id, candidates: [r.slug, r.nameEn] })),
        "institution",
      );
      return rows.map((r) => ({ ...r, slug: slugs.get(r.id)! }));
    };
    await institutions.save(
      institutions.create([
        {
          id: I.perpusnas,
          slug: "perpusnas",
          nameEn: "National Library of Indonesia",
          nameId: "Perpustakaan Nasional Republik Indonesia",
          acronym: "Perpusnas",
          type: InstitutionType.NATIONAL_LIBRARY,
          countryCode: "ID",
          areaId: DemoIds.area.dkiJakarta,
          website: "https://www.perpusnas.go.id",
        },
        {
          id: I.kemensetneg,
          slug: "kemensetneg",
          nameEn: "Ministry of State Secretariat",
          nameId: "Kementerian Sekretariat Negara",
          acronym: "Kemensetneg",
          type: InstitutionType.MINISTRY,
          countryCode: "ID",
          areaId: DemoIds.area.dkiJakarta,
          website: "https://www.setneg.go.id",
        },
        {
          id: I.kemenlu,
          slug: "kemenlu",
          nameEn: "Ministry of Foreign Affairs",
          nameId: "Kementerian Luar Negeri",
          acronym: "Kemenlu",
          type: InstitutionType.MINISTRY,
          countryCode: "ID",
          areaId: DemoIds.area.dkiJakarta,
          website: "https://kemlu.go.id",
        },
        {
          id: I.colomboPlanSecretariat,
          slug: "colombo-plan-secretariat",
          nameEn: "Colombo Plan Secretariat",
          nameId: "Sekretariat Colombo Plan",
          acronym: "CPS",
          type: InstitutionType.INTERGOVERNMENTAL_ORGANISATION,
          countryCode: "LK",
          website: "https://colombo-plan.org",
        },
        {
          id: I.eastJakartaGovernment,
          slug: "east-jakarta",
          nameEn: "East Jakarta Administrative City Government",
          nameId: "Pemerintah Kota Administrasi Jakarta Timur",
          type: InstitutionType.LOCAL_GOVERNMENT,
          countryCode: "ID",
          areaId: DemoIds.area.eastJakarta,
        },
      ]),
    );
    await institutions.save(
      institutions.create(
        slugged([
          {
            id: I.kemenluSosbudDirectorate,
            slug: "kemenlu-dit-sosbud-oinb",
            nameEn: "Directorate of Social Culture and International Organizations for Developing Countries",
            nameId: "Direktorat Sosial Budaya dan Organisasi Internasional Negara Berkembang",
            acronym: "Dit. Sosbud & OINB",
            type: InstitutionType.DIRECTORATE,
            countryCode: "ID",
            areaId: DemoIds.area.dkiJakarta,
            parentId: I.kemenlu,
          },
          {
            id: I.mutiaraRawaBinongLibrary,
            slug: "mutiara-rawa-binong-library",
            nameEn: "Mutiara Rawa Binong Library",
            nameId: "Perpustakaan Mutiara Rawa Binong",
            type: InstitutionType.PUBLIC_LIBRARY,
            countryCode: "ID",
            areaId: DemoIds.area.eastJakarta,
            parentId: null,
          },
          ...indonesianHomeAreas.map((a, i) => ({
            id: demoAreaIds.homeLibrary(i),
            nameEn: `Library and Archives Office of ${a.nameEn}`,
            nameId: `Dinas Perpustakaan dan Kearsipan ${a.nameId}`,
            type: InstitutionType.LOCAL_GOVERNMENT,
            countryCode: "ID",
            areaId: demoAreaIds.home(i),
          })),
          ...foreignSendingLibraries.map((lib, i) => ({
            id: demoAreaIds.sendingLibrary(i),
            nameEn: lib.nameEn,
            nameId: lib.nameId,
            type: InstitutionType.NATIONAL_LIBRARY,
            countryCode: lib.countryCode,
          })),
        ]),
      ),
    );

    const people = tx.getRepository(Person);
    await people.save(
      people.create([
        {
          id: DemoIds.person.ofySofiana,
          fullName: "Ofy Sofiana",
          isPlaceholder: false,
          // The article quotes her closing remarks as Perpusnas's Chief Secretary: an office holder speaking in public.
          publicCapacity: true,
          positionEn: "Chief Secretary of the National Library",
          positionId: "Sekretaris Utama Perpustakaan Nasional",
          institutionId: I.perpusnas,
          gender: Gender.FEMALE,
        },
        ...demoParticipants().map((p, n) => ({
          id: p.personId,
          fullName: p.name,
          isPlaceholder: true,
          publicCapacity: false,
          positionEn: `Librarian (${PLACEHOLDER.toLowerCase().replace(/\.$/, "")})`,
          positionId: "Pustakawan (data contoh)",
          institutionId: p.institutionId,
          email: `participant${n + 1}@example.org`,
          phone: `+62-21-555-01${String(n + 1).padStart(2, "0")}`,
          gender: p.gender as Gender,
        })),
      ]),
    );

    // What the article documents, cited to it, and what the demo data had to invent, marked (README: Demo data).
    const homes = indonesianHomeAreas.map((_, i) => i);
    await recordProvenance(tx, {
      sourceId: DemoIds.source.antaraTpbis2023,
      documented: [
        { entity: AdministrativeArea, ids: [DemoIds.area.dkiJakarta, DemoIds.area.eastJakarta] },
        { entity: Institution, ids: [I.perpusnas, I.kemensetneg, I.kemenlu, I.colomboPlanSecretariat, I.mutiaraRawaBinongLibrary] },
        { entity: Institution, ids: [I.kemenluSosbudDirectorate], placeholderFields: ["acronym"] },
        { entity: Person, ids: [DemoIds.person.ofySofiana] },
      ],
      placeholders: [
        { entity: AdministrativeArea, ids: homes.map((i) => demoAreaIds.home(i)) },
        {
          entity: Institution,
          ids: [
            I.eastJakartaGovernment,
            ...homes.map((i) => demoAreaIds.homeLibrary(i)),
            ...foreignSendingLibraries.map((_, i) => demoAreaIds.sendingLibrary(i)),
          ],
        },
        { entity: Person, ids: demoParticipants().map((p) => p.personId) },
      ],
    });
  });
}
