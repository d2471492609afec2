import { ErrorCode } from "@sstc/subgraph-kit";
import type { IatiActivity, OrgRecord, ParticipatingOrg } from "./iati-activity";
import { readIatiActivities, type ReadActivity } from "./iati-xml-reader";
import { validateWithXsd, type FileProblem } from "./iati-xsd";
import { ORG_PREFIX } from "./iati-mapping";

/**
 * Sends one GraphQL operation to the graph (the gateway) and returns its
 * data. NOT_FOUND errors (a lookup that finds nothing: its field is null) are
 * not failures; any other error throws.
 */
export type GraphClient = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** What an import did to each kind of record. */
export type ImportCounts = Record<"institutions" | "partners" | "programs" | "editions" | "partnerships" | "commitments", number>;
export interface ImportReport {
  created: ImportCounts;
  updated: ImportCounts;
  skipped: ImportCounts;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; problems: FileProblem[] };

const STATUS: Record<string, string> = { "1": "PIPELINE", "2": "IMPLEMENTATION", "3": "FINALISATION", "4": "CLOSED", "5": "CANCELLED", "6": "SUSPENDED" };
const ROLE: Record<string, string> = { "1": "FUNDING", "2": "ACCOUNTABLE", "3": "EXTENDING", "4": "IMPLEMENTING" };
/** For organisations of other publishers' files, which carry no institution type: the nearest one for each IATI OrganisationType. */
const INSTITUTION_TYPE: Record<string, string> = {
  "10": "MINISTRY",
  "11": "LOCAL_GOVERNMENT",
  "15": "DIRECTORATE",
  "21": "NGO",
  "22": "NGO",
  "23": "NGO",
  "24": "NGO",
  "40": "INTERGOVERNMENTAL_ORGANISATION",
  "80": "UNIVERSITY",
};
const PARTNER_KIND: Record<string, string> = { "10": "MINISTRY", "11": "NATIONAL_AGENCY", "15": "NATIONAL_AGENCY", "40": "INTERGOVERNMENTAL_ORGANISATION" };

const zero = (): ImportCounts => ({ institutions: 0, partners: 0, programs: 0, editions: 0, partnerships: 0, commitments: 0 });

/** A slug for an organisation reference of another publisher: XX-SSTC-perpusnas → perpusnas, GB-GOV-1 → gb-gov-1. */
function slugOfRef(ref: string): string {
  const own = ref.startsWith(`${ORG_PREFIX}-`) ? ref.slice(ORG_PREFIX.length + 1) : ref;
  return (
    own
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80) || "organisation"
  );
}

