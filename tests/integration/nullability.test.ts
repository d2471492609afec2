import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type GraphQLObjectType,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from "graphql";
import { getMetadataStorage } from "type-graphql";
import { ANONYMOUS, ErrorCode, type Principal, type Role } from "@sstc/subgraph-kit";
import { DemoIds, demoParticipants } from "@sstc/demo-data";
import { buildInstitutionsSchema } from "@sstc/institutions";
import { buildPartnersSchema } from "@sstc/partners";
import { buildProgramsSchema } from "@sstc/programs";
import { as, codes, startTestGraph, type TestGraph } from "../support/graph";

/*
 * The nullability contract: a field some role may be refused, or whose value
 * another subgraph resolves, is nullable, so a refusal or a failure nulls
 * that field alone. The gated fields are read from the subgraphs' own
 * authorization rules (type-graphql's @Authorized metadata and the reference
 * resolvers), never from a list kept by hand.
 */

const SCHEMA_DIR = join(__dirname, "../../schema");
const api: GraphQLSchema = buildSchema(readFileSync(join(SCHEMA_DIR, "api.graphql"), "utf8"));
const supergraph = parse(readFileSync(join(SCHEMA_DIR, "supergraph.graphql"), "utf8"));

const ROLES: Role[] = ["public", "partner", "editor", "admin"];
const rank = (role: Role) => ROLES.indexOf(role);

/** `Type.field` → the least role that may read it, for every field gated by @Authorized (mutations aside). */
function authorizedFields(): Map<string, Role> {
  const storage = getMetadataStorage() as any;
  const typeName = (target: object): string | undefined => storage.objectTypes.find((o: any) => o.target === target)?.name;
  const gated = new Map<string, Role>();
  for (const { target, fieldName, roles } of storage.authorizedFields as Array<{ target: object; fieldName: string; roles: Role[] }>) {
    const role = (roles[0] ?? "partner") as Role;
    const query = storage.queries.find((q: any) => q.target === target && q.methodName === fieldName);
    if (query) {
      gated.set(`Query.${query.schemaName}`, role);
      continue;
    }
    if (storage.mutations.some((m: any) => m.target === target && m.methodName === fieldName)) continue;
    const resolver = storage.fieldResolvers.find((f: any) => f.target === target && f.methodName === fieldName);
    if (resolver) {
      // The object type is the resolver class's (`@Resolver(() => Type)`), once the schema is built.
      const objectType = resolver.getObjectType ?? storage.resolverClasses.find((r: any) => r.target === target)?.getObjectType;
      const parent = objectType && typeName(objectType());
      if (parent) gated.set(`${parent}.${resolver.schemaName}`, role);
      continue;
    }
    const field = storage.fields.find((f: any) => f.target === target && f.name === fieldName);
    const parent = typeName(target);
    if (parent && field) gated.set(`${parent}.${field.schemaName}`, role);
  }
  return gated;
}

const principal = (role: Role): Principal => ({ ...ANONYMOUS, role, subject: role === "public" ? null : `probe-${role}` });

/**
 * Entity types whose reference resolver refuses some role (type-graphql does
 * not wrap those), with the least role it lets through: each is called with
 * a context that holds only the principal, so a resolver that checks the role
 * throws FORBIDDEN and one that does not fails later, on the missing database.
 */
async function gatedReferences(): Promise<Array<{ subgraph: string; type: string; role: Role }>> {
  const found: Array<{ subgraph: string; type: string; role: Role }> = [];
  const subgraphs = { programs: buildProgramsSchema, institutions: buildInstitutionsSchema, partners: buildPartnersSchema };
  for (const [subgraph, build] of Object.entries(subgraphs)) {
    const { schema } = await build();
    for (const type of Object.values(schema.getTypeMap())) {
      // Where @apollo/subgraph keeps a type's __resolveReference.
      const resolve = isObjectType(type)
        ? (type.extensions as { apollo?: { subgraph?: { resolveReference?: (reference: object, context: object, info: object) => unknown } } }).apollo?.subgraph
            ?.resolveReference
        : undefined;
      if (!resolve) continue;
      const refuses = async (role: Role) => {
        try {
          await resolve({ __typename: type.name, id: DemoIds.person.ofySofiana, code: "LK" }, { principal: principal(role) }, {});
          return false;
        } catch (error) {
          return (error as { extensions?: { code?: string } }).extensions?.code === ErrorCode.FORBIDDEN;
        }
      };
      const allowed: Role[] = [];
      for (const role of ROLES) if (!(await refuses(role))) allowed.push(role);
      if (allowed[0] !== "public") found.push({ subgraph, type: type.name, role: allowed[0] ?? "admin" });
    }
  }
  return found;
}

