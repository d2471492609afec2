/** A cell of an export: numbers stay numbers (in XLSX), absent values are empty cells. */
export type Cell = string | number | boolean | null;

/** The `data` of an export operation's answer. */
export type Data = Record<string, unknown>;

// Methods rather than function properties: a dataset of any row type is then a Dataset (their parameters are bivariant).

/** One column of an export: its header and how a row's value is read from the graph's answer. */
export interface Column<Row> {
  header: string;
  value(row: Row): Cell;
}

/** An export answered by one operation (statistics). */
export interface SingleDataset<Row = unknown> {
  kind: "single";
  filterType: string;
  query: string;
  /** The rows of the answer's `data`. */
  rows(data: Data): Row[];
  columns: Column<Row>[];
}

/** A page of a connection, as an export reads it. */
export interface Page<Row> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Row[];
}

/** An export of a connection, read a page at a time with `first` and `after`. */
export interface ListDataset<Row = unknown> {
  kind: "list";
  filterType: string;
  orderType: string;
  query: string;
  /** The connection in the answer's `data`. */
  connection(data: Data): Page<Row> | null;
  columns: Column<Row>[];
}

export type Dataset = SingleDataset | ListDataset;

interface Bucket {
  key: string;
  count: number;
  placeholderCount: number;
  country?: { name: string } | null;
  institution?: { name: string } | null;
}

interface StatisticsRow {
  figure: string;
  key: string | null;
  name: string | null;
  count: number;
  placeholderCount: number | null;
}

/** The breakdowns of CooperationStatistics, in the order they are written out (deprecated twins left out). */
const BREAKDOWNS = {
  participantsByCountry: "country",
  participantsByGender: "",
  participantsByInstitution: "institution",
  participantsByRole: "",
  participantsByYear: "",
  peopleByCountry: "country",
  peopleByGender: "",
  editionsByHostCountry: "country",
  editionsByModality: "",
  editionsBySdgGoal: "",
  editionsByYear: "",
  programsByModality: "",
  programsBySdgGoal: "",
  programsByYear: "",
} as const;

/** Each total and the count of placeholders among what it counts (personCount has none of its own). */
const TOTALS: Array<[string, string | null]> = [
  ["programCount", "placeholderProgramCount"],
  ["editionCount", "placeholderEditionCount"],
  ["participationCount", "placeholderParticipationCount"],
  ["personCount", null],
];

const bucketSelection = (linked: string) =>
  linked === "country"
    ? "{ ...bucket country { name(lang: $lang) } }"
    : linked === "institution"
      ? "{ ...bucket institution { name(lang: $lang) } }"
      : "{ ...bucket }";

/**
 * The dashboard statistics as one long table: a row per total, then a row
 * per bucket of each breakdown (`figure` names it, `key` is the bucket's key
 * and `name` the country's or institution's name where the bucket links to
 * one), so that a spreadsheet can filter and pivot it.
 */
export const statistics: SingleDataset<StatisticsRow> = {
  kind: "single",
  filterType: "StatisticsFilter",
  query: `query ExportStatistics($filter: StatisticsFilter, $lang: Language) {
  statistics(filter: $filter) {
    ${TOTALS.flat()
      .filter((f) => f)
      .join(" ")}
    ${Object.entries(BREAKDOWNS)
      .map(([field, linked]) => `${field} ${bucketSelection(linked)}`)
      .join("\n    ")}
  }
}
fragment bucket on StatisticsBucket { key count placeholderCount }`,
  rows(data) {
    const stats = data.statistics as Record<string, number | Bucket[]> | null;
    if (!stats) return [];
    const totals = TOTALS.map(([figure, placeholders]) => ({
      figure,
      key: null,
      name: null,
      count: stats[figure] as number,
      placeholderCount: placeholders ? (stats[placeholders] as number) : null,
    }));
    const buckets = Object.keys(BREAKDOWNS).flatMap((figure) =>
      (stats[figure] as Bucket[]).map((b) => ({
        figure,
        key: b.key,
        name: b.country?.name ?? b.institution?.name ?? null,
        count: b.count,
        placeholderCount: b.placeholderCount,
      })),
    );
    return [...totals, ...buckets];
  },
  columns: [
    { header: "figure", value: (r) => r.figure },
    { header: "key", value: (r) => r.key },
    { header: "name", value: (r) => r.name },
    { header: "count", value: (r) => r.count },
    { header: "placeholderCount", value: (r) => r.placeholderCount },
  ],
};

