import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root, type ClassType } from "type-graphql";
import { In } from "typeorm";
import { typeNameOf } from "../record";
import type { SubgraphContext } from "../subgraph";
import { Citation } from "./citation.entity";

/** A source as subgraphs other than its owner (programs) see it: a reference by id. */
@ObjectType("Source", { description: "A document that records cite: an article, report or agreement (owned by the programs subgraph)." })
@Directive('@key(fields: "id", resolvable: false)')
export class SourceRef {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  id: string;
}

/** The ids of the sources each record of `typeName` cites, oldest citation first, batched per request. */
export function citedSourceIds(ctx: SubgraphContext, typeName: string) {
  return ctx.loaders.get<string, string[]>(`citations:${typeName}`, async (entityIds) => {
    const rows = await ctx.db.getRepository(Citation).find({
      where: { entityType: typeName, entityId: In([...entityIds]) },
      order: { createdAt: "ASC", id: "ASC" },
    });
    return entityIds.map((id) => rows.filter((r) => r.entityId === id).map((r) => r.sourceId));
  });
}

/**
 * Adds `sources` (the documents that record it, as cited) to a record type.
 * `sourceType` is the subgraph's Source type: the entity in the owning
 * subgraph (with `loadSources` turning ids into rows), a SourceRef elsewhere.
 * There the programs subgraph resolves each source, so each item is
 * nullable: an outage costs the items, not the record (README: nullability).
 */
export function provenanceResolver<S extends object>(
  type: ClassType<{ id: string }>,
  sourceType: ClassType<S>,
  loadSources?: (ctx: SubgraphContext, ids: string[]) => Promise<S[]>,
) {
  const load = loadSources ?? (async (_ctx: SubgraphContext, ids: string[]) => ids.map((id) => ({ id }) as unknown as S));
  const typeName = typeNameOf(type);
  @Resolver(() => type)
  class ProvenanceResolver {
    @FieldResolver(() => [sourceType], {
      nullable: loadSources ? false : "items",
      description: `The sources that document this ${typeName}, as cited; empty for a placeholder (see \`isPlaceholder\` and \`placeholderFields\`).`,
    })
    async sources(@Root() row: { id: string }, @Ctx() ctx: SubgraphContext): Promise<S[]> {
      return load(ctx, await citedSourceIds(ctx, typeName).load(row.id));
    }
  }
  Object.defineProperty(ProvenanceResolver, "name", { value: `${typeName}ProvenanceResolver` });
  return ProvenanceResolver;
}