/** Fields of the other subgraphs that point at a reference-gated entity, with the role its reference resolver needs. */
function fieldsThroughGatedReferences(references: Array<{ subgraph: string; type: string; role: Role }>): Map<string, Role> {
  const gated = new Map<string, Role>();
  for (const { subgraph, type, role } of references) {
    for (const other of ["programs", "institutions", "partners"].filter((s) => s !== subgraph)) {
      const sdl = buildSchema(readFileSync(join(SCHEMA_DIR, `${other}.graphql`), "utf8").replace(/^extend schema @link[^\n]*\n/m, ""), {
        assumeValidSDL: true,
      });
      for (const t of Object.values(sdl.getTypeMap())) {
        if (!isObjectType(t) || t.name.startsWith("__") || t.name === "Mutation") continue;
        for (const f of Object.values(t.getFields())) if (getNamedType(f.type).name === type) gated.set(`${t.name}.${f.name}`, role);
      }
    }
  }
  return gated;
}

/** Nullable where it matters: the field itself, or for a list of references each item. */
const nullableAt = (type: unknown, items: boolean) =>
  items && isListType(getNullableType(type as never)) ? !isNonNullType((getNullableType(type as never) as any).ofType) : !isNonNullType(type);

const apiField = (key: string) => {
  const [typeName, fieldName] = key.split(".");
  const type = api.getType(typeName);
  return isObjectType(type) ? type.getFields()[fieldName] : undefined;
};

let gated: Map<string, Role>;
beforeAll(async () => {
  // Building the schemas first also declares the resolvers made per type (history, audit trails).
  const references = await gatedReferences();
  gated = new Map([...authorizedFields(), ...fieldsThroughGatedReferences(references)]);
});

describe("the schema keeps the nullability contract", () => {
  it("finds the gated fields in the subgraphs' rules", () => {
    // Known members prove the discovery works; the rule below covers every member.
    expect(gated.get("Edition.participations")).toBe("partner");
    expect(gated.get("Person.email")).toBe("editor");
    expect(gated.get("Person.positionText")).toBe("partner");
    expect(gated.get("Person.fullName")).toBe("partner");
    expect(gated.get("Program.history")).toBe("editor");
    expect(gated.get("Query.programsAuditTrail")).toBe("admin");
    expect(gated.get("Commitment.participation")).toBe("partner");
  });

  it("makes every field a role may be refused nullable in the API", () => {
    const nonNull = [...gated.keys()].filter((key) => apiField(key) && !nullableAt(apiField(key)!.type, false));
    expect(nonNull).toEqual([]);
  });

  it("makes every root query field nullable", () => {
    const nonNull = Object.values(api.getQueryType()!.getFields())
      .filter((f) => isNonNullType(f.type))
      .map((f) => f.name);
    expect(nonNull).toEqual([]);
  });

  it("makes every field another subgraph resolves nullable (from the composed supergraph)", () => {
    const objects = supergraph.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
    const arg = (dir: any, name: string) => dir.arguments.find((a: any) => a.name.value === name)?.value.value;
    const graphsOfType = (def: ObjectTypeDefinitionNode) => def.directives!.filter((d) => d.name.value === "join__type").map((d) => arg(d, "graph") as string);
    const graphsOfField = (def: ObjectTypeDefinitionNode, field: NonNullable<ObjectTypeDefinitionNode["fields"]>[number]) => {
      const joins = field.directives!.filter((d) => d.name.value === "join__field");
      return joins.length ? joins.filter((d) => arg(d, "external") !== true).map((d) => arg(d, "graph") as string) : graphsOfType(def);
    };
    // An entity's owner is the subgraph that resolves most of its fields; the others hold only its key.
    const owner = new Map<string, string>();
    for (const def of objects) {
      if (!def.directives!.some((d) => d.name.value === "join__type" && arg(d, "key"))) continue;
      const tally = new Map<string, number>();
      for (const f of def.fields ?? []) for (const g of graphsOfField(def, f)) tally.set(g, (tally.get(g) ?? 0) + 1);
      owner.set(def.name.value, [...tally].sort((a, b) => b[1] - a[1])[0][0]);
    }
    const crossing: string[] = [];
    for (const def of objects) {
      if (["Query", "Mutation"].includes(def.name.value) || def.name.value.startsWith("join__") || def.name.value.startsWith("link__")) continue;
      for (const f of def.fields ?? []) {
        const key = `${def.name.value}.${f.name.value}`;
        const field = apiField(key);
        if (!field) continue; // @inaccessible
        const graphs = graphsOfField(def, f);
        const parentOwner = owner.get(def.name.value);
        const target = owner.get(getNamedType(field.type).name);
        if (parentOwner && !graphs.includes(parentOwner) && !nullableAt(field.type, false)) crossing.push(`${key} (contributed)`);
        else if (target && !graphs.includes(target) && !nullableAt(field.type, true)) crossing.push(`${key} (reference)`);
      }
    }
    expect(crossing).toEqual([]);
  });
});

