import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { assertId, assertLocalReferences, assertReferencesExist, ConflictError, createRecord, deleteRecord, servicePrincipal, updateRecord, type SubgraphContext } from "@sstc/common";
import { ProgramPartnership } from "./partnership.entity";
import { CreateProgramPartnershipInput, UpdateProgramPartnershipInput } from "./partnership.inputs";
import { Partner } from "../partner/partner.entity";

/** A partnership belongs to the partner whose role it records. */
const owners = (row: Pick<ProgramPartnership, "partnerId">) => ({ partnerIds: [row.partnerId] });

@Resolver(() => ProgramPartnership)
export class ProgramPartnershipMutations {
  @Mutation(() => ProgramPartnership, { description: "Records a partner's role in a programme (editors: for their own partner)." })
  createProgramPartnership(@Arg("input", () => CreateProgramPartnershipInput, { description: "The partnership." }) input: CreateProgramPartnershipInput, @Ctx() ctx: SubgraphContext) {
    return ctx.db.transaction(async (m) => {
      await assertLocalReferences(m, [{ entity: Partner, typeName: "Partner", value: input.partnerId, field: "input.partnerId" }]);
      await assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), "programs", [{ typename: "Program", key: input.programId, field: "input.programId" }]);
      if (await m.getRepository(ProgramPartnership).existsBy({ programId: input.programId, partnerId: input.partnerId, role: input.role })) {
        throw new ConflictError("This partner already has this role in this programme.", { field: "input.role" });
      }
      return createRecord(ctx, ProgramPartnership, "ProgramPartnership", { ...input }, owners(input), m);
    });
  }

  @Mutation(() => ProgramPartnership, { description: "Changes a programme partnership at the version you last read." })
  updateProgramPartnership(
    @Arg("id", () => ID, { description: "Partnership id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Arg("input", () => UpdateProgramPartnershipInput, { description: "The changes." }) input: UpdateProgramPartnershipInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, ProgramPartnership, "ProgramPartnership", assertId(id), version, { ...input }, owners);
  }

  @Mutation(() => ID, { description: "Deletes a programme partnership (soft)." })
  deleteProgramPartnership(
    @Arg("id", () => ID, { description: "Partnership id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return deleteRecord(ctx, ProgramPartnership, "ProgramPartnership", assertId(id), version, owners);
  }
}
