/**
 * Stable identifiers of the demo data set (the TPBIS 2023 story), shared by
 * the three subgraphs' seeds so that the references between them line up.
 * The article names no participants: their names, genders, home areas and
 * institutions are placeholders and are marked as such in the data.
 */
const uuid = (group: number, n: number) => `00000000-0000-4000-8000-${group.toString().padStart(4, "0")}${n.toString().padStart(8, "0")}`;

export const DemoIds = {
  institution: {
    perpusnas: uuid(1, 1),
    kemensetneg: uuid(1, 2),
    kemenlu: uuid(1, 3),
    kemenluSosbudDirectorate: uuid(1, 4),
    colomboPlanSecretariat: uuid(1, 5),
    mutiaraRawaBinongLibrary: uuid(1, 6),
    eastJakartaGovernment: uuid(1, 7),
  },
  area: {
    dkiJakarta: uuid(3, 1),
    eastJakarta: uuid(3, 2),
  },
  person: {
    ofySofiana: uuid(2, 1),
  },
  program: {
    sstc: uuid(4, 1),
    tpbis: uuid(4, 2),
    tpbisColomboPlan: uuid(4, 3),
  },
  edition: {
    tpbisColomboPlan2023: uuid(5, 1),
  },
  partner: {
    perpusnas: uuid(6, 1),
    kemensetneg: uuid(6, 2),
    kemenlu: uuid(6, 3),
    kemenluSosbudDirectorate: uuid(6, 4),
    colomboPlan: uuid(6, 5),
  },
  agreement: {
    sstcColomboPlan: uuid(7, 1),
  },
  source: {
    /** The ANTARA news article of 17 November 2023 the demo data set comes from. */
    antaraTpbis2023: uuid(8, 1),
  },
} as const;

/** One placeholder participant of the 2023 edition. */
export interface DemoParticipant {
  personId: string;
  institutionId: string;
  areaId: string | null;
  countryCode: string;
  name: string;
  gender: "FEMALE" | "MALE";
}

/** Where each Indonesian participant comes from (placeholder assignment). */
export const indonesianHomeAreas = [
  { code: "32", nameEn: "West Java", nameId: "Jawa Barat", level: "PROVINCE" },
  { code: "33", nameEn: "Central Java", nameId: "Jawa Tengah", level: "PROVINCE" },
  { code: "13", nameEn: "West Sumatra", nameId: "Sumatera Barat", level: "PROVINCE" },
  { code: "64", nameEn: "East Kalimantan", nameId: "Kalimantan Timur", level: "PROVINCE" },
  { code: "52", nameEn: "West Nusa Tenggara", nameId: "Nusa Tenggara Barat", level: "PROVINCE" },
  { code: "3201", nameEn: "Bogor Regency", nameId: "Kabupaten Bogor", level: "REGENCY", parent: "32" },
  { code: "3302", nameEn: "Banyumas Regency", nameId: "Kabupaten Banyumas", level: "REGENCY", parent: "33" },
  { code: "1371", nameEn: "Padang City", nameId: "Kota Padang", level: "CITY", parent: "13" },
  { code: "6472", nameEn: "Samarinda City", nameId: "Kota Samarinda", level: "CITY", parent: "64" },
  { code: "5271", nameEn: "Mataram City", nameId: "Kota Mataram", level: "CITY", parent: "52" },
] as const;

/** Sending national libraries of the six Colombo Plan countries (placeholder assignment). */
export const foreignSendingLibraries = [
  { countryCode: "LA", nameEn: "National Library of Laos", nameId: "Perpustakaan Nasional Laos", seats: 1 },
  { countryCode: "MY", nameEn: "National Library of Malaysia", nameId: "Perpustakaan Negara Malaysia", seats: 2 },
  { countryCode: "NP", nameEn: "Nepal National Library", nameId: "Perpustakaan Nasional Nepal", seats: 1 },
  { countryCode: "LK", nameEn: "National Library of Sri Lanka", nameId: "Perpustakaan Nasional Sri Lanka", seats: 2 },
  { countryCode: "VN", nameEn: "National Library of Vietnam", nameId: "Perpustakaan Nasional Vietnam", seats: 1 },
  { countryCode: "MM", nameEn: "National Library of Myanmar", nameId: "Perpustakaan Nasional Myanmar", seats: 1 },
] as const;

const homeAreaId = (i: number) => uuid(3, 10 + i);
const homeLibraryId = (i: number) => uuid(1, 100 + i);
const sendingLibraryId = (i: number) => uuid(1, 200 + i);

/** The 18 participants: 8 from six Colombo Plan countries, 10 from Indonesian regions. */
export function demoParticipants(): DemoParticipant[] {
  const list: DemoParticipant[] = [];
  let n = 0;
  foreignSendingLibraries.forEach((lib, i) => {
    for (let seat = 1; seat <= lib.seats; seat++) {
      n++;
      list.push({
        personId: uuid(2, 100 + n),
        institutionId: sendingLibraryId(i),
        areaId: null,
        countryCode: lib.countryCode,
        name: `Placeholder Participant ${lib.countryCode}-${seat}`,
        gender: n % 2 ? "FEMALE" : "MALE",
      });
    }
  });
  indonesianHomeAreas.forEach((_area, i) => {
    n++;
    list.push({
      personId: uuid(2, 100 + n),
      institutionId: homeLibraryId(i),
      areaId: homeAreaId(i),
      countryCode: "ID",
      name: `Placeholder Participant ID-${i + 1}`,
      gender: n % 2 ? "FEMALE" : "MALE",
    });
  });
  return list;
}

export const demoAreaIds = { home: homeAreaId, homeLibrary: homeLibraryId, sendingLibrary: sendingLibraryId };
