import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { rowsByKey, type SubgraphContext } from "@sstc/common";
import { Commitment } from "./commitment.entity";
import { Edition } from "../edition/edition.entity";
import { Participation } from "../participation/participation.entity";
import { CountryRef, countryRef } from "../references/references.entity";

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => Edition, { description: "The edition the commitment came out of." })
  edition(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext) {
    return rowsByKey(ctx, Edition, "id").load(commitment.editionId);
  }

  @Authorized("partner")
  @FieldResolver(() => Participation, { nullable: true, description: "The participant who made it, when it is a personal action plan (partner role and above)." })
  participation(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext) {
    return commitment.participationId ? rowsByKey(ctx, Participation, "id").load(commitment.participationId) : null;
  }

  @FieldResolver(() => CountryRef, { description: "The country committing." })
  country(@Root() commitment: Commitment) {
    return countryRef(commitment.countryCode);
  }
}
