import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { rowsByKey, type SubgraphContext } from "@sstc/common";
import { Activity } from "./activity.entity";
import { Edition } from "../edition/edition.entity";
import { InstitutionRef, institutionRef } from "../references/references.entity";

@Resolver(() => Activity)
export class ActivityResolver {
  @FieldResolver(() => Edition, { description: "The edition this activity belongs to." })
  edition(@Root() activity: Activity, @Ctx() ctx: SubgraphContext) {
    return rowsByKey(ctx, Edition, "id").load(activity.editionId);
  }

  @FieldResolver(() => InstitutionRef, { nullable: true, description: "Where it took place, e.g. Mutiara Rawa Binong Library." })
  site(@Root() activity: Activity) {
    return institutionRef(activity.siteInstitutionId);
  }
}
