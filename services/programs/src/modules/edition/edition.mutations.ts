import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { assertId, assertLocalReferences, assertReferencesExist, BadUserInputError, createRecord, deleteRecord, servicePrincipal, updateRecord, type ForeignReference, type SubgraphContext } from "@sstc/common";
import { Edition } from "./edition.entity";
import { CreateEditionInput, UpdateEditionInput } from "./edition.inputs.write";
import { editionOwners } from "./edition.ownership";
import { Program } from "../program/program.entity";

async function checkEdition(ctx: SubgraphContext, m: EntityManager, row: Partial<Edition>, input: Partial<Edition>) {
  if (row.plannedStartDate && row.plannedEndDate && row.plannedEndDate < row.plannedStartDate) {
    throw new BadUserInputError("The planned end is before the planned start.", { field: "input.plannedEndDate" });
  }
  if (row.actualStartDate && row.actualEndDate && row.actualEndDate < row.actualStartDate) {
    throw new BadUserInputError("The actual end is before the actual start.", { field: "input.actualEndDate" });
  }
  await assertLocalReferences(m, [{ entity: Program, typeName: "Program", value: input.programId, field: "input.programId" }]);
  const foreign: ForeignReference[] = [];
  if (input.hostInstitutionId) foreign.push({ typename: "Institution", key: input.hostInstitutionId, field: "input.hostInstitutionId" });
  if (input.venueCountryCode) foreign.push({ typename: "Country", key: input.venueCountryCode, field: "input.venueCountryCode" });
  if (input.venueAreaId) foreign.push({ typename: "AdministrativeArea", key: input.venueAreaId, field: "input.venueAreaId" });
  (input.invitedCountryCodes ?? []).forEach((code, i) => foreign.push({ typename: "Country", key: code, field: `input.invitedCountryCodes.${i}` }));
  await assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), "institutions", foreign);
}

@Resolver(() => Edition)
export class EditionMutations {
  @Mutation(() => Edition, { description: "Creates an edition (editors: of a programme their institution leads, or hosted by it)." })
  createEdition(@Arg("input", () => CreateEditionInput, { description: "The edition." }) input: CreateEditionInput, @Ctx() ctx: SubgraphContext) {
    return ctx.db.transaction(async (m) => {
      await checkEdition(ctx, m, input, input);
      return createRecord(ctx, Edition, "Edition", { ...input }, await editionOwners(m, input), m);
    });
  }

  @Mutation(() => Edition, { description: "Changes an edition at the version you last read; CONFLICT if it changed since." })
  updateEdition(
    @Arg("id", () => ID, { description: "Edition id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Arg("input", () => UpdateEditionInput, { description: "The changes." }) input: UpdateEditionInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, Edition, "Edition", assertId(id), version, { ...input }, (row, m) => editionOwners(m, row), (merged, m) => checkEdition(ctx, m, merged, input));
  }

  @Mutation(() => ID, { description: "Deletes an edition (soft)." })
  deleteEdition(
    @Arg("id", () => ID, { description: "Edition id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return deleteRecord(ctx, Edition, "Edition", assertId(id), version, (row, m) => editionOwners(m, row));
  }
}
