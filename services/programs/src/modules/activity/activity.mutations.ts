import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  BadUserInputError,
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

/** The site and the venue's area live in the institutions subgraph: asked before any transaction opens. */
const checkPlace = (ctx: SubgraphContext, input: { siteInstitutionId?: string | null; venueAreaId?: string | null }) =>
  assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), [
    ...(input.siteInstitutionId ? [{ typename: "Institution" as const, key: input.siteInstitutionId, field: "input.siteInstitutionId" }] : []),
    ...(input.venueAreaId ? [{ typename: "AdministrativeArea" as const, key: input.venueAreaId, field: "input.venueAreaId" }] : []),
  ]);

/** An activity ends on or after the day it starts (ISO dates compare as text). */
function checkPeriod(activity: { date?: string | null; endDate?: string | null }) {
  if (activity.date && activity.endDate && activity.endDate < activity.date) {
    throw new BadUserInputError(`"endDate" (${activity.endDate}) is before "date" (${activity.date}).`, { field: "input.endDate" });
  }
}

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
      verify: async () => {
        checkPeriod(input);
        await checkPlace(ctx, input);
      },
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
      verify: async (merged) => {
        checkPeriod(merged);
        await checkPlace(ctx, input);
      },
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes an activity (soft)." })
  deleteActivity(@RecordIdArg("Activity") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Activity, id: assertId(id), version, owners: ownersOf });
  }
}
