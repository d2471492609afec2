import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { visibleEditionReference } from "../publication";
import { Commitment } from "./commitment.entity";
import { Edition } from "../edition/edition.entity";
import { Participation } from "../participation/participation.entity";
import { CountryRef, countryRef, InstitutionRef, institutionRef } from "../external/external.entity";

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => Edition, { nullable: true, description: "The edition the commitment came out of; null when it is deleted or a draft you may not see." })
  async edition(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext) {
    return visibleEditionReference(ctx, await referencesByKey(ctx, Edition, "id").load(commitment.editionId));
  }

  @Authorized("partner")
  @FieldResolver(() => Participation, {
    nullable: true,
    description: "The participant who made it, when it is a personal action plan (partner role and above).",
  })
  participation(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext) {
    return commitment.participationId ? referencesByKey(ctx, Participation, "id").load(commitment.participationId) : null;
  }

  @FieldResolver(() => CountryRef, {
    nullable: true,
    description: "The country committing, or the one the commitment concerns when another party makes it (resolved by the institutions subgraph).",
  })
  country(@Root() commitment: Commitment) {
    return countryRef(commitment.countryCode);
  }

  @FieldResolver(() => InstitutionRef, { nullable: true, description: "The institution making it, for an INSTITUTION or ORGANISER party." })
  institution(@Root() commitment: Commitment) {
    return institutionRef(commitment.institutionId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the commitment was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() commitment: { deletedAt: Date | null }) {
    return commitment.deletedAt ?? null;
  }
}
