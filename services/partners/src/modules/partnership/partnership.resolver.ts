import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertId, childPages, PageArgs, referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { editionHidden, programHidden, visiblePartnerships } from "./hidden-programs";
import { PartnershipRole, ProgramPartnership, ProgramPartnershipConnection } from "./partnership.entity";
import { Partner } from "../partner/partner.entity";
import { EditionRef, ProgramRef } from "../external/external.entity";

@Resolver(() => ProgramPartnership)
export class ProgramPartnershipResolver {
  /*
   * Internal plumbing for the programs subgraph, which filters programmes by
   * partner without reading this subgraph's database. @inaccessible keeps
   * it out of the public API: only services calling this subgraph see it.
   */
  @Directive("@inaccessible")
  @Query(() => [ID], {
    description:
      "Internal: ids of the programmes a partner takes part in (optionally in one role), for the programs subgraph's partner filter. Not part of the public API.",
  })
  async programIdsByPartner(
    @Arg("partnerId", () => ID, { description: "Partner id." }) partnerId: string,
    @Arg("role", () => PartnershipRole, { nullable: true, description: "Only partnerships in this role." }) role: PartnershipRole | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string[]> {
    const qb = ctx.db
      .getRepository(ProgramPartnership)
      .createQueryBuilder("pp")
      .select("DISTINCT pp.programId", "programId")
      .where("pp.partnerId = :partnerId", { partnerId: assertId(partnerId, "partnerId") })
      .orderBy("pp.programId");
    if (role) qb.andWhere("pp.role = :role", { role });
    const rows: Array<{ programId: string }> = await qb.getRawMany();
    return rows.map((r) => r.programId);
  }

  @FieldResolver(() => ProgramRef, { nullable: true, description: "The programme; null when it is deleted or a draft you may not see." })
  async program(@Root() partnership: ProgramPartnership, @Ctx() ctx: SubgraphContext): Promise<ProgramRef | null> {
    // This subgraph answers `program { id }` (and Program.partnerships) alone, so it must know what the programs subgraph hides.
    return (await programHidden(ctx, partnership.programId)) ? null : { id: partnership.programId };
  }

  @FieldResolver(() => EditionRef, {
    nullable: true,
    description: "The one edition the partnership is for; null when it is for the whole programme, or the edition is deleted or a draft you may not see.",
  })
  async edition(@Root() partnership: ProgramPartnership, @Ctx() ctx: SubgraphContext): Promise<EditionRef | null> {
    if (!partnership.editionId) return null;
    return (await editionHidden(ctx, partnership.editionId)) ? null : { id: partnership.editionId };
  }

  @FieldResolver(() => Partner, { nullable: true, description: "The partner; null when its record is deleted (editors and admins still see it, marked)." })
  partner(@Root() partnership: ProgramPartnership, @Ctx() ctx: SubgraphContext) {
    return referencesByKey(ctx, Partner, "id").load(partnership.partnerId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the partnership was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() partnership: { deletedAt: Date | null }) {
    return partnership.deletedAt ?? null;
  }
}

@Resolver(() => EditionRef)
export class EditionRefResolver {
  @FieldResolver(() => ProgramPartnershipConnection, {
    nullable: true,
    description: "Partners of this edition alone and their roles, e.g. those who collaborated on one year's event (from the partners subgraph).",
  })
  async partnerships(@Root() edition: EditionRef, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(
      ctx,
      ProgramPartnership,
      { parent: "editionId", orderBy: ["role"], ...(await visiblePartnerships(ctx, "editionId", edition.id)) },
      page,
    ).load(edition.id);
  }
}

@Resolver(() => ProgramRef)
export class ProgramRefResolver {
  @FieldResolver(() => ProgramPartnershipConnection, {
    nullable: true,
    description: "Partners of the programme and their roles, those of one edition included (with `edition` set) (from the partners subgraph).",
  })
  async partnerships(@Root() program: ProgramRef, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(
      ctx,
      ProgramPartnership,
      { parent: "programId", orderBy: ["role"], ...(await visiblePartnerships(ctx, "programId", program.id)) },
      page,
    ).load(program.id);
  }
}
