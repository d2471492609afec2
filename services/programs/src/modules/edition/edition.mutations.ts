import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  assertLocalReferences,
  assertReferencesExist,
  BadUserInputError,
  createRecord,
  deleteRecord,
  servicePrincipal,
  updateRecord,
  type ForeignReference,
  type SubgraphContext,
  RecordIdArg,
  VersionArg,
} from "@sstc/subgraph-kit";
import { Edition } from "./edition.entity";
import { CreateEditionInput, UpdateEditionInput } from "./edition.inputs";
import { editionOwners } from "./edition.ownership";
import { Program } from "../program/program.entity";

/** The dates of an edition are in order. */
function checkDates(row: Partial<Edition>) {
  if (row.plannedStartDate && row.plannedEndDate && row.plannedEndDate < row.plannedStartDate) {
    throw new BadUserInputError("The planned end is before the planned start.", { field: "input.plannedEndDate" });
  }
  if (row.actualStartDate && row.actualEndDate && row.actualEndDate < row.actualStartDate) {
    throw new BadUserInputError("The actual end is before the actual start.", { field: "input.actualEndDate" });
  }
}

/** What needs no database of ours: the dates, and the references other subgraphs own (asked before any transaction opens). */
async function verifyEdition(ctx: SubgraphContext, row: Partial<Edition>, input: Partial<Edition>) {
  checkDates(row);
  const foreign: ForeignReference[] = [];
  if (input.hostInstitutionId) foreign.push({ typename: "Institution", key: input.hostInstitutionId, field: "input.hostInstitutionId" });
  if (input.venueCountryCode) foreign.push({ typename: "Country", key: input.venueCountryCode, field: "input.venueCountryCode" });
  if (input.venueAreaId) foreign.push({ typename: "AdministrativeArea", key: input.venueAreaId, field: "input.venueAreaId" });
  (input.invitedCountryCodes ?? []).forEach((code, i) => foreign.push({ typename: "Country", key: code, field: `input.invitedCountryCodes.${i}` }));
  await assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), foreign);
}

const checkProgram = (m: EntityManager, input: Partial<Edition>) =>
  assertLocalReferences(m, [{ entity: Program, value: input.programId, field: "input.programId" }]);

const ownersOf = (row: Edition, m: EntityManager) => editionOwners(m, row);

@Resolver(() => Edition)
export class EditionMutations {
  @Authorized("editor")
  @Mutation(() => Edition, { description: "Creates an edition (editors: of a programme their institution leads, or hosted by it)." })
  createEdition(@Arg("input", () => CreateEditionInput, { description: "The edition." }) input: CreateEditionInput, @Ctx() ctx: SubgraphContext) {
    return createRecord<Edition>(ctx, {
      entity: Edition,
      values: { ...input },
      owners: (m) => editionOwners(m, input),
      verify: () => verifyEdition(ctx, input, input),
      check: (m) => checkProgram(m, input),
    });
  }

  @Authorized("editor")
  @Mutation(() => Edition, { description: "Changes an edition at the version you last read; CONFLICT if it changed since." })
  updateEdition(
    @RecordIdArg("Edition") id: string,
    @VersionArg() version: number,
    @Arg("input", () => UpdateEditionInput, { description: "The changes." }) input: UpdateEditionInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const patch = { ...input } as Partial<Edition>;
    return updateRecord(ctx, {
      entity: Edition,
      id: assertId(id),
      version,
      patch,
      owners: ownersOf,
      verify: (merged) => verifyEdition(ctx, merged, patch),
      check: async (merged, m) => {
        // The dates are checked again against the row as it is now: another edit may have moved them.
        checkDates(merged);
        await checkProgram(m, patch);
      },
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes an edition (soft)." })
  deleteEdition(@RecordIdArg("Edition") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Edition, id: assertId(id), version, owners: ownersOf });
  }
}
