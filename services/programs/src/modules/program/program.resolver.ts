import { Arg, Args, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { assertId, BadUserInputError, childPages, findOrFail, PageArgs, referencesByKey, seesDeleted, type SubgraphContext } from "@sstc/subgraph-kit";
import { publishedOnly, seesDrafts, visibleOrNotFound, visibleReference } from "../publication";
import { Program, ProgramConnection } from "./program.entity";
import { ProgramFilter, ProgramOrder } from "./program.filters";
import { searchPrograms } from "./program.search";
import { AMONG, idsWhere } from "../hidden-ids";
import { sdgAlignmentByProgramId } from "../sdg/sdg-alignment";
import { Edition, EditionConnection } from "../edition/edition.entity";
import { InstitutionRef, institutionRef } from "../external/external.entity";

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => Program, { nullable: true, description: "A programme by id." })
  async program(@Arg("id", () => ID, { description: "Programme id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return visibleOrNotFound(ctx, await findOrFail(ctx, Program, "id", assertId(id), "Program"), "Program", id);
  }

  @Query(() => Program, { nullable: true, description: "A programme by its code, e.g. TPBIS-CP." })
  async programByCode(@Arg("code", { description: "Programme code." }) code: string, @Ctx() ctx: SubgraphContext) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(code)) {
      throw new BadUserInputError(`"code" must be 1–40 letters, digits, '.', '_' or '-'; got ${JSON.stringify(code)}.`, { argument: "code" });
    }
    return visibleOrNotFound(ctx, await findOrFail(ctx, Program, "code", code.toUpperCase(), "Program"), "Program", code);
  }

  @Query(() => ProgramConnection, {
    nullable: true,
    description: "Programmes matching a filter, ordered as asked (by code unless told otherwise), a page at a time.",
  })
  programs(
    @Args() page: PageArgs,
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Conditions the programmes must meet." }) filter: ProgramFilter | undefined,
    @Arg("orderBy", () => ProgramOrder, { nullable: true, description: "The order; by code ascending when omitted." }) orderBy: ProgramOrder | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    return searchPrograms(ctx, filter, orderBy, page);
  }

  /*
   * Internal plumbing for the partners subgraph, which lists partnerships
   * and points at programmes without reading this subgraph's database: it
   * asks, on the caller's own account, which of the programme ids at hand
   * that caller may not see (`among`; without it, all of them, which grows
   * with the data). @inaccessible keeps both out of the public API.
   */
  @Directive("@inaccessible")
  @Query(() => [ID], {
    description:
      "Internal: ids of the draft programmes the caller may not see (none for the partner role and above), of those in `among` when given, for the partners subgraph. Not part of the public API.",
  })
  async hiddenDraftProgramIds(
    @Arg("among", () => [ID], { nullable: true, description: AMONG }) among: string[] | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string[]> {
    if (seesDrafts(ctx)) return [];
    return idsWhere(ctx, Program, "p", "p.published = 0", among, false);
  }

  @Directive("@inaccessible")
  @Query(() => [ID], {
    description:
      "Internal: ids of the deleted programmes whose references read as null for the caller (none for editors and admins), of those in `among` when given, for the partners subgraph. Not part of the public API.",
  })
  async hiddenDeletedProgramIds(
    @Arg("among", () => [ID], { nullable: true, description: AMONG }) among: string[] | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string[]> {
    if (seesDeleted(ctx)) return [];
    return idsWhere(ctx, Program, "p", "p.deletedAt IS NOT NULL", among, true);
  }

  @FieldResolver(() => [Int], { description: "Sustainable Development Goals (1–17) the programme contributes to." })
  async sdgGoals(@Root() program: Program, @Ctx() ctx: SubgraphContext) {
    return (await sdgAlignmentByProgramId(ctx).load(program.id)).goals;
  }

  @FieldResolver(() => [String], { description: "SDG targets, e.g. 4.6, 17.9." })
  async sdgTargets(@Root() program: Program, @Ctx() ctx: SubgraphContext) {
    return (await sdgAlignmentByProgramId(ctx).load(program.id)).targets;
  }

  @FieldResolver(() => InstitutionRef, {
    nullable: true,
    description: "The institution that leads the programme; null when its record is deleted (editors and admins still see it, marked).",
  })
  leadInstitution(@Root() program: Program) {
    return institutionRef(program.leadInstitutionId);
  }

  @FieldResolver(() => Program, { nullable: true, description: "The wider programme this one is part of (e.g. SSTC)." })
  async parentProgram(@Root() program: Program, @Ctx() ctx: SubgraphContext) {
    return program.parentProgramId ? visibleReference(ctx, await referencesByKey(ctx, Program, "id").load(program.parentProgramId)) : null;
  }

  @FieldResolver(() => ProgramConnection, { description: "Programmes that are part of this one." })
  subprograms(@Root() program: Program, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Program, { parent: "parentProgramId", orderBy: ["code"], ...publishedOnly(ctx) }, page).load(program.id);
  }

  @FieldResolver(() => EditionConnection, { description: "Runs of this programme, earliest first." })
  editions(@Root() program: Program, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Edition, { parent: "programId", orderBy: ["plannedStartDate"], ...publishedOnly(ctx) }, page).load(program.id);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the programme was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() program: { deletedAt: Date | null }) {
    return program.deletedAt ?? null;
  }
}

export const programReference = {
  Program: {
    __resolveReference: (ref: { id?: string; code?: string }, ctx: SubgraphContext) =>
      (ref.id ? referencesByKey(ctx, Program, "id").load(ref.id) : referencesByKey(ctx, Program, "code").load(String(ref.code))).then((row) =>
        visibleReference(ctx, row),
      ),
  },
};
