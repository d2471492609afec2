import type { IatiActivity, IatiOrg, Narratives, ParticipatingOrg } from "./iati-activity";
import { SDG_GOAL_VOCABULARY, SDG_TARGET_VOCABULARY } from "./iati-codelists";

/**
 * The organisation identifier prefix of the graph's organisations. Perpusnas
 * and its partners have no identifier in a registration agency listed by
 * org-id.guide that IATI accepts, so the export uses this placeholder
 * prefix (XX is no registration agency: it says "unregistered") followed by
 * the organisation's slug: XX-SSTC-perpusnas. Replace it when Perpusnas is
 * given an IATI organisation identifier (README, IATI).
 */
export const ORG_PREFIX = "XX-SSTC";

export const orgRef = (slug: string) => `${ORG_PREFIX}-${slug}`;

/** What the export reads of an institution (from the institutions subgraph). */
export interface GraphInstitution {
  id: string;
  slug: string;
  name: Narratives;
  type: string;
  iatiOrganisationType: string;
  countryCode: string;
}

export interface GraphPartnership {
  role: string;
  iatiRoleCode: number | null;
  editionId: string | null;
  partner: { slug: string; name: Narratives; kind: string; homeCountryCode: string | null; institutionId: string | null } | null;
}

export interface GraphSource {
  url: string | null;
  title: string;
  language: string;
  publishedOn: string | null;
}

export interface GraphCommitment {
  description: Narratives;
  kind: string;
  party: string;
  followUpStatus: string;
  countryCode: string | null;
  institutionId: string | null;
}

export interface GraphContact {
  fullName: string;
  position: Narratives | null;
  institutionId: string | null;
}

export interface GraphEdition {
  id: string;
  iatiIdentifier: string | null;
  title: Narratives;
  venue: Narratives | null;
  status: string;
  iatiStatusCode: number;
  published: boolean;
  plannedStartDate: string;
  plannedEndDate: string;
  actualStartDate: string | null;
  actualEndDate: string | null;
  venueCountryCode: string | null;
  invitedCountryCodes: string[];
  hostInstitutionId: string | null;
  sources: GraphSource[];
  commitments: GraphCommitment[];
  contacts: GraphContact[];
}

export type EditionDates = Pick<GraphEdition, "plannedStartDate" | "plannedEndDate" | "actualStartDate" | "actualEndDate">;

export interface ProgramLink {
  code: string;
  iatiIdentifier: string | null;
  leadInstitutionId: string | null;
}

export interface GraphProgram extends ProgramLink {
  id: string;
  /** The day the programme's record was created (YYYY-MM-DD). */
  createdOn: string;
  /** The editions of its sub-programmes, at every depth, whether or not those are exported. */
  descendantEditions: EditionDates[];
  title: Narratives;
  summary: Narratives | null;
  status: string;
  iatiStatusCode: number;
  published: boolean;
  modality: string | null;
  sdgGoals: number[];
  sdgTargets: string[];
  parentProgram: ProgramLink | null;
  subprograms: ProgramLink[];
  sources: GraphSource[];
  partnerships: GraphPartnership[];
  editions: GraphEdition[];
}

const FOLLOW_UP: Record<string, Narratives> = {
  PLANNED: { en: "Follow-up: planned", id: "Tindak lanjut: direncanakan" },
  IN_PROGRESS: { en: "Follow-up: in progress", id: "Tindak lanjut: sedang berjalan" },
  ACHIEVED: { en: "Follow-up: achieved", id: "Tindak lanjut: tercapai" },
  DROPPED: { en: "Follow-up: dropped", id: "Tindak lanjut: dibatalkan" },
};

/**
 * Splits 100 among n recipient countries in hundredths, the remainder on the
 * last, so that the percentages add up to exactly 100 as IATI requires.
 */
export function equalPercentages(n: number): number[] {
  if (n === 0) return [];
  const share = Math.floor(10_000 / n) / 100;
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? Math.round((100 - share * (n - 1)) * 100) / 100 : share));
}

const byPartnership = (a: GraphPartnership, b: GraphPartnership) =>
  `${a.role}\u0000${a.partner?.slug ?? ""}`.localeCompare(`${b.role}\u0000${b.partner?.slug ?? ""}`);

