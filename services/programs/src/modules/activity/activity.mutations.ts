import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  assertReferencesExist,
  createRecord,
  deleteRecord,
  servicePrincipal,
  updateRecord,
  type SubgraphContext,
  RecordIdArg,
  VersionArg,
} from "@sstc/subgraph-kit";
import { Activity } from "./activity.entity";
import { CreateActivityInput, UpdateActivityInput } from "./activity.inputs";
import { ownersOfEditionId } from "../edition/edition.ownership";

const checkSite = (ctx: SubgraphContext, siteInstitutionId: string | null | undefined) =>
  assertReferencesExist(
    ctx.links,
    servicePrincipal(ctx.links.self),
    siteInstitutionId ? [{ typename: "Institution", key: siteInstitutionId, field: "input.siteInstitutionId" }] : [],
  );

const ownersOf = (row: Activity, m: EntityManager) => ownersOfEditionId(m, row.editionId);

@Resolver(() => Activity)
export class ActivityMutations {
  @Authorized("editor")
  @Mutation(() => Activity, { description: "Adds an activity to an edition you may edit." })
  createActivity(@Arg("input", () => CreateActivityInput, { description: "The activity." }) input: CreateActivityInput, @Ctx() ctx: SubgraphContext) {
    return createRecord<Activity>(ctx, {
      entity: Activity,
      values: { sequence: 0, ...input },
      owners: (m) => ownersOfEditionId(m, input.editionId),
      verify: () => checkSite(ctx, input.siteInstitutionId),
    });
  }

  @Authorized("editor")
  @Mutation(() => Activity, { description: "Changes an activity at the version you last read." })
  updateActivity(
    @RecordIdArg("Activity") id: string,
    @VersionArg() version: number,
    @Arg("input", () => UpdateActivityInput, { description: "The changes." }) input: UpdateActivityInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, {
      entity: Activity,
      id: assertId(id),
      version,
      patch: { ...input },
      owners: ownersOf,
      verify: () => checkSite(ctx, input.siteInstitutionId),
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes an activity (soft)." })
  deleteActivity(@RecordIdArg("Activity") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Activity, id: assertId(id), version, owners: ownersOf });
  }
}
