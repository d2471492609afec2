import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertId, childPages, findOrFail, PageArgs, paginate, referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { Agreement, AgreementConnection, AgreementParty, AgreementPartyConnection } from "./agreement.entity";
import { Partner } from "../partner/partner.entity";

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { nullable: true, description: "An agreement by id." })
  agreement(@Arg("id", () => ID, { description: "Agreement id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Agreement, "id", assertId(id), "Agreement");
  }

  @Query(() => AgreementConnection, { nullable: true, description: "Agreements ordered by English title." })
  agreements(@Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return paginate(ctx.db.getRepository(Agreement).createQueryBuilder("a"), page, { property: "titleEn" });
  }

  @FieldResolver(() => AgreementPartyConnection, { description: "The partners party to the agreement." })
  parties(@Root() agreement: Agreement, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, AgreementParty, { parent: "agreementId", orderBy: ["partnerId"] }, page).load(agreement.id);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the agreement was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() agreement: { deletedAt: Date | null }) {
    return agreement.deletedAt ?? null;
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement; null when its record is deleted (editors and admins still see it, marked)." })
  agreement(@Root() party: AgreementParty, @Ctx() ctx: SubgraphContext) {
    return referencesByKey(ctx, Agreement, "id").load(party.agreementId);
  }

  @FieldResolver(() => Partner, { nullable: true, description: "The partner; null when its record is deleted (editors and admins still see it, marked)." })
  partner(@Root() party: AgreementParty, @Ctx() ctx: SubgraphContext) {
    return referencesByKey(ctx, Partner, "id").load(party.partnerId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the party was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() party: { deletedAt: Date | null }) {
    return party.deletedAt ?? null;
  }
}

export const agreementReference = {
  Agreement: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => referencesByKey(ctx, Agreement, "id").load(ref.id),
  },
};
