import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { visibleEditionReference } from "../publication";
import { Activity } from "./activity.entity";
import { Edition } from "../edition/edition.entity";
import { AdministrativeAreaRef, areaRef, InstitutionRef, institutionRef } from "../external/external.entity";

@Resolver(() => Activity)
export class ActivityResolver {
  @FieldResolver(() => Edition, { nullable: true, description: "The edition this activity belongs to; null when it is deleted or a draft you may not see." })
  async edition(@Root() activity: Activity, @Ctx() ctx: SubgraphContext) {
    return visibleEditionReference(ctx, await referencesByKey(ctx, Edition, "id").load(activity.editionId));
  }

  @FieldResolver(() => InstitutionRef, { nullable: true, description: "Where it took place, e.g. Mutiara Rawa Binong Library." })
  site(@Root() activity: Activity) {
    return institutionRef(activity.siteInstitutionId);
  }

  @FieldResolver(() => AdministrativeAreaRef, { nullable: true, description: "Province or city where it took place (resolved by the institutions subgraph)." })
  venueArea(@Root() activity: Activity) {
    return areaRef(activity.venueAreaId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the activity was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() activity: { deletedAt: Date | null }) {
    return activity.deletedAt ?? null;
  }
}