/*
 * How to reach each gated field from the demo data. A step is a field
 * (with arguments); `nodes` descends into an item of a connection (the
 * first, or the one at the index given), `item` into one of a plain list.
 * Every gated field must have one: a new gated field fails the test below
 * until it is given a way in.
 */
type Step = { field: string; args?: string | (() => string); nodes?: boolean | number; item?: number };
const participant = demoParticipants()[0];
const edition = { field: "edition", args: `id: "${DemoIds.edition.tpbisColomboPlan2023}"` };
const firstParticipation: Step = { field: "participations", args: "first: 1", nodes: true };
// The closing alone (after the first two activities by sequence): the speaker and her statements; read in beforeAll.
let closingCursor = "";
const closingActivity: Step = { field: "activities", args: () => `first: 1, after: ${JSON.stringify(closingCursor)}`, nodes: true };
// A participant, not a person acting in a public capacity: their name, position and institution stay gated by role.
const participantPerson: Step = { field: "person", args: `id: "${participant.personId}"` };
const REACH: Record<string, Step[]> = {
  "Query.programsAuditTrail": [],
  "Query.institutionsAuditTrail": [],
  "Query.partnersAuditTrail": [],
  "Person.fullName": [participantPerson],
  "Person.position": [participantPerson],
  "Person.positionText": [participantPerson],
  "Person.institution": [participantPerson],
  "Person.email": [{ field: "person", args: `id: "${participant.personId}"` }],
  "Person.phone": [{ field: "person", args: `id: "${participant.personId}"` }],
  "Person.gender": [{ field: "person", args: `id: "${participant.personId}"` }],
  "Person.history": [{ field: "person", args: `id: "${DemoIds.person.ofySofiana}"` }],
  "Institution.history": [{ field: "institution", args: `id: "${DemoIds.institution.perpusnas}"` }],
  "Country.participations": [{ field: "country", args: 'code: "LK"' }],
  "Program.history": [{ field: "program", args: `id: "${DemoIds.program.tpbisColomboPlan}"` }],
  "ProgramPartnership.history": [
    { field: "program", args: `id: "${DemoIds.program.tpbisColomboPlan}"` },
    { field: "partnerships", args: "first: 1", nodes: true },
  ],
  "Edition.participations": [edition],
  "Edition.history": [edition],
  "Activity.history": [edition, { field: "activities", args: "first: 1", nodes: true }],
  "Commitment.participation": [edition, { field: "commitments", args: "first: 1", nodes: true }],
  "Commitment.history": [edition, { field: "commitments", args: "first: 1", nodes: true }],
  "Participation.gender": [edition, firstParticipation],
  "Participation.history": [edition, firstParticipation],
  "ProgramRelation.history": [
    { field: "program", args: `id: "${DemoIds.program.tpbisColomboPlan}"` },
    { field: "relations", item: 0 },
  ],
  "ActivityPerson.history": [edition, closingActivity, { field: "people", args: "first: 1", nodes: true }],
  "Statement.history": [edition, closingActivity, { field: "statements", args: "first: 1", nodes: true }],
  "Partner.history": [{ field: "partner", args: `id: "${DemoIds.partner.perpusnas}"` }],
  "Agreement.history": [{ field: "agreement", args: `id: "${DemoIds.agreement.sstcColomboPlan}"` }],
};

/** Arguments of the gated field itself, where it needs some. */
const ARGS: Record<string, string> = {};

/** A public field beside the one probed, per parent type, that must survive its refusal. */
const SIBLING: Record<string, { select: string; key: string }> = {
  Query: { select: 'country(code: "LK") { code }', key: "country" },
  Person: { select: "isPlaceholder", key: "isPlaceholder" },
  Institution: { select: "acronym", key: "acronym" },
  Country: { select: "name", key: "name" },
  Program: { select: "code", key: "code" },
  ProgramPartnership: { select: "role", key: "role" },
  Edition: { select: "actualStartDate", key: "actualStartDate" },
  Activity: { select: "kind", key: "kind" },
  Commitment: { select: "followUpStatus", key: "followUpStatus" },
  Participation: { select: "role", key: "role" },
  Partner: { select: "kind", key: "kind" },
  Agreement: { select: "id", key: "id" },
  ProgramRelation: { select: "kind", key: "kind" },
  ActivityPerson: { select: "role", key: "role" },
  Statement: { select: "verbatim", key: "verbatim" },
};

