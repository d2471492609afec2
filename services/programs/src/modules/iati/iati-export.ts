import { graphql, type GraphQLSchema } from "graphql";
import { callSubgraph, type SubgraphContext } from "@sstc/subgraph-kit";
import type { Narratives } from "./iati-activity";
import type { GraphCommitment, GraphContact, GraphEdition, GraphInstitution, GraphPartnership, GraphProgram, GraphSource, ProgramLink } from "./iati-mapping";
import type { ProgramFilter } from "../program/program.filters";
import { PUBLIC_ACTIVITY_ROLES } from "../testimony/testimony.entity";

/** A text and the Bahasa Indonesia version of it only where one is stored (not the fallback). */
const BILINGUAL = (field: string) => `${field} ${field}Id: ${field}Text(lang: ID) { text language }`;
const PROGRAM_LINK = "code iatiIdentifier leadInstitution { id }";
const SOURCE = "url title language publishedOn";

const PROGRAMS = `query IatiPrograms($filter: ProgramFilter, $after: String) {
  programs(filter: $filter, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ...IatiProgram } }
}
fragment IatiProgram on Program {
  id createdAt ${BILINGUAL("title")} ${BILINGUAL("summary")} status iatiStatusCode published modality sdgGoals sdgTargets ${PROGRAM_LINK}
  parentProgram { ${PROGRAM_LINK} }
  subprograms(first: 100) { nodes { id ${PROGRAM_LINK} } }
  sources { ${SOURCE} }
}`;

const PROGRAM_BY_CODE = `query IatiProgram($code: String!) { programByCode(code: $code) { ...IatiProgram } }
${PROGRAMS.slice(PROGRAMS.indexOf("fragment"))}`;

const EDITIONS = `query IatiEditions($programId: ID!, $after: String) {
  editions(filter: { programId: $programId }, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id iatiIdentifier ${BILINGUAL("title")} ${BILINGUAL("venue")} status published plannedStartDate plannedEndDate actualStartDate actualEndDate
      venueCountry { code } invitedCountries { code } hostInstitution { id } sources { ${SOURCE} }
      commitments(first: 100) { nodes { ${BILINGUAL("description")} kind party followUpStatus country { code } institution { id } } }
      activities(first: 100) { nodes { people(first: 100) { nodes { role person { id } } } } }
    }
  }
}`;

const SUBPROGRAM_DATES = `query IatiSubprogramDates($id: ID!) {
  program(id: $id) {
    editions(first: 100) { nodes { plannedStartDate plannedEndDate actualStartDate actualEndDate } }
    subprograms(first: 100) { nodes { id } }
  }
}`;

const PARTNERSHIPS = `query IatiPartnerships($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Program { id partnerships(first: 100) { nodes { role iatiRoleCode edition { id } partner { slug ${BILINGUAL("name")} kind homeCountry { code } institution { id } } } } }
  }
}`;

const INSTITUTIONS = `query IatiInstitutions($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Institution { id slug ${BILINGUAL("name")} type iatiOrganisationType country { code } } }
}`;

const PUBLIC_PEOPLE = `query IatiPublicPeople($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { id publicCapacity } } }`;

const CONTACTS = `query IatiContacts($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Person { id fullName ${BILINGUAL("position")} institution { id } } }
}`;

type Text = { text: string | null; language: string | null } | null;
type Id = { id: string } | null;
type Page<N> = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: N[] };
interface RawLink {
  id?: string;
  code: string;
  iatiIdentifier: string | null;
  leadInstitution: Id;
}
interface RawProgram extends RawLink {
  id: string;
  createdAt: string;
  title: string;
  titleId: Text;
  summary: string | null;
  summaryId: Text;
  status: string;
  iatiStatusCode: number;
  published: boolean;
  modality: string | null;
  sdgGoals: number[];
  sdgTargets: string[];
  parentProgram: RawLink | null;
  subprograms: { nodes: Array<RawLink & { id: string }> };
  sources: GraphSource[];
}
type RawDates = Pick<GraphEdition, "plannedStartDate" | "plannedEndDate" | "actualStartDate" | "actualEndDate">;
interface RawEdition extends RawDates {
  id: string;
  iatiIdentifier: string | null;
  title: string;
  titleId: Text;
  venue: string | null;
  venueId: Text;
  status: string;
  published: boolean;
  venueCountry: { code: string } | null;
  invitedCountries: Array<{ code: string } | null>;
  hostInstitution: Id;
  sources: GraphSource[];
  commitments: {
    nodes: Array<{
      description: string;
      descriptionId: Text;
      kind: string;
      party: string;
      followUpStatus: string;
      country: { code: string } | null;
      institution: Id;
    }>;
  };
  activities: { nodes: Array<{ people: { nodes: Array<{ role: string; person: Id }> } }> };
}
interface RawPartnership {
  role: string;
  iatiRoleCode: number | null;
  edition: Id;
  partner: { slug: string; name: string; nameId: Text; kind: string; homeCountry: { code: string } | null; institution: Id } | null;
}
interface RawInstitution {
  id: string;
  slug: string;
  name: string;
  nameId: Text;
  type: string;
  iatiOrganisationType: string;
  country: { code: string };
}
interface RawPerson {
  id: string;
  publicCapacity?: boolean;
  fullName?: string | null;
  position?: string | null;
  positionId?: Text;
  institution?: Id;
}
const narratives = (en: string | null | undefined, id: Text): Narratives | null => (en ? { en, id: id?.language === "ID" ? id.text : null } : null);

