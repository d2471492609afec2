import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { In } from "typeorm";
import { referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { visibleReference } from "../publication";
import { Program } from "../program/program.entity";
import { ProgramRelation } from "./relation.entity";

/**
 * Live relations per programme, in one query per request and direction,
 * without those whose other end the caller may not see (a draft's relations
 * must not reveal that it exists).
 */
function relationsBy(ctx: SubgraphContext, column: "programId" | "relatedProgramId") {
  const other = column === "programId" ? "relatedProgramId" : "programId";
  return ctx.loaders.get<string, ProgramRelation[]>(`programRelations:${column}`, async (ids) => {
    const rows = await ctx.db.getRepository(ProgramRelation).find({ where: { [column]: In([...ids]) }, order: { kind: "ASC", createdAt: "ASC", id: "ASC" } });
    const ends = await referencesByKey(ctx, Program, "id").loadMany(rows.map((r) => r[other]));
    const visible = new Set(ends.flatMap((p) => (p && !(p instanceof Error) && visibleReference(ctx, p) ? [p.id] : [])));
    return ids.map((id) => rows.filter((r) => r[column] === id && visible.has(r[other])));
  });
}

@Resolver(() => ProgramRelation)
export class ProgramRelationResolver {
  @FieldResolver(() => Program, { nullable: true, description: "The programme the relation is about; null if you may not see it (a draft)." })
  async program(@Root() relation: ProgramRelation, @Ctx() ctx: SubgraphContext) {
    return visibleReference(ctx, await referencesByKey(ctx, Program, "id").load(relation.programId));
  }

  @FieldResolver(() => Program, { nullable: true, description: "The programme it relates to; null if you may not see it (a draft)." })
  async relatedProgram(@Root() relation: ProgramRelation, @Ctx() ctx: SubgraphContext) {
    return visibleReference(ctx, await referencesByKey(ctx, Program, "id").load(relation.relatedProgramId));
  }
}

@Resolver(() => Program)
export class ProgramRelationsOfProgram {
  @FieldResolver(() => [ProgramRelation], {
    description: "How this programme relates to others besides its parent: each is “this programme is `kind` `relatedProgram`”.",
  })
  relations(@Root() program: Program, @Ctx() ctx: SubgraphContext) {
    return relationsBy(ctx, "programId").load(program.id);
  }

  @FieldResolver(() => [ProgramRelation], {
    description: "How other programmes relate to this one: each is “`program` is `kind` this programme”, e.g. the instances of a practice.",
  })
  relatedFrom(@Root() program: Program, @Ctx() ctx: SubgraphContext) {
    return relationsBy(ctx, "relatedProgramId").load(program.id);
  }
}