/** What to select under a field of an object type: enough to tell a value from null. */
function leafSelection(type: GraphQLObjectType): string {
  const fields = type.getFields();
  if (fields.totalCount) return "{ totalCount }";
  if (fields.text) return "{ text }";
  // Beside the key, a field only the owning subgraph has, so that a reference is really resolved there.
  if (fields.id) return `{ id ${SIBLING[type.name]?.select ?? ""} }`;
  return "{ __typename }";
}

interface Probe {
  /** The query, with the sibling selected beside every step. */
  query: string;
  /** Each step's response path, its parent type and the role it needs. */
  steps: Array<{ path: Array<string | number>; parent: string; role: Role }>;
}

/** Builds the query for one gated field along its way in, reading every type from the API schema. */
function probe(key: string): Probe {
  const [, leaf] = key.split(".");
  const steps: Probe["steps"] = [];
  const path: Array<string | number> = [];
  let parent: GraphQLObjectType = api.getQueryType()!;
  const route: Step[] = [...REACH[key], { field: leaf, args: ARGS[key] }];
  const open: string[] = [];
  let close = "";
  route.forEach((step, i) => {
    const field = parent.getFields()[step.field];
    if (!field) throw new Error(`${parent.name} has no field ${step.field}`);
    path.push(step.field);
    steps.push({ path: [...path], parent: parent.name, role: gated.get(`${parent.name}.${step.field}`) ?? "public" });
    const sibling = SIBLING[parent.name];
    if (!sibling) throw new Error(`no sibling field chosen for ${parent.name}`);
    const args = typeof step.args === "function" ? step.args() : step.args;
    const call = `${step.field}${args ? `(${args})` : ""}`;
    const named = getNamedType(field.type);
    if (i === route.length - 1) {
      open.push(`${sibling.select} ${call} ${isObjectType(named) ? leafSelection(named) : ""}`);
      return;
    }
    if (!isObjectType(named)) throw new Error(`${key}: ${step.field} leads nowhere`);
    if (step.item !== undefined) {
      open.push(`${sibling.select} ${call} {`);
      close = `} ${close}`;
      path.push(step.item);
      parent = named;
    } else if (step.nodes !== undefined && step.nodes !== false) {
      open.push(`${sibling.select} ${call} { nodes {`);
      close = `} } ${close}`;
      path.push("nodes", step.nodes === true ? 0 : step.nodes);
      parent = getNamedType(named.getFields().nodes.type) as GraphQLObjectType;
    } else {
      open.push(`${sibling.select} ${call} {`);
      close = `} ${close}`;
      parent = named;
    }
  });
  return { query: `{ ${open.join(" ")} ${close} }`, steps };
}

const at = (data: unknown, path: Array<string | number>) => path.reduce<any>((value, key) => (value == null ? undefined : value[key]), data);

let graph: TestGraph;
const headers: Partial<Record<Role, Record<string, string>>> = { public: {} };
beforeAll(async () => {
  graph = await startTestGraph();
  for (const role of ["partner", "editor", "admin"] as const) headers[role] = await as(role);
  closingCursor = (await graph.query(`{ edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") { activities(first: 2) { pageInfo { endCursor } } } }`)).data!
    .edition.activities.pageInfo.endCursor;
  // A personal action plan, so that Commitment.participation has a value to show (the demo's commitments are countries').
  const { data } = await graph.query(
    `{ edition(id: "${DemoIds.edition.tpbisColomboPlan2023}") { participations(first: 1) { nodes { id } } } }`,
    undefined,
    headers.admin,
  );
  const created = await graph.query(
    `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`,
    {
      input: {
        editionId: DemoIds.edition.tpbisColomboPlan2023,
        participationId: data!.edition.participations.nodes[0].id,
        countryCode: "AF",
        descriptionEn: "Run a TPBIS pilot at home.",
      },
    },
    headers.admin,
  );
  expect(created.errors).toBeUndefined();
});
afterAll(() => graph?.stop());

