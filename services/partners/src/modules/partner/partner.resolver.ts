import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertId, assertSlug, childPages, findOrFail, PageArgs, paginate, referencesByKey, whereFoldedEquals, type SubgraphContext } from "@sstc/subgraph-kit";
import { visiblePartnerships } from "../partnership/hidden-programs";
import { Partner, PartnerConnection, PartnerKind } from "./partner.entity";
import { ProgramPartnership, ProgramPartnershipConnection } from "../partnership/partnership.entity";
import { AgreementParty, AgreementPartyConnection } from "../agreement/agreement.entity";
import { CountryRef, InstitutionRef } from "../external/external.entity";

/* `programs` and `agreements` are the deprecated old names of `partnerships` and `agreementParties`: they return partnerships and agreement parties, not programs and agreements. */
const PARTNERSHIPS =
  "The partner's partnerships: each programme it takes part in, with its role (drafts only for the partner role and above); null with an error when the programs subgraph cannot say which programmes are hidden.";
const AGREEMENT_PARTIES = "The partner's places in agreements: each agreement it is party to, with its role.";

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { nullable: true, description: "A partner by id." })
  partner(@Arg("id", () => ID, { description: "Partner id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Partner, "id", assertId(id), "Partner");
  }

  @Query(() => Partner, {
    nullable: true,
    description: "A partner by its slug, e.g. colombo-plan (for portal addresses); NOT_FOUND when no live partner has it, BAD_USER_INPUT for a malformed slug.",
  })
  partnerBySlug(@Arg("slug", { description: "The partner's slug: lower-case letters, digits and hyphens." }) slug: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Partner, "slug", assertSlug(slug), "Partner");
  }

  @Query(() => PartnerConnection, { nullable: true, description: "Partners ordered by English name." })
  partners(
    @Args() page: PageArgs,
    @Arg("kind", () => PartnerKind, { nullable: true, description: "Only partners of this kind." }) kind: PartnerKind | undefined,
    @Arg("acronym", () => String, {
      nullable: true,
      description: "Only partners with this acronym, in any case (kemenlu finds Kemenlu); acronyms need not be unique.",
    })
    acronym: string | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    const qb = ctx.db.getRepository(Partner).createQueryBuilder("p");
    if (kind) qb.andWhere("p.kind = :kind", { kind });
    if (acronym !== undefined && acronym !== null) whereFoldedEquals(qb, "p.acronym", acronym, "acronym", 40);
    return paginate(qb, page, { property: "nameEn" });
  }

  @FieldResolver(() => InstitutionRef, {
    nullable: true,
    description: "The institution this partner is; null when its record is deleted (editors and admins still see it, marked).",
  })
  institution(@Root() partner: Partner): InstitutionRef {
    return { id: partner.institutionId };
  }

  @FieldResolver(() => CountryRef, { nullable: true, description: "Home country (resolved by the institutions subgraph)." })
  homeCountry(@Root() partner: Partner): CountryRef {
    return { code: partner.homeCountryCode };
  }

  @FieldResolver(() => Partner, { nullable: true, description: "The partner this one is part of (a directorate's ministry)." })
  parent(@Root() partner: Partner, @Ctx() ctx: SubgraphContext) {
    return partner.parentPartnerId ? referencesByKey(ctx, Partner, "id").load(partner.parentPartnerId) : null;
  }

  @FieldResolver(() => PartnerConnection, {
    description: "Partners that are part of this one (a ministry's directorates), by English name.",
  })
  units(@Root() partner: Partner, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Partner, { parent: "parentPartnerId", orderBy: ["nameEn"] }, page).load(partner.id);
  }

  @FieldResolver(() => ProgramPartnershipConnection, { nullable: true, description: PARTNERSHIPS })
  async partnerships(@Root() partner: Partner, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(
      ctx,
      ProgramPartnership,
      { parent: "partnerId", orderBy: ["role"], ...(await visiblePartnerships(ctx, "partnerId", partner.id)) },
      page,
    ).load(partner.id);
  }

  @FieldResolver(() => ProgramPartnershipConnection, {
    nullable: true,
    description: PARTNERSHIPS,
    deprecationReason: "Use `partnerships`: this field returns the partner's partnerships (ProgramPartnership), not programs.",
  })
  programs(@Root() partner: Partner, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return this.partnerships(partner, page, ctx);
  }

  @FieldResolver(() => AgreementPartyConnection, { description: AGREEMENT_PARTIES })
  agreementParties(@Root() partner: Partner, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, AgreementParty, { parent: "partnerId", orderBy: ["agreementId"] }, page).load(partner.id);
  }

  @FieldResolver(() => AgreementPartyConnection, {
    description: AGREEMENT_PARTIES,
    deprecationReason: "Use `agreementParties`: this field returns the partner's places in agreements (AgreementParty), not agreements.",
  })
  agreements(@Root() partner: Partner, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return this.agreementParties(partner, page, ctx);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the partner was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() partner: { deletedAt: Date | null }) {
    return partner.deletedAt ?? null;
  }
}

export const partnerReference = {
  Partner: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => referencesByKey(ctx, Partner, "id").load(ref.id),
  },
};