const byCommitment = (a: GraphCommitment, b: GraphCommitment) =>
  [a.kind, a.party, a.countryCode ?? "", a.description.en]
    .join("\u0000")
    .localeCompare([b.kind, b.party, b.countryCode ?? "", b.description.en].join("\u0000"));

/** IATI requires a description: an edition has none of its own, so it is described by its programme, place and days. */
function editionDescription(program: GraphProgram, e: GraphEdition): Narratives {
  const where = e.venue ? { en: `, held in ${e.venue.en}`, id: `, diselenggarakan di ${e.venue.id ?? e.venue.en}` } : { en: "", id: "" };
  return {
    en: `Edition of the programme "${program.title.en}"${where.en}, planned from ${e.plannedStartDate} to ${e.plannedEndDate}.`,
    id: `Edisi program "${program.title.id ?? program.title.en}"${where.id}, direncanakan dari ${e.plannedStartDate} sampai ${e.plannedEndDate}.`,
  };
}

/**
 * IATI requires at least one activity date. A programme's are the span of the
 * editions in it and in its sub-programmes: the earliest planned and actual
 * start, the latest planned end, and the latest actual end once every one of
 * them has ended. A programme with no edition anywhere below it has no day of
 * its own in the graph: its planned start is then the day its record was
 * created (README, IATI).
 */
function programDates(editions: EditionDates[], createdOn: string): IatiActivity["dates"] {
  if (editions.length === 0) return [{ type: "1", isoDate: createdOn }];
  const min = (values: string[]) => values.reduce((a, b) => (b < a ? b : a));
  const max = (values: string[]) => values.reduce((a, b) => (b > a ? b : a));
  const actualStarts = editions.flatMap((e) => (e.actualStartDate ? [e.actualStartDate] : []));
  const actualEnds = editions.flatMap((e) => (e.actualEndDate ? [e.actualEndDate] : []));
  return [
    { type: "1", isoDate: min(editions.map((e) => e.plannedStartDate)) },
    ...(actualStarts.length ? [{ type: "2", isoDate: min(actualStarts) }] : []),
    { type: "3", isoDate: max(editions.map((e) => e.plannedEndDate)) },
    ...(actualEnds.length === editions.length ? [{ type: "4", isoDate: max(actualEnds) }] : []),
  ];
}

/**
 * Maps programmes (with their editions) to IATI activities: each programme is
 * a parent activity (hierarchy 1), each edition a child (hierarchy 2) linked
 * both ways by related-activity (README, IATI, for the mapping and why).
 */
