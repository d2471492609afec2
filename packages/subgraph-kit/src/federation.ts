import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLScalarType, type GraphQLSchema } from "graphql";
import gql from "graphql-tag";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { authChecker } from "./authorization";
import { SCALARS_MAP } from "./scalars";
import { RefuseUncleanText, withCleanArguments } from "./text";

/** The Federation 2 directives the subgraphs use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@extends", "@inaccessible", "@tag"])';

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
    validate: { forbidUnknownValues: false },
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