describe("a refusal nulls one field, never its parents", () => {
  it("has a way in from the demo data for every gated field", () => {
    const missing = [...gated.keys()].filter((key) => apiField(key) && !REACH[key]);
    expect(missing).toEqual([]);
  });

  const cases = Object.keys(REACH).flatMap((key) => ROLES.map((role) => [key, role] as const));
  it.each(cases)("%s as %s", async (key, role) => {
    expect(gated.has(key)).toBe(true);
    const { query, steps } = probe(key);
    const result = await graph.query(query, undefined, headers[role]);
    expect(result.status).toBe(200);
    const refused = steps.find((s) => rank(role) < rank(s.role));
    if (!refused) {
      expect(result.errors).toBeUndefined();
      expect(at(result.data, steps[steps.length - 1].path)).not.toBeNull();
      expect(at(result.data, steps[steps.length - 1].path)).toBeDefined();
      return;
    }
    expect(at(result.data, refused.path)).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ path: refused.path, extensions: expect.objectContaining({ code: "FORBIDDEN" }) })]);
    const parentPath = refused.path.slice(0, -1);
    const parent = parentPath.length ? at(result.data, parentPath) : result.data;
    expect(parent).toEqual(expect.any(Object));
    expect(parent[SIBLING[refused.parent].key]).not.toBeNull();
    expect(parent[SIBLING[refused.parent].key]).toBeDefined();
  });
});

/** The seed story exactly as README.md gives it under "Example queries". */
const README_SEED_STORY = `query SeedStory($lang: Language = EN) {
  programByCode(code: "TPBIS-CP") {
    title(lang: $lang)
    modality
    sdgGoals
    parentProgram { code }
    partnerships { nodes { role partner { name(lang: $lang) } } }
    editions {
      nodes {
        actualStartDate
        actualEndDate
        hostInstitution { name(lang: $lang) country { name(lang: $lang) } }
        activities { nodes { kind title(lang: $lang) site { name area { name } } } }
        participations(first: 50) {
          totalCount
          nodes { role country { code name } institution { name } area { name level } }
        }
      }
    }
  }
}`;

describe("anonymous callers get everything public", () => {
  it("reads the seed story's public facts, with the participant list alone refused", async () => {
    const { status, data, errors } = await graph.query(README_SEED_STORY);
    expect(status).toBe(200);
    const program = data!.programByCode;
    expect(program).toMatchObject({ modality: "TRIANGULAR", parentProgram: { code: "SSTC" } });
    expect(program.title).toMatch(/TPBIS/);
    expect(program.sdgGoals).toEqual(expect.arrayContaining([4, 10, 16, 17]));
    expect(program.partnerships.nodes).toHaveLength(3);
    const [edition] = program.editions.nodes;
    expect(edition).toMatchObject({
      actualStartDate: "2023-11-13",
      actualEndDate: "2023-11-17",
      hostInstitution: { name: "National Library of Indonesia", country: { name: "Indonesia" } },
    });
    expect(edition.activities.nodes.find((a: any) => a.kind === "SITE_VISIT").site).toEqual({
      name: "Mutiara Rawa Binong Library",
      area: { name: "East Jakarta" },
    });
    expect(edition.participations).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        path: ["programByCode", "editions", "nodes", 0, "participations"],
        extensions: expect.objectContaining({ code: "FORBIDDEN" }),
      }),
    ]);
  });

  it("shows a country page with its participant list refused", async () => {
    const result = await graph.query('{ country(code: "LK") { name participations { totalCount } } }');
    expect(result.data).toEqual({ country: { name: "Sri Lanka", participations: null } });
    expect(codes(result)).toEqual(["FORBIDDEN"]);
    expect(result.errors![0].path).toEqual(["country", "participations"]);
  });
});

describe("a subgraph that fails nulls only what it resolves", () => {
  // A graph of its own: stopping a subgraph must not change what the other tests of this file see, whatever their order.
  let broken: TestGraph;
  beforeAll(async () => {
    broken = await startTestGraph();
  });
  afterAll(() => broken?.stop());

  it("keeps the programme when the partners subgraph is down", async () => {
    const partners = broken.subgraphs.partners;
    await partners.stop();
    // Stopped here, so the graph's own teardown must not stop it again.
    broken.subgraphs.partners = { ...partners, stop: async () => undefined };
    const { status, data, errors } = await broken.query(
      '{ programByCode(code: "TPBIS-CP") { code title partnerships { totalCount } editions { totalCount } } }',
    );
    expect(status).toBe(200);
    expect(data).toEqual({ programByCode: { code: "TPBIS-CP", title: expect.stringMatching(/TPBIS/), partnerships: null, editions: { totalCount: 1 } } });
    expect(errors?.length).toBeGreaterThan(0);
  });
});
