import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { childPages, hasRole, PageArgs, referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { Activity } from "../activity/activity.entity";
import { PersonRef, personRef } from "../external/external.entity";
import { Source } from "../source/source.entity";
import { ActivityPerson, ActivityPersonConnection, PUBLIC_ACTIVITY_ROLES, Statement, StatementConnection } from "./testimony.entity";

@Resolver(() => Activity)
export class ActivityTestimony {
  @FieldResolver(() => ActivityPersonConnection, {
    description:
      "Who took part and in what role, by role. Speakers and hosts (a public capacity) are listed for everyone; visitors and participants for the partner role and above only.",
  })
  people(@Root() activity: Activity, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    const publicOnly = hasRole(ctx.principal, "partner")
      ? {}
      : { where: "t.role IN (:...publicRoles)", parameters: { publicRoles: [...PUBLIC_ACTIVITY_ROLES] } };
    return childPages(ctx, ActivityPerson, { parent: "activityId", orderBy: ["role", "createdAt"], ...publicOnly }, page).load(activity.id);
  }

  @FieldResolver(() => StatementConnection, { description: "What people said at it, each attributed to its speaker and its source, in the order recorded." })
  statements(@Root() activity: Activity, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Statement, { parent: "activityId", orderBy: ["createdAt"] }, page).load(activity.id);
  }
}

@Resolver(() => ActivityPerson)
export class ActivityPersonResolver {
  @FieldResolver(() => PersonRef, {
    nullable: true,
    description: "The person; the institutions subgraph decides which of their fields the caller sees (a name needs the partner role, or a public capacity).",
  })
  person(@Root() row: ActivityPerson) {
    return personRef(row.personId);
  }
}

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => PersonRef, { nullable: true, description: "Who said it (a name needs the partner role, or a public capacity)." })
  speaker(@Root() row: Statement) {
    return personRef(row.personId);
  }

  @FieldResolver(() => Source, { nullable: true, description: "The source that reports it; null only if the source was deleted." })
  source(@Root() row: Statement, @Ctx() ctx: SubgraphContext) {
    return referencesByKey(ctx, Source, "id").load(row.sourceId);
  }
}
