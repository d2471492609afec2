/**
 * An IATI activity as plain data: what the export writes and what the import
 * reads, one shape for both, so a round trip can be compared structurally.
 * `sstc` fields travel in the graph's own XML namespace (IATI allows elements
 * of other namespaces in these places) and carry what IATI has no element for
 * but the graph needs to recreate a record (a programme's code, an edition's
 * venue country, a partner's kind); other publishers' files simply lack them.
 */
export interface Narratives {
  en: string;
  /** Bahasa Indonesia, when the record has it. */
  id: string | null;
}

/** What the graph needs to find or create the organisation behind an IATI org reference. */
export interface OrgRecord {
  /** `institution` (a lead or host institution) or `partner` (a partner in a partnership). */
  record: "institution" | "partner";
  slug: string;
  /** InstitutionType of the institution (for a partner: of the institution that stands behind it). */
  institutionType: string | null;
  /** For a partner, the slug of its institution. */
  institutionSlug: string | null;
  partnerKind: string | null;
  /** Home country (ISO alpha-2). */
  country: string | null;
  /** PartnershipRole, for the role IATI has no code for (co-organiser). */
  partnershipRole: string | null;
}

export interface IatiOrg {
  ref: string;
  type: string;
  name: Narratives;
  sstc: OrgRecord | null;
}

export interface ParticipatingOrg extends IatiOrg {
  role: string;
}

export interface IatiContact {
  organisation: Narratives | null;
  personName: string;
  jobTitle: Narratives | null;
}

export interface IatiDocumentLink {
  url: string;
  format: string;
  title: string;
  category: string;
  language: string | null;
  date: string | null;
}

export interface CommitmentRecord {
  country: string | null;
  kind: string;
  party: string;
  followUpStatus: string;
  institutionRef: string | null;
}

export interface IatiResult {
  type: string;
  title: Narratives;
  indicator: { measure: string; title: Narratives };
  sstc: CommitmentRecord | null;
}

export interface ActivityRecord {
  kind: "program" | "edition";
  code: string | null;
  modality: string | null;
  venueCountry: string | null;
  /** An edition's venue (e.g. the city), which IATI's location element would need coordinates or a gazetteer for. */
  venue: Narratives | null;
  published: boolean;
}

export interface IatiActivity {
  identifier: string;
  /** 1 for a programme, 2 for an edition. */
  hierarchy: number;
  reportingOrg: IatiOrg;
  title: Narratives;
  description: Narratives | null;
  participatingOrgs: ParticipatingOrg[];
  status: string;
  dates: Array<{ type: string; isoDate: string }>;
  contacts: IatiContact[];
  recipientCountries: Array<{ code: string; percentage: number }>;
  tags: Array<{ vocabulary: string; code: string }>;
  documentLinks: IatiDocumentLink[];
  related: Array<{ ref: string; type: string }>;
  results: IatiResult[];
  sstc: ActivityRecord | null;
}

/** The graph's XML namespace for what IATI cannot hold (see README, IATI). */
export const SSTC_NAMESPACE = "https://github.com/sstc-cooperation-graph/iati-extension/1";
export const SSTC_PREFIX = "sstc";
