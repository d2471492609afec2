import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertId, childPages, findOrFail, PageArgs, paginate, rowsByKey, type SubgraphContext } from "@sstc/common";
import { Agreement, AgreementConnection, AgreementParty, AgreementPartyConnection } from "./agreement.entity";
import { Partner } from "../partner/partner.entity";

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { nullable: true, description: "An agreement by id." })
  agreement(@Arg("id", () => ID, { description: "Agreement id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return findOrFail(ctx, Agreement, "id", assertId(id), "Agreement");
  }

  @Query(() => AgreementConnection, { description: "Agreements ordered by English title." })
  agreements(@Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return paginate(ctx.db.getRepository(Agreement).createQueryBuilder("a"), page, { property: "titleEn" });
  }

  @FieldResolver(() => AgreementPartyConnection, { description: "The partners party to the agreement." })
  parties(@Root() agreement: Agreement, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, AgreementParty, { parent: "agreementId", orderBy: ["partnerId"] }, page).load(agreement.id);
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Agreement, { description: "The agreement." })
  agreement(@Root() party: AgreementParty, @Ctx() ctx: SubgraphContext) {
    return rowsByKey(ctx, Agreement, "id").load(party.agreementId);
  }

  @FieldResolver(() => Partner, { description: "The partner." })
  partner(@Root() party: AgreementParty, @Ctx() ctx: SubgraphContext) {
    return rowsByKey(ctx, Partner, "id").load(party.partnerId);
  }
}

export const agreementReference = {
  Agreement: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => rowsByKey(ctx, Agreement, "id").load(ref.id),
  },
};
