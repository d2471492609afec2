import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLScalarType, type GraphQLSchema } from "graphql";
import gql from "graphql-tag";
import { ArgumentValidationError, buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { getMetadataStorage, validateOrReject, type ValidatorOptions } from "class-validator";
import { authChecker } from "./authorization";
import { SCALARS_MAP } from "./scalars";
import { RefuseUncleanText, withCleanArguments } from "./text";

/** The Federation 2 directives the subgraphs use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@extends", "@inaccessible", "@tag"])';

/** As type-graphql validates by default: missing (optional) properties and objects without rules pass. */
const VALIDATOR_OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const hasRulesByClass = new WeakMap<object, boolean>();

/** True when the object's class carries class-validator rules (the mutation inputs); filters and plain values have none. */
function hasRules(value: object): boolean {
  const type = value.constructor;
  let known = hasRulesByClass.get(type);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(type, "", false, false).length > 0;
    hasRulesByClass.set(type, known);
  }
  return known;
}

/*
 * type-graphql's own argument validation imports class-validator afresh and
 * walks every object argument of every field on every request (filters,
 * representations, pagination): about 5% of a subgraph's CPU under load.
 * This does the same validation — same library, same options, same error —
 * only for arguments whose class declares rules.
 */
async function validateArgument(value: unknown): Promise<void> {
  const objects = (Array.isArray(value) ? value : [value]).filter((v): v is object => v !== null && typeof v === "object" && hasRules(v));
  if (!objects.length) return;
  try {
    await Promise.all(objects.map((v) => validateOrReject(v, VALIDATOR_OPTIONS)));
  } catch (errors) {
    throw new ArgumentValidationError(errors as ConstructorParameters<typeof ArgumentValidationError>[0]);
  }
}

export interface SubgraphSchema {
  /** The executable subgraph schema (with `_entities` and `_service`). */
  schema: GraphQLSchema;
  /** The subgraph's SDL as composition sees it. */
  sdl: string;
}

/**
 * The one way a subgraph schema is built — used by the server, the tests and
 * the composer alike: type-graphql builds the schema, its SDL is printed
 * with directives (plain printSchema would drop `@key`), and
 * `buildSubgraphSchema` adds the federation fields. Reference resolvers are
 * merged in because type-graphql has no notion of `__resolveReference`.
 * Every argument of every field is refused when it holds ill-formed or
 * control-character text: through a global middleware for type-graphql's
 * resolvers, and by wrapping `_entities`, which reaches `__resolveReference`
 * without passing through type-graphql.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: Record<string, FieldResolvers> = {},
): Promise<SubgraphSchema> {
  const schema = await buildSchema({
    validateFn: validateArgument,
    authChecker,
    scalarsMap: SCALARS_MAP,
    ...options,
    globalMiddlewares: [RefuseUncleanText, ...(options.globalMiddlewares ?? [])],
    skipCheck: true,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
  // type-graphql's ResolversMap and @apollo/subgraph's GraphQLResolverMap describe the same object in two vocabularies.
  const resolvers = mergeResolvers(createResolversMap(schema) as GraphQLResolverMap<unknown>, referenceResolvers);
  const subgraph = buildSubgraphSchema([{ typeDefs: gql(sdl), resolvers }]);
  const entities = subgraph.getQueryType()?.getFields()._entities;
  if (entities) entities.resolve = withCleanArguments(entities.resolve ?? defaultFieldResolver);
  return { schema: subgraph, sdl };
}

/** The resolvers of one object type's fields, as against a scalar's implementation or an enum's values. */
type FieldResolvers = Exclude<GraphQLResolverMap<unknown>[string], GraphQLScalarType | Record<string, string | number>>;

function mergeResolvers(base: GraphQLResolverMap<unknown>, extra: Record<string, FieldResolvers>) {
  const merged: GraphQLResolverMap<unknown> = { ...base };
  for (const [typeName, fields] of Object.entries(extra)) {
    // Only object types have reference resolvers, and an object type's entry in the map is its field resolvers.
    merged[typeName] = { ...(base[typeName] as FieldResolvers | undefined), ...fields };
  }
  return merged;
}
