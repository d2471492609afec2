import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { assertId, BadUserInputError, childPages, findOrFail, PageArgs, rowsByKey, type SubgraphContext } from "@sstc/common";
import { publishedOnly, visible, visibleOrNotFound } from "../publication";
import { Program, ProgramConnection } from "./program.entity";
import { ProgramFilter, ProgramOrder } from "./program.inputs";
import { searchPrograms } from "./program.search";
import { sdgAlignmentByProgramId } from "../sdg/sdg-alignment";
import { Edition, EditionConnection } from "../edition/edition.entity";
import { InstitutionRef, institutionRef } from "../references/references.entity";

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

  @Query(() => ProgramConnection, { description: "Programmes matching a filter, ordered as asked (by code unless told otherwise), a page at a time." })
  programs(
    @Args() page: PageArgs,
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Conditions the programmes must meet." }) filter: ProgramFilter | undefined,
    @Arg("orderBy", () => ProgramOrder, { nullable: true, description: "The order; by code ascending when omitted." }) orderBy: ProgramOrder | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    return searchPrograms(ctx, filter, orderBy, page);
  }

  @FieldResolver(() => [Int], { description: "Sustainable Development Goals (1–17) the programme contributes to." })
  async sdgGoals(@Root() program: Program, @Ctx() ctx: SubgraphContext) {
    return (await sdgAlignmentByProgramId(ctx).load(program.id)).goals;
  }

  @FieldResolver(() => [String], { description: "SDG targets, e.g. 4.6, 17.9." })
  async sdgTargets(@Root() program: Program, @Ctx() ctx: SubgraphContext) {
    return (await sdgAlignmentByProgramId(ctx).load(program.id)).targets;
  }

  @FieldResolver(() => InstitutionRef, { description: "The institution that leads the programme." })
  leadInstitution(@Root() program: Program) {
    return institutionRef(program.leadInstitutionId);
  }

  @FieldResolver(() => Program, { nullable: true, description: "The wider programme this one is part of (e.g. SSTC)." })
  async parentProgram(@Root() program: Program, @Ctx() ctx: SubgraphContext) {
    return program.parentProgramId ? visible(ctx, await rowsByKey(ctx, Program, "id").load(program.parentProgramId)) : null;
  }

  @FieldResolver(() => ProgramConnection, { description: "Programmes that are part of this one." })
  subprograms(@Root() program: Program, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Program, { parent: "parentProgramId", orderBy: ["code"], ...publishedOnly(ctx) }, page).load(program.id);
  }

  @FieldResolver(() => EditionConnection, { description: "Runs of this programme, earliest first." })
  editions(@Root() program: Program, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Edition, { parent: "programId", orderBy: ["plannedStartDate"], ...publishedOnly(ctx) }, page).load(program.id);
  }
}

export const programReference = {
  Program: {
    __resolveReference: (ref: { id?: string; code?: string }, ctx: SubgraphContext) =>
      (ref.id ? rowsByKey(ctx, Program, "id").load(ref.id) : rowsByKey(ctx, Program, "code").load(String(ref.code))).then((row) => visible(ctx, row)),
  },
};
