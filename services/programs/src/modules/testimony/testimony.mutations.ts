import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  assertLocalReferences,
  assertReferencesExist,
  ConflictError,
  createRecord,
  deleteRecord,
  NotFoundError,
  RecordIdArg,
  servicePrincipal,
  VersionArg,
  type SubgraphContext,
} from "@sstc/subgraph-kit";
import { Activity } from "../activity/activity.entity";
import { ownersOfEditionId } from "../edition/edition.ownership";
import { Source } from "../source/source.entity";
import { ActivityPerson, Statement } from "./testimony.entity";
import { AddActivityPersonInput, CreateStatementInput } from "./testimony.inputs";

/** Who may record what happened at an activity: whoever may edit its edition. */
async function ownersOfActivity(m: EntityManager, activityId: string) {
  const activity = await m.getRepository(Activity).findOneBy({ id: activityId });
  if (!activity) throw new NotFoundError("Activity", activityId);
  return ownersOfEditionId(m, activity.editionId);
}

const personExists = (ctx: SubgraphContext, personId: string) =>
  assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), [{ typename: "Person", key: personId, field: "input.personId" }]);

const alreadyThere = () => new ConflictError("This person already has this role in this activity.", { field: "input.role" });

@Resolver()
export class TestimonyMutations {
  @Authorized("editor")
  @Mutation(() => ActivityPerson, { description: "Records that a person took part in an activity, in a role." })
  addActivityPerson(
    @Arg("input", () => AddActivityPersonInput, { description: "Who, where, and in what role." }) input: AddActivityPersonInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return createRecord<ActivityPerson>(ctx, {
      entity: ActivityPerson,
      values: { ...input },
      owners: (m) => ownersOfActivity(m, input.activityId),
      verify: () => personExists(ctx, input.personId),
      check: async (m) => {
        if (await m.getRepository(ActivityPerson).existsBy({ ...input })) throw alreadyThere();
      },
      duplicate: alreadyThere,
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Removes a person's part in an activity (soft)." })
  removeActivityPerson(@RecordIdArg("Activity person") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: ActivityPerson, id: assertId(id), version, owners: (row, m) => ownersOfActivity(m, row.activityId) });
  }

  @Authorized("editor")
  @Mutation(() => Statement, { description: "Records something a person said at an activity, attributed to them and to a source." })
  createStatement(@Arg("input", () => CreateStatementInput, { description: "The statement." }) input: CreateStatementInput, @Ctx() ctx: SubgraphContext) {
    return createRecord<Statement>(ctx, {
      entity: Statement,
      values: { ...input },
      owners: (m) => ownersOfActivity(m, input.activityId),
      verify: () => personExists(ctx, input.personId),
      check: (m) => assertLocalReferences(m, [{ entity: Source, value: input.sourceId, field: "input.sourceId" }]),
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes a statement (soft)." })
  deleteStatement(@RecordIdArg("Statement") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Statement, id: assertId(id), version, owners: (row, m) => ownersOfActivity(m, row.activityId) });
  }
}