export function toIatiActivities(programs: GraphProgram[], institutions: Map<string, GraphInstitution>): IatiActivity[] {
  const institutionOrg = (id: string | null): IatiOrg => {
    const i = id ? institutions.get(id) : undefined;
    if (!i) return { ref: `${ORG_PREFIX}-unknown`, type: "90", name: { en: "Organisation not shown", id: null }, sstc: null };
    return {
      ref: orgRef(i.slug),
      type: i.iatiOrganisationType,
      name: i.name,
      sstc: {
        record: "institution",
        slug: i.slug,
        institutionType: i.type,
        institutionSlug: null,
        partnerKind: null,
        country: i.countryCode,
        partnershipRole: null,
      },
    };
  };
  const programIdentifier = (p: ProgramLink) => p.iatiIdentifier ?? `${institutionOrg(p.leadInstitutionId).ref}-${p.code}`;
  // Ordered by role and partner (not by record ids), so that an imported copy exports the same.
  const partnerOrgs = (partnerships: GraphPartnership[]): ParticipatingOrg[] =>
    [...partnerships].sort(byPartnership).flatMap((s) => {
      if (!s.partner) return [];
      const institution = s.partner.institutionId ? institutions.get(s.partner.institutionId) : undefined;
      return [
        {
          ref: orgRef(s.partner.slug),
          type: institution?.iatiOrganisationType ?? "90",
          // IATI has no code for a co-organiser: it carries out events of the activity, so Implementing, with the graph's role beside it.
          role: String(s.iatiRoleCode ?? 4),
          name: s.partner.name,
          sstc: {
            record: "partner",
            slug: s.partner.slug,
            institutionType: institution?.type ?? null,
            institutionSlug: institution?.slug ?? null,
            partnerKind: s.partner.kind,
            country: s.partner.homeCountryCode,
            partnershipRole: s.iatiRoleCode === null ? s.role : null,
          },
        },
      ];
    });
  const documentLinks = (sources: GraphSource[]) =>
    // IATI requires a document's address: a source known only by its title and publisher is not linked.
    sources.flatMap((s) =>
      s.url ? [{ url: s.url, format: "text/html", title: s.title, category: "A12", language: s.language || null, date: s.publishedOn }] : [],
    );
  const sdgTags = (p: GraphProgram) => [
    ...p.sdgGoals.map((g) => ({ vocabulary: SDG_GOAL_VOCABULARY, code: String(g) })),
    ...p.sdgTargets.map((t) => ({ vocabulary: SDG_TARGET_VOCABULARY, code: t })),
  ];

  return programs.flatMap((p): IatiActivity[] => {
    const identifier = programIdentifier(p);
    const lead = institutionOrg(p.leadInstitutionId);
    const editionIdentifier = (e: GraphEdition) => e.iatiIdentifier ?? `${identifier}-${e.id}`;
    const program: IatiActivity = {
      identifier,
      hierarchy: 1,
      reportingOrg: lead,
      title: p.title,
      description: p.summary ?? p.title,
      participatingOrgs: [{ ...lead, role: "2" }, ...partnerOrgs(p.partnerships.filter((s) => !s.editionId))],
      status: String(p.iatiStatusCode),
      dates: programDates([...p.editions, ...p.descendantEditions], p.createdOn),
      contacts: [],
      recipientCountries: [],
      tags: sdgTags(p),
      documentLinks: documentLinks(p.sources),
      related: [
        ...(p.parentProgram ? [{ ref: programIdentifier(p.parentProgram), type: "1" }] : []),
        ...p.subprograms.map((s) => ({ ref: programIdentifier(s), type: "2" })),
        ...p.editions.map((e) => ({ ref: editionIdentifier(e), type: "2" })),
      ],
      results: [],
      sstc: { kind: "program", code: p.code, modality: p.modality, venueCountry: null, venue: null, published: p.published },
    };
    const editions = p.editions.map((e): IatiActivity => {
      const percentages = equalPercentages(e.invitedCountryCodes.length);
      return {
        identifier: editionIdentifier(e),
        hierarchy: 2,
        reportingOrg: lead,
        title: e.title,
        description: editionDescription(p, e),
        participatingOrgs: [{ ...institutionOrg(e.hostInstitutionId), role: "4" }, ...partnerOrgs(p.partnerships.filter((s) => s.editionId === e.id))],
        status: String(e.iatiStatusCode),
        dates: [
          { type: "1", isoDate: e.plannedStartDate },
          ...(e.actualStartDate ? [{ type: "2", isoDate: e.actualStartDate }] : []),
          { type: "3", isoDate: e.plannedEndDate },
          ...(e.actualEndDate ? [{ type: "4", isoDate: e.actualEndDate }] : []),
        ],
        contacts: e.contacts.map((c) => {
          const institution = c.institutionId ? institutions.get(c.institutionId) : undefined;
          return { organisation: institution?.name ?? null, personName: c.fullName, jobTitle: c.position };
        }),
        recipientCountries: e.invitedCountryCodes.map((code, i) => ({ code, percentage: percentages[i] })),
        tags: sdgTags(p),
        documentLinks: documentLinks(e.sources),
        related: [{ ref: identifier, type: "1" }],
        // In an order of their own (not of record ids), so that an imported copy exports the same.
        results: [...e.commitments].sort(byCommitment).map((c) => ({
          type: "2",
          title: c.description,
          indicator: { measure: "5", title: FOLLOW_UP[c.followUpStatus] ?? { en: `Follow-up: ${c.followUpStatus}`, id: null } },
          sstc: {
            country: c.countryCode,
            kind: c.kind,
            party: c.party,
            followUpStatus: c.followUpStatus,
            institutionRef: c.institutionId && institutions.get(c.institutionId) ? orgRef(institutions.get(c.institutionId)!.slug) : null,
          },
        })),
        sstc: { kind: "edition", code: null, modality: null, venueCountry: e.venueCountryCode, venue: e.venue, published: e.published },
      };
    });
    return [program, ...editions];
  });
}
