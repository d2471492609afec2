import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { assertId, BadUserInputError, childPages, findOrFail, PageArgs, paginate, rowsByKey, type SubgraphContext } from "@sstc/common";
import { Program, ProgramConnection } from "./program.entity";
import { ActivityStatus, CooperationModality } from "./program.enums";
import { Edition, EditionConnection } from "../edition/edition.entity";
import { InstitutionRef, institutionRef } from "../references/references.entity";

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => Program, { nullable: true, description: "A programme by id." })
  program(@Arg("id", () => ID, { description: "Programme id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Program, "id", assertId(id), "Program");
  }

  @Query(() => Program, { nullable: true, description: "A programme by its code, e.g. TPBIS-CP." })
  programByCode(@Arg("code", { description: "Programme code." }) code: string, @Ctx() ctx: SubgraphContext) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(code)) {
      throw new BadUserInputError(`"code" must be 1–40 letters, digits, '.', '_' or '-'; got ${JSON.stringify(code)}.`, { argument: "code" });
    }
    return findOrFail(ctx, Program, "code", code.toUpperCase(), "Program");
  }

  @Query(() => ProgramConnection, { description: "Programmes ordered by code." })
  programs(
    @Args() page: PageArgs,
    @Arg("status", () => ActivityStatus, { nullable: true, description: "Only programmes with this status." }) status: ActivityStatus | undefined,
    @Arg("modality", () => CooperationModality, { nullable: true, description: "Only programmes of this modality." }) modality: CooperationModality | undefined,
    @Arg("leadInstitutionId", () => ID, { nullable: true, description: "Only programmes led by this institution." }) leadInstitutionId: string | undefined,
    @Arg("sdgGoal", () => Int, { nullable: true, description: "Only programmes aligned with this SDG (1–17)." }) sdgGoal: number | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(Program).createQueryBuilder("p");
    if (status) qb.andWhere("p.status = :status", { status });
    if (modality) qb.andWhere("p.modality = :modality", { modality });
    if (leadInstitutionId) qb.andWhere("p.leadInstitutionId = :lead", { lead: assertId(leadInstitutionId, "leadInstitutionId") });
    if (sdgGoal !== undefined && sdgGoal !== null) {
      if (!Number.isInteger(sdgGoal) || sdgGoal < 1 || sdgGoal > 17) throw new BadUserInputError(`"sdgGoal" must be 1–17; got ${sdgGoal}.`, { argument: "sdgGoal" });
      // sdgGoals is stored as a JSON array of integers, e.g. [4,10,16]; match the number between delimiters.
      qb.andWhere("(p.sdgGoals LIKE :g1 OR p.sdgGoals LIKE :g2 OR p.sdgGoals LIKE :g3 OR p.sdgGoals = :g4)", {
        g1: `[${sdgGoal},%`,
        g2: `%,${sdgGoal},%`,
        g3: `%,${sdgGoal}]`,
        g4: `[${sdgGoal}]`,
      });
    }
    return paginate(qb, page, { property: "code" });
  }

  @FieldResolver(() => InstitutionRef, { description: "The institution that leads the programme." })
  leadInstitution(@Root() program: Program) {
    return institutionRef(program.leadInstitutionId);
  }

  @FieldResolver(() => Program, { nullable: true, description: "The wider programme this one is part of (e.g. SSTC)." })
  parentProgram(@Root() program: Program, @Ctx() ctx: SubgraphContext) {
    return program.parentProgramId ? rowsByKey(ctx, Program, "id").load(program.parentProgramId) : null;
  }

  @FieldResolver(() => ProgramConnection, { description: "Programmes that are part of this one." })
  subprograms(@Root() program: Program, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Program, { parent: "parentProgramId", orderBy: ["code"] }, page).load(program.id);
  }

  @FieldResolver(() => EditionConnection, { description: "Runs of this programme, earliest first." })
  editions(@Root() program: Program, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Edition, { parent: "programId", orderBy: ["plannedStartDate"] }, page).load(program.id);
  }
}

export const programReference = {
  Program: {
    __resolveReference: (ref: { id?: string; code?: string }, ctx: SubgraphContext) =>
      ref.id ? rowsByKey(ctx, Program, "id").load(ref.id) : rowsByKey(ctx, Program, "code").load(String(ref.code)),
  },
};
