import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { assertId, assertReferencesExist, createRecord, deleteRecord, servicePrincipal, updateRecord, type SubgraphContext } from "@sstc/common";
import { Activity } from "./activity.entity";
import { CreateActivityInput, UpdateActivityInput } from "./activity.inputs";
import { ownersOfEditionId } from "../edition/edition.ownership";

const checkSite = (ctx: SubgraphContext, siteInstitutionId: string | null | undefined) =>
  assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), "institutions", siteInstitutionId ? [{ typename: "Institution", key: siteInstitutionId, field: "input.siteInstitutionId" }] : []);

@Resolver(() => Activity)
export class ActivityMutations {
  @Mutation(() => Activity, { description: "Adds an activity to an edition you may edit." })
  createActivity(@Arg("input", () => CreateActivityInput, { description: "The activity." }) input: CreateActivityInput, @Ctx() ctx: SubgraphContext) {
    return ctx.db.transaction(async (m) => {
      const owners = await ownersOfEditionId(m, input.editionId);
      await checkSite(ctx, input.siteInstitutionId);
      return createRecord(ctx, Activity, "Activity", { sequence: 0, ...input }, owners, m);
    });
  }

  @Mutation(() => Activity, { description: "Changes an activity at the version you last read." })
  updateActivity(
    @Arg("id", () => ID, { description: "Activity id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Arg("input", () => UpdateActivityInput, { description: "The changes." }) input: UpdateActivityInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, Activity, "Activity", assertId(id), version, { ...input }, (row, m) => ownersOfEditionId(m, row.editionId), () => checkSite(ctx, input.siteInstitutionId));
  }

  @Mutation(() => ID, { description: "Deletes an activity (soft)." })
  deleteActivity(
    @Arg("id", () => ID, { description: "Activity id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return deleteRecord(ctx, Activity, "Activity", assertId(id), version, (row, m) => ownersOfEditionId(m, row.editionId));
  }
}