/** Runs an operation on this subgraph's own schema as the caller: every rule of the graph applies to it as to any request. */
async function local<T>(schema: GraphQLSchema, ctx: SubgraphContext, source: string, variableValues: Record<string, unknown>): Promise<T> {
  const result = await graphql({ schema, source, contextValue: ctx, variableValues });
  if (result.errors?.length) throw result.errors[0].originalError ?? result.errors[0];
  return result.data as T;
}

async function allPages<N>(fetchPage: (after: string | null) => Promise<Page<N> | null>) {
  const nodes: N[] = [];
  for (let after: string | null = null; ;) {
    const page = await fetchPage(after);
    if (!page) return nodes;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const isPublicRole = (role: string) => (PUBLIC_ACTIVITY_ROLES as readonly string[]).includes(role);

const link = (p: RawLink): ProgramLink => ({ code: p.code, iatiIdentifier: p.iatiIdentifier, leadInstitutionId: p.leadInstitution?.id ?? null });

/**
 * What the IATI export needs, read as the caller: programmes and editions
 * from this subgraph (its own resolvers, in process, so drafts and deleted
 * records stay hidden as they are from the caller), partnerships from the
 * partners subgraph and institutions and public people from the institutions
 * subgraph, each in one call signed with the caller's principal.
 */
export async function collectIatiPrograms(
  schema: GraphQLSchema,
  ctx: SubgraphContext,
  selection: { programCode?: string | null; filter?: ProgramFilter | null },
): Promise<{ programs: GraphProgram[]; institutions: Map<string, GraphInstitution> }> {
  let rows: RawProgram[];
  if (selection.programCode) {
    const data = await local<{ programByCode: RawProgram | null }>(schema, ctx, PROGRAM_BY_CODE, { code: selection.programCode });
    rows = data.programByCode ? [data.programByCode] : [];
  } else {
    rows = await allPages(
      async (after) => (await local<{ programs: Page<RawProgram> | null }>(schema, ctx, PROGRAMS, { filter: selection.filter ?? null, after })).programs,
    );
  }
  if (rows.length === 0) return { programs: [], institutions: new Map() };

  const editionsOf = new Map<string, RawEdition[]>();
  for (const p of rows)
    editionsOf.set(
      p.id,
      await allPages(async (after) => (await local<{ editions: Page<RawEdition> | null }>(schema, ctx, EDITIONS, { programId: p.id, after })).editions),
    );

  // A programme's dates span the editions of its sub-programmes too (iati-mapping.ts, programDates).
  const datesBelow = new Map<string, RawDates[]>();
  const editionDatesBelow = async (programId: string): Promise<RawDates[]> => {
    if (!datesBelow.has(programId)) {
      datesBelow.set(programId, []);
      const data = await local<{ program: { editions: { nodes: RawDates[] }; subprograms: { nodes: Array<{ id: string }> } } | null }>(
        schema,
        ctx,
        SUBPROGRAM_DATES,
        { id: programId },
      );
      const own = data.program?.editions.nodes ?? [];
      const below = await Promise.all((data.program?.subprograms.nodes ?? []).map((s) => editionDatesBelow(s.id)));
      datesBelow.set(programId, [...own, ...below.flat()]);
    }
    return datesBelow.get(programId)!;
  };
  const descendantsOf = new Map<string, RawDates[]>();
  for (const p of rows) descendantsOf.set(p.id, (await Promise.all(p.subprograms.nodes.map((s) => editionDatesBelow(s.id)))).flat());

  const partnerships = await callSubgraph<{ _entities: Array<{ id: string; partnerships: { nodes: RawPartnership[] } | null } | null> }>(
    ctx.links,
    "partners",
    ctx.principal,
    PARTNERSHIPS,
    {
      representations: rows.map((p) => ({ __typename: "Program", id: p.id })),
    },
  );
  const partnershipsOf = new Map<string, GraphPartnership[]>(
    partnerships._entities
      .flatMap((p) => (p ? [p] : []))
      .map((p) => [
        p.id,
        (p.partnerships?.nodes ?? []).map((s): GraphPartnership => ({
          role: s.role,
          iatiRoleCode: s.iatiRoleCode,
          editionId: s.edition?.id ?? null,
          partner: s.partner && {
            slug: s.partner.slug,
            name: narratives(s.partner.name, s.partner.nameId)!,
            kind: s.partner.kind,
            homeCountryCode: s.partner.homeCountry?.code ?? null,
            institutionId: s.partner.institution?.id ?? null,
          },
        })),
      ]),
  );

  // Contacts: only people taking part in a public role (speaker, host) who act in a public capacity, whoever asks.
  const speakerIds = new Set<string>();
  for (const editions of editionsOf.values())
    for (const e of editions)
      for (const a of e.activities.nodes) for (const ap of a.people.nodes) if (ap.person && isPublicRole(ap.role)) speakerIds.add(ap.person.id);
  const people = new Map<string, GraphContact>();
  if (speakerIds.size) {
    const flags = await callSubgraph<{ _entities: Array<RawPerson | null> }>(ctx.links, "institutions", ctx.principal, PUBLIC_PEOPLE, {
      representations: [...speakerIds].map((id) => ({ __typename: "Person", id })),
    });
    const publicIds = flags._entities.flatMap((p) => (p?.publicCapacity ? [p.id] : []));
    if (publicIds.length) {
      const data = await callSubgraph<{ _entities: Array<RawPerson | null> }>(ctx.links, "institutions", ctx.principal, CONTACTS, {
        representations: publicIds.map((id) => ({ __typename: "Person", id })),
      });
      for (const p of data._entities)
        if (p?.fullName)
          people.set(p.id, { fullName: p.fullName, position: narratives(p.position, p.positionId ?? null), institutionId: p.institution?.id ?? null });
    }
  }

  const institutionIds = new Set<string>();
  const add = (id: string | null | undefined) => id && institutionIds.add(id);
  for (const p of rows) {
    add(p.leadInstitution?.id);
    add(p.parentProgram?.leadInstitution?.id);
    for (const s of p.subprograms.nodes) add(s.leadInstitution?.id);
    for (const e of editionsOf.get(p.id)!) {
      add(e.hostInstitution?.id);
      for (const c of e.commitments.nodes) add(c.institution?.id);
    }
    for (const s of partnershipsOf.get(p.id) ?? []) add(s.partner?.institutionId);
  }
  for (const c of people.values()) add(c.institutionId);
  const institutions = new Map<string, GraphInstitution>();
  if (institutionIds.size) {
    const data = await callSubgraph<{ _entities: Array<RawInstitution | null> }>(ctx.links, "institutions", ctx.principal, INSTITUTIONS, {
      representations: [...institutionIds].map((id) => ({ __typename: "Institution", id })),
    });
    for (const i of data._entities) {
      if (!i) continue;
      institutions.set(i.id, {
        id: i.id,
        slug: i.slug,
        name: narratives(i.name, i.nameId)!,
        type: i.type,
        iatiOrganisationType: i.iatiOrganisationType,
        countryCode: i.country.code,
      });
    }
  }

  const programs = rows.map((p): GraphProgram => ({
    ...link(p),
    id: p.id,
    createdOn: String(p.createdAt).slice(0, 10),
    descendantEditions: descendantsOf.get(p.id)!,
    title: narratives(p.title, p.titleId)!,
    summary: narratives(p.summary, p.summaryId),
    status: p.status,
    iatiStatusCode: p.iatiStatusCode,
    published: p.published,
    modality: p.modality,
    sdgGoals: p.sdgGoals,
    sdgTargets: p.sdgTargets,
    parentProgram: p.parentProgram ? link(p.parentProgram) : null,
    subprograms: p.subprograms.nodes.map(link),
    sources: p.sources,
    partnerships: partnershipsOf.get(p.id) ?? [],
    editions: editionsOf.get(p.id)!.map((e): GraphEdition => ({
      id: e.id,
      iatiIdentifier: e.iatiIdentifier,
      title: narratives(e.title, e.titleId)!,
      venue: narratives(e.venue, e.venueId),
      status: e.status,
      iatiStatusCode: STATUS_CODE[e.status],
      published: e.published,
      plannedStartDate: e.plannedStartDate,
      plannedEndDate: e.plannedEndDate,
      actualStartDate: e.actualStartDate,
      actualEndDate: e.actualEndDate,
      venueCountryCode: e.venueCountry?.code ?? null,
      invitedCountryCodes: e.invitedCountries.flatMap((c) => (c ? [c.code] : [])),
      hostInstitutionId: e.hostInstitution?.id ?? null,
      sources: e.sources,
      commitments: e.commitments.nodes.map((c): GraphCommitment => ({
        description: narratives(c.description, c.descriptionId)!,
        kind: c.kind,
        party: c.party,
        followUpStatus: c.followUpStatus,
        countryCode: c.country?.code ?? null,
        institutionId: c.institution?.id ?? null,
      })),
      contacts: [
        ...new Set<string>(e.activities.nodes.flatMap((a) => a.people.nodes.flatMap((ap) => (ap.person && isPublicRole(ap.role) ? [ap.person.id] : [])))),
      ].flatMap((id) => (people.has(id) ? [people.get(id)!] : [])),
    })),
  }));
  return { programs, institutions };
}

const STATUS_CODE: Record<string, number> = { PIPELINE: 1, IMPLEMENTATION: 2, FINALISATION: 3, CLOSED: 4, CANCELLED: 5, SUSPENDED: 6 };