interface OrgNeed {
  ref: string;
  line: number;
  name: IatiActivity["title"];
  type: string;
  sstc: OrgRecord | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Imports an IATI activities file into the graph through its GraphQL API, as
 * the caller of `graph` (an admin or an editor: every rule of the graph
 * applies). Nothing is written unless the whole file passes: the XSD, the
 * code lists, and a plan made by reading the graph (every reference
 * resolved, every country known). Records are matched by what the file names
 * them by: programmes by code (the identifier without the reporting
 * organisation's prefix) and stored IATI identifier, editions by IATI
 * identifier, institutions and partners by the slug in their organisation
 * reference; a record that already holds what the file says is skipped, so
 * the same file twice writes nothing the second time. If a write fails half
 * way (a subgraph down), what was written stays and the report says so;
 * running the same import again finds it and completes the rest.
 */
export async function importIatiActivities(xml: string, graph: GraphClient, options: { schemaDir: string; defaultCountry?: string }): Promise<ImportOutcome> {
  const xsdProblems = validateWithXsd(xml, options.schemaDir);
  if (xsdProblems.length) return { ok: false, problems: xsdProblems };
  const { activities, problems } = readIatiActivities(xml);
  if (problems.length) return { ok: false, problems };

  const report: ImportReport = { created: zero(), updated: zero(), skipped: zero() };
  const plan = await planImport(activities, graph, options.defaultCountry ?? "ID");
  if (plan.problems.length) return { ok: false, problems: plan.problems.sort((a, b) => a.line - b.line) };

  // Organisations first, then programmes parents first, then editions, then what hangs on them.
  const institutionIds = new Map<string, string>(plan.institutions.existing);
  for (const need of plan.institutions.missing) {
    const created = await graph<{ createInstitution: { id: string } }>(
      `mutation IatiCreateInstitution($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`,
      { input: need },
    );
    institutionIds.set(need.slug, created.createInstitution.id);
    report.created.institutions++;
  }
  report.skipped.institutions += plan.institutions.existing.size;
  const partnerIds = new Map<string, string>(plan.partners.existing);
  for (const need of plan.partners.missing) {
    const { institutionSlug, ...input } = need;
    const created = await graph<{ createPartner: { id: string } }>(
      `mutation IatiCreatePartner($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`,
      {
        input: { ...input, institutionId: institutionIds.get(institutionSlug) },
      },
    );
    partnerIds.set(need.slug, created.createPartner.id);
    report.created.partners++;
  }
  report.skipped.partners += plan.partners.existing.size;

  const programIds = new Map<string, string>();
  for (const p of plan.programs) {
    const input = {
      ...p.input,
      leadInstitutionId: institutionIds.get(p.leadSlug),
      parentProgramId: p.parentIdentifier ? (programIds.get(p.parentIdentifier) ?? plan.knownPrograms.get(p.parentIdentifier)?.id) : null,
    };
    const existing = p.existing;
    if (!existing) {
      const created = await graph<{ createProgram: { id: string } }>(
        `mutation IatiCreateProgram($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
        {
          input,
        },
      );
      programIds.set(p.identifier, created.createProgram.id);
      report.created.programs++;
      continue;
    }
    programIds.set(p.identifier, existing.id);
    const changes = Object.fromEntries(Object.entries(input).filter(([key, value]) => !same(existing.values[key], value)));
    if (Object.keys(changes).length === 0) {
      report.skipped.programs++;
      continue;
    }
    await graph(
      `mutation IatiUpdateProgram($id: ID!, $version: Int!, $input: UpdateProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { id } }`,
      {
        id: existing.id,
        version: existing.version,
        input: changes,
      },
    );
    report.updated.programs++;
  }

  for (const e of plan.editions) {
    const programId = programIds.get(e.programIdentifier) ?? plan.knownPrograms.get(e.programIdentifier)!.id;
    const input = { ...e.input, hostInstitutionId: institutionIds.get(e.hostSlug) };
    let editionId: string;
    if (!e.existing) {
      const created = await graph<{ createEdition: { id: string } }>(
        `mutation IatiCreateEdition($input: CreateEditionInput!) { createEdition(input: $input) { id } }`,
        {
          input: { ...input, programId },
        },
      );
      editionId = created.createEdition.id;
      report.created.editions++;
    } else {
      editionId = e.existing.id;
      const existing = e.existing;
      const changes = Object.fromEntries(Object.entries(input).filter(([key, value]) => !same(existing.values[key], value)));
      if (Object.keys(changes).length === 0) report.skipped.editions++;
      else {
        await graph(
          `mutation IatiUpdateEdition($id: ID!, $version: Int!, $input: UpdateEditionInput!) { updateEdition(id: $id, version: $version, input: $input) { id } }`,
          {
            id: existing.id,
            version: existing.version,
            input: changes,
          },
        );
        report.updated.editions++;
      }
    }
    for (const c of e.commitments) {
      const found = e.existing?.commitments.find((x) => x.descriptionEn === c.descriptionEn && x.countryCode === c.countryCode);
      const input = { ...c, institutionId: c.institutionSlug ? institutionIds.get(c.institutionSlug) : null, institutionSlug: undefined };
      delete input.institutionSlug;
      if (!found) {
        await graph(`mutation IatiCreateCommitment($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`, {
          input: { ...input, editionId },
        });
        report.created.commitments++;
      } else if (found.followUpStatus !== c.followUpStatus || found.descriptionId !== c.descriptionId) {
        await graph(
          `mutation IatiUpdateCommitment($id: ID!, $version: Int!, $input: UpdateCommitmentInput!) { updateCommitment(id: $id, version: $version, input: $input) { id } }`,
          { id: found.id, version: found.version, input: { followUpStatus: c.followUpStatus, descriptionId: c.descriptionId } },
        );
        report.updated.commitments++;
      } else report.skipped.commitments++;
    }
    for (const s of e.partnerships) await partnership(s, programId, editionId);
  }
  for (const p of plan.programs) for (const s of p.partnerships) await partnership(s, programIds.get(p.identifier)!, null);

  async function partnership(s: PlannedPartnership, programId: string, editionId: string | null) {
    if (s.exists) {
      report.skipped.partnerships++;
      return;
    }
    await graph(`mutation IatiCreatePartnership($input: CreateProgramPartnershipInput!) { createProgramPartnership(input: $input) { id } }`, {
      input: { programId, editionId, partnerId: partnerIds.get(s.partnerSlug), role: s.role },
    });
    report.created.partnerships++;
  }
  return { ok: true, report };
}

interface Existing {
  id: string;
  version: number;
  values: Record<string, unknown>;
}
interface PlannedPartnership {
  partnerSlug: string;
  role: string;
  exists: boolean;
}
interface PlannedCommitment {
  countryCode: string;
  descriptionEn: string;
  descriptionId: string | null;
  kind: string;
  party: string;
  followUpStatus: string;
  institutionSlug?: string | null;
}
interface StoredCommitment {
  id: string;
  version: number;
  descriptionEn: string;
  descriptionId: string | null;
  countryCode: string | null;
  followUpStatus: string;
}
interface Plan {
  problems: FileProblem[];
  institutions: { existing: Map<string, string>; missing: Array<{ slug: string; nameEn: string; nameId: string | null; type: string; countryCode: string }> };
  partners: {
    existing: Map<string, string>;
    missing: Array<{ slug: string; nameEn: string; nameId: string | null; kind: string; homeCountryCode: string; institutionSlug: string }>;
  };
  knownPrograms: Map<string, { id: string }>;
  programs: Array<{
    identifier: string;
    leadSlug: string;
    parentIdentifier: string | null;
    input: Record<string, unknown>;
    existing: Existing | null;
    partnerships: PlannedPartnership[];
  }>;
  editions: Array<{
    programIdentifier: string;
    hostSlug: string;
    input: Record<string, unknown>;
    existing: (Existing & { commitments: StoredCommitment[] }) | null;
    commitments: PlannedCommitment[];
    partnerships: PlannedPartnership[];
  }>;
}

const EDITION_COMMITMENTS = `query IatiEditionCommitments($id: ID!) {
  edition(id: $id) { commitments(first: 100) { nodes { id version descriptionEn: description(lang: EN) descriptionId: descriptionText(lang: ID) { text language } country { code } followUpStatus } } }
}`;

const PROGRAM_STATE = `query IatiProgramState($code: String!) {
  programByCode(code: $code) {
    id version code iatiIdentifier titleEn: title(lang: EN) titleId: titleText(lang: ID) { text language } summaryEn: summary(lang: EN) summaryId: summaryText(lang: ID) { text language }
    status modality published sdgGoals sdgTargets leadInstitution { id slug } parentProgram { id }
    partnerships(first: 100) { nodes { role partner { slug } edition { id } } }
    editions(first: 100) {
      nodes {
        id version iatiIdentifier titleEn: title(lang: EN) titleId: titleText(lang: ID) { text language } status published
        plannedStartDate plannedEndDate actualStartDate actualEndDate venueCountry { code } invitedCountries { code } hostInstitution { id }
        venueEn: venue(lang: EN) venueId: venueText(lang: ID) { text language }
      }
    }
  }
}`;

type Text = { text: string | null; language: string | null } | null;

/** The identifier a programme of the graph is published under: its stored one, else the one the export derives. */
const identifierOf = (state: ProgramState) => state.iatiIdentifier ?? `${ORG_PREFIX}-${state.leadInstitution?.slug ?? "unknown"}-${state.code}`;

interface RawCommitment {
  id: string;
  version: number;
  descriptionEn: string;
  descriptionId: Text;
  country: { code: string } | null;
  followUpStatus: string;
}
interface ProgramState {
  id: string;
  version: number;
  code: string;
  iatiIdentifier: string | null;
  titleEn: string;
  titleId: Text;
  summaryEn: string | null;
  summaryId: Text;
  status: string;
  modality: string | null;
  published: boolean;
  sdgGoals: number[];
  sdgTargets: string[];
  leadInstitution: { id: string; slug: string } | null;
  parentProgram: { id: string } | null;
  partnerships: { nodes: Array<{ role: string; partner: { slug: string } | null; edition: { id: string } | null }> } | null;
  editions: {
    nodes: Array<{
      id: string;
      version: number;
      iatiIdentifier: string | null;
      titleEn: string;
      titleId: Text;
      status: string;
      published: boolean;
      plannedStartDate: string;
      plannedEndDate: string;
      actualStartDate: string | null;
      actualEndDate: string | null;
      venueCountry: { code: string } | null;
      venueEn: string | null;
      venueId: Text;
      invitedCountries: Array<{ code: string } | null>;
      hostInstitution: { id: string } | null;
    }>;
  };
}
const idText = (t: Text) => (t?.language === "ID" ? t.text : null);

/** Reads the graph and decides every write, or lists why the file cannot be imported; writes nothing. */
async function planImport(read: ReadActivity[], graph: GraphClient, defaultCountry: string): Promise<Plan> {
  const problems: FileProblem[] = [];
  const byIdentifier = new Map(read.map((r) => [r.activity.identifier, r]));
  const parentOf = (a: IatiActivity) => a.related.find((r) => r.type === "1")?.ref ?? null;

  // Organisations the file needs, by slug.
  const institutionsNeeded = new Map<string, OrgNeed & { country: string; institutionType: string | null }>();
  const partnersNeeded = new Map<string, OrgNeed & { country: string }>();
  const needInstitution = (org: OrgNeed, slug: string, institutionType: string | null, country: string | null) => {
    if (!institutionsNeeded.has(slug)) institutionsNeeded.set(slug, { ...org, country: country ?? defaultCountry, institutionType });
  };
  const hostOf = (a: IatiActivity): ParticipatingOrg | IatiActivity["reportingOrg"] =>
    a.participatingOrgs.find((o) => o.sstc?.record === "institution" && (a.hierarchy === 2 ? o.role === "4" : o.role === "2")) ?? a.reportingOrg;
  const partnersOf = (a: IatiActivity) =>
    a.participatingOrgs.filter((o) => (o.sstc ? o.sstc.record === "partner" : o.ref !== a.reportingOrg.ref && o.ref !== hostOf(a).ref));

  for (const { activity: a, line } of read) {
    const lead = a.reportingOrg;
    for (const org of [lead, hostOf(a)]) {
      const slug = org.sstc?.slug ?? slugOfRef(org.ref);
      const type = org.sstc?.institutionType ?? INSTITUTION_TYPE[org.type] ?? null;
      if (!type) problems.push({ line, message: `organisation ${org.ref}: IATI type ${org.type || "(none)"} has no institution type in the graph` });
      needInstitution({ ...org, line }, slug, type, org.sstc?.country ?? null);
    }
    for (const p of partnersOf(a)) {
      const slug = p.sstc?.slug ?? slugOfRef(p.ref);
      const institutionSlug = p.sstc?.institutionSlug ?? slug;
      const type = p.sstc?.institutionType ?? INSTITUTION_TYPE[p.type] ?? null;
      if (!type) problems.push({ line, message: `organisation ${p.ref}: IATI type ${p.type || "(none)"} has no institution type in the graph` });
      needInstitution({ ...p, line }, institutionSlug, type, p.sstc?.country ?? null);
      if (!partnersNeeded.has(slug)) partnersNeeded.set(slug, { ...p, line, country: p.sstc?.country ?? defaultCountry });
    }
    if (a.hierarchy === 2) {
      const parent = parentOf(a);
      if (!parent) problems.push({ line, message: `edition ${a.identifier} names no parent programme (related-activity type 1)` });
      else if (byIdentifier.get(parent) && byIdentifier.get(parent)!.activity.hierarchy !== 1)
        problems.push({ line, message: `the parent of edition ${a.identifier}, ${parent}, is not a programme (hierarchy 1)` });
    }
  }

  const institutions = { existing: new Map<string, string>(), missing: [] as Plan["institutions"]["missing"] };
  for (const [slug, need] of institutionsNeeded) {
    const data = await graph<{ institutionBySlug: { id: string } | null }>(`query IatiInstitution($slug: String!) { institutionBySlug(slug: $slug) { id } }`, {
      slug,
    });
    if (data.institutionBySlug) institutions.existing.set(slug, data.institutionBySlug.id);
    else if (need.institutionType)
      institutions.missing.push({ slug, nameEn: need.name.en, nameId: need.name.id, type: need.institutionType, countryCode: need.country.toUpperCase() });
  }
  const partners = { existing: new Map<string, string>(), missing: [] as Plan["partners"]["missing"] };
  for (const [slug, need] of partnersNeeded) {
    const data = await graph<{ partnerBySlug: { id: string } | null }>(`query IatiPartner($slug: String!) { partnerBySlug(slug: $slug) { id } }`, { slug });
    if (data.partnerBySlug) partners.existing.set(slug, data.partnerBySlug.id);
    else {
      const kind = need.sstc?.partnerKind ?? PARTNER_KIND[need.type] ?? "DEVELOPMENT_PARTNER";
      partners.missing.push({
        slug,
        nameEn: need.name.en,
        nameId: need.name.id,
        kind,
        homeCountryCode: need.country.toUpperCase(),
        institutionSlug: need.sstc?.institutionSlug ?? slug,
      });
    }
  }

  // Every country the file names must be one the graph knows: a refusal by a mutation half way would leave a partial import.
  const countryLines = new Map<string, number>();
  for (const { activity: a, line } of read) {
    for (const c of a.recipientCountries) countryLines.set(c.code, line);
    if (a.sstc?.venueCountry) countryLines.set(a.sstc.venueCountry, line);
    for (const r of a.results) if (r.sstc?.country) countryLines.set(r.sstc.country, line);
  }
  for (const need of [...institutions.missing.map((i) => i.countryCode), ...partners.missing.map((p) => p.homeCountryCode)])
    countryLines.set(need, countryLines.get(need) ?? 0);
  for (const [code, line] of countryLines) {
    const data = await graph<{ country: { code: string } | null }>(`query IatiCountry($code: String!) { country(code: $code) { code } }`, { code });
    if (!data.country) problems.push({ line, message: `country ${code} is not known to the graph` });
  }

  // Programmes, parents before children.
  const programReads = read.filter((r) => r.activity.hierarchy === 1);
  const ordered: ReadActivity[] = [];
  const visit = (r: ReadActivity, path: Set<string>) => {
    if (ordered.includes(r)) return;
    if (path.has(r.activity.identifier)) {
      problems.push({ line: r.line, message: `programme ${r.activity.identifier} is its own ancestor` });
      return;
    }
    const parent = parentOf(r.activity);
    const parentRead = parent ? byIdentifier.get(parent) : undefined;
    if (parentRead) visit(parentRead, new Set([...path, r.activity.identifier]));
    ordered.push(r);
  };
  for (const r of programReads) visit(r, new Set());

  const knownPrograms = new Map<string, { id: string }>();
  const programState = new Map<string, ProgramState | null>();
  const codeOf = (a: IatiActivity) => {
    const prefix = `${a.reportingOrg.ref}-`;
    return (a.sstc?.code ?? (a.identifier.startsWith(prefix) ? a.identifier.slice(prefix.length) : a.identifier)).toUpperCase();
  };
  const stateOf = async (code: string) => {
    if (!programState.has(code)) programState.set(code, (await graph<{ programByCode: ProgramState | null }>(PROGRAM_STATE, { code })).programByCode);
    return programState.get(code) ?? null;
  };
  /**
   * The programme of the graph an identifier outside the file names: its
   * stored identifier, or the one the export derives (XX-SSTC-<lead slug>-<code>).
   * The code is a tail of the identifier after a hyphen; each candidate is
   * looked up and kept only if it gives back exactly that identifier.
   */
  const programOfIdentifier = async (identifier: string): Promise<ProgramState | null> => {
    const parts = identifier.split("-");
    for (let i = 1; i < parts.length; i++) {
      const code = parts.slice(i).join("-");
      if (!/^[A-Z0-9][A-Z0-9_.-]{0,39}$/.test(code)) continue;
      const state = await stateOf(code);
      if (state && identifierOf(state) === identifier) return state;
    }
    return null;
  };
  const plans: Plan["programs"] = [];
  for (const { activity: a, line } of ordered) {
    const code = codeOf(a);
    if (!/^[A-Z0-9][A-Z0-9_.-]{0,39}$/.test(code)) {
      problems.push({ line, message: `programme code ${code} (from iati-identifier ${a.identifier}) is not 1–40 letters, digits, '.', '_' or '-'` });
      continue;
    }
    const state = await stateOf(code);
    if (state && identifierOf(state) !== a.identifier) {
      problems.push({ line, message: `programme ${code} is already published as ${identifierOf(state)}, not ${a.identifier}` });
      continue;
    }
    const parent = parentOf(a);
    if (parent && !byIdentifier.has(parent)) {
      const parentState = await programOfIdentifier(parent);
      if (!parentState) problems.push({ line, message: `parent activity ${parent} is neither in the file nor in the graph` });
      else knownPrograms.set(parent, { id: parentState.id });
    }
    const lead = a.reportingOrg.sstc?.slug ?? slugOfRef(a.reportingOrg.ref);
    const input = {
      code,
      iatiIdentifier: a.identifier,
      titleEn: a.title.en,
      titleId: a.title.id,
      summaryEn: a.description?.en ?? null,
      summaryId: a.description?.id ?? null,
      status: STATUS[a.status],
      modality: a.sstc?.modality ?? null,
      published: a.sstc?.published ?? true,
      sdgGoals: a.tags.filter((t) => t.vocabulary === "2").map((t) => Number(t.code)),
      sdgTargets: a.tags.filter((t) => t.vocabulary === "3").map((t) => t.code),
    };
    const existingPartnerships: Array<{ role: string; partner: { slug: string } | null; edition: { id: string } | null }> = state?.partnerships?.nodes ?? [];
    plans.push({
      identifier: a.identifier,
      leadSlug: lead,
      parentIdentifier: parent,
      input,
      existing: state
        ? {
            id: state.id,
            version: state.version,
            values: {
              code: state.code,
              iatiIdentifier: identifierOf(state),
              titleEn: state.titleEn,
              titleId: idText(state.titleId),
              summaryEn: state.summaryEn ?? null,
              summaryId: idText(state.summaryId),
              status: state.status,
              modality: state.modality,
              published: state.published,
              sdgGoals: state.sdgGoals,
              sdgTargets: state.sdgTargets,
              leadInstitutionId: state.leadInstitution?.id ?? null,
              parentProgramId: state.parentProgram?.id ?? null,
            },
          }
        : null,
      partnerships: partnersOf(a).map((o) => {
        const role = o.sstc?.partnershipRole ?? ROLE[o.role];
        const slug = o.sstc?.slug ?? slugOfRef(o.ref);
        return { partnerSlug: slug, role, exists: existingPartnerships.some((s) => !s.edition && s.partner?.slug === slug && s.role === role) };
      }),
    });
  }

  const editions: Plan["editions"] = [];
  for (const { activity: a, line } of read.filter((r) => r.activity.hierarchy === 2)) {
    const parent = parentOf(a);
    if (!parent) continue;
    const parentActivity = byIdentifier.get(parent)?.activity;
    const state = parentActivity ? await stateOf(codeOf(parentActivity)) : await programOfIdentifier(parent);
    if (!parentActivity) {
      if (!state) {
        problems.push({ line, message: `parent activity ${parent} is neither in the file nor in the graph` });
        continue;
      }
      knownPrograms.set(parent, { id: state.id });
    }
    // An edition is published under its stored identifier, else under the one the export derives from its programme's and its id.
    const editionIdentifier = (e: ProgramState["editions"]["nodes"][number]) => e.iatiIdentifier ?? (state ? `${identifierOf(state)}-${e.id}` : null);
    const found = (state?.editions?.nodes ?? []).find((e) => editionIdentifier(e) === a.identifier) ?? null;
    const storedCommitments = found
      ? ((await graph<{ edition: { commitments: { nodes: RawCommitment[] } } | null }>(EDITION_COMMITMENTS, { id: found.id })).edition?.commitments.nodes ?? [])
      : [];
    const date = (type: string) => a.dates.find((d) => d.type === type)?.isoDate ?? null;
    const host = hostOf(a);
    const venueCountry = a.sstc?.venueCountry ?? host.sstc?.country ?? defaultCountry;
    const input = {
      iatiIdentifier: a.identifier,
      titleEn: a.title.en,
      titleId: a.title.id,
      plannedStartDate: date("1"),
      plannedEndDate: date("3"),
      actualStartDate: date("2"),
      actualEndDate: date("4"),
      status: STATUS[a.status],
      published: a.sstc?.published ?? true,
      venueCountryCode: venueCountry.toUpperCase(),
      venueEn: a.sstc?.venue?.en ?? null,
      venueId: a.sstc?.venue?.id ?? null,
      invitedCountryCodes: a.recipientCountries.map((c) => c.code),
    };
    const commitments = a.results.map((r): PlannedCommitment => ({
      countryCode: (r.sstc?.country ?? venueCountry).toUpperCase(),
      descriptionEn: r.title.en,
      descriptionId: r.title.id,
      kind: r.sstc?.kind || "COMMITMENT",
      party: r.sstc?.party || "COUNTRY",
      followUpStatus: r.sstc?.followUpStatus || "PLANNED",
      institutionSlug: r.sstc?.institutionRef ? slugOfRef(r.sstc.institutionRef) : null,
    }));
    for (const c of commitments) {
      const slug = c.institutionSlug;
      if (!slug || institutions.existing.has(slug) || institutions.missing.some((i) => i.slug === slug)) continue;
      const data = await graph<{ institutionBySlug: { id: string } | null }>(
        `query IatiInstitution($slug: String!) { institutionBySlug(slug: $slug) { id } }`,
        { slug },
      );
      if (data.institutionBySlug) institutions.existing.set(slug, data.institutionBySlug.id);
      else problems.push({ line, message: `the institution ${slug} of a commitment is neither in the file nor in the graph` });
    }
    const existingPartnerships: Array<{ role: string; partner: { slug: string } | null; edition: { id: string } | null }> = state?.partnerships?.nodes ?? [];
    editions.push({
      programIdentifier: parent,
      hostSlug: host.sstc?.slug ?? slugOfRef(host.ref),
      input,
      existing: found
        ? {
            id: found.id,
            version: found.version,
            values: {
              iatiIdentifier: editionIdentifier(found),
              titleEn: found.titleEn,
              titleId: idText(found.titleId),
              plannedStartDate: found.plannedStartDate,
              plannedEndDate: found.plannedEndDate,
              actualStartDate: found.actualStartDate,
              actualEndDate: found.actualEndDate,
              status: found.status,
              published: found.published,
              venueCountryCode: found.venueCountry?.code ?? null,
              venueEn: found.venueEn ?? null,
              venueId: idText(found.venueId),
              invitedCountryCodes: found.invitedCountries.flatMap((c) => (c ? [c.code] : [])),
              hostInstitutionId: found.hostInstitution?.id ?? null,
            },
            commitments: storedCommitments.map((c) => ({
              id: c.id,
              version: c.version,
              descriptionEn: c.descriptionEn,
              descriptionId: idText(c.descriptionId),
              countryCode: c.country?.code ?? null,
              followUpStatus: c.followUpStatus,
            })),
          }
        : null,
      commitments,
      partnerships: partnersOf(a).map((o) => {
        const role = o.sstc?.partnershipRole ?? ROLE[o.role];
        const slug = o.sstc?.slug ?? slugOfRef(o.ref);
        return {
          partnerSlug: slug,
          role,
          exists: !!found && existingPartnerships.some((s) => s.edition?.id === found.id && s.partner?.slug === slug && s.role === role),
        };
      }),
    });
  }
  return { problems, institutions, partners, knownPrograms, programs: plans, editions };
}

/** A GraphQL client for the import: POSTs to the graph's URL with the given headers; any error in an answer stops the import. */
export function httpGraphClient(url: string, headers: Record<string, string> = {}): GraphClient {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
    const errors = body?.errors?.filter((e) => e.extensions?.code !== ErrorCode.NOT_FOUND) ?? [];
    if (!body || errors.length || !body.data) {
      const error = errors[0];
      throw new Error(error ? `${error.extensions?.code ?? "ERROR"}: ${error.message}` : `HTTP ${response.status} from ${url}`);
    }
    return body.data;
  };
}