interface ProgramRow {
  id: string;
  code: string;
  title: string;
  theme: string | null;
  status: string;
  modality: string | null;
  published: boolean;
  isPlaceholder: boolean;
  sdgGoals: number[];
  sdgTargets: string[];
  leadInstitution: { id: string; name: string } | null;
  editions: { totalCount: number };
}

const list = (values: Array<string | number>) => values.join(";");

/** The catalogue's programme list (`programs`), filtered and ordered as there. */
export const programs: ListDataset<ProgramRow> = {
  kind: "list",
  filterType: "ProgramFilter",
  orderType: "ProgramOrder",
  query: `query ExportPrograms($filter: ProgramFilter, $orderBy: ProgramOrder, $lang: Language, $first: Int, $after: String) {
  programs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id code title(lang: $lang) theme(lang: $lang) status modality published isPlaceholder sdgGoals sdgTargets
      leadInstitution { id name(lang: $lang) }
      editions(first: 1) { totalCount }
    }
  }
}`,
  connection: (data) => data.programs as Page<ProgramRow> | null,
  columns: [
    { header: "id", value: (r) => r.id },
    { header: "code", value: (r) => r.code },
    { header: "title", value: (r) => r.title },
    { header: "theme", value: (r) => r.theme },
    { header: "status", value: (r) => r.status },
    { header: "modality", value: (r) => r.modality },
    { header: "sdgGoals", value: (r) => list(r.sdgGoals) },
    { header: "sdgTargets", value: (r) => list(r.sdgTargets) },
    { header: "leadInstitutionId", value: (r) => r.leadInstitution?.id ?? null },
    { header: "leadInstitution", value: (r) => r.leadInstitution?.name ?? null },
    { header: "editionCount", value: (r) => r.editions.totalCount },
    { header: "published", value: (r) => r.published },
    { header: "isPlaceholder", value: (r) => r.isPlaceholder },
  ],
};

interface EditionRow {
  id: string;
  title: string;
  status: string;
  plannedStartDate: string;
  plannedEndDate: string;
  actualStartDate: string | null;
  actualEndDate: string | null;
  venue: string | null;
  published: boolean;
  isPlaceholder: boolean;
  program: { id: string; code: string } | null;
  venueCountry: { code: string; name: string } | null;
  hostInstitution: { id: string; name: string } | null;
  participantCounts: { total: number };
}

/** The catalogue's edition list (`editions`), filtered and ordered as there. */
export const editions: ListDataset<EditionRow> = {
  kind: "list",
  filterType: "EditionFilter",
  orderType: "EditionOrder",
  query: `query ExportEditions($filter: EditionFilter, $orderBy: EditionOrder, $lang: Language, $first: Int, $after: String) {
  editions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id title(lang: $lang) status plannedStartDate plannedEndDate actualStartDate actualEndDate venue(lang: $lang) published isPlaceholder
      program { id code }
      venueCountry { code name(lang: $lang) }
      hostInstitution { id name(lang: $lang) }
      participantCounts { total }
    }
  }
}`,
  connection: (data) => data.editions as Page<EditionRow> | null,
  columns: [
    { header: "id", value: (r) => r.id },
    { header: "programId", value: (r) => r.program?.id ?? null },
    { header: "programCode", value: (r) => r.program?.code ?? null },
    { header: "title", value: (r) => r.title },
    { header: "status", value: (r) => r.status },
    { header: "plannedStartDate", value: (r) => r.plannedStartDate },
    { header: "plannedEndDate", value: (r) => r.plannedEndDate },
    { header: "actualStartDate", value: (r) => r.actualStartDate },
    { header: "actualEndDate", value: (r) => r.actualEndDate },
    { header: "venue", value: (r) => r.venue },
    { header: "venueCountryCode", value: (r) => r.venueCountry?.code ?? null },
    { header: "venueCountry", value: (r) => r.venueCountry?.name ?? null },
    { header: "hostInstitutionId", value: (r) => r.hostInstitution?.id ?? null },
    { header: "hostInstitution", value: (r) => r.hostInstitution?.name ?? null },
    { header: "participantCount", value: (r) => r.participantCounts.total },
    { header: "published", value: (r) => r.published },
    { header: "isPlaceholder", value: (r) => r.isPlaceholder },
  ],
};

/** The exports by the name in their path (`/export/<name>.<format>`). */
export const DATASETS: Record<string, Dataset> = { statistics, programs, editions };
