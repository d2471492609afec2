import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import {
  assertId,
  assertLocalReferences,
  assertReferencesExist,
  ConflictError,
  createRecord,
  deleteRecord,
  servicePrincipal,
  updateRecord,
  type SubgraphContext,
} from "@sstc/subgraph-kit";
import { ProgramPartnership } from "./partnership.entity";
import { CreateProgramPartnershipInput, UpdateProgramPartnershipInput } from "./partnership.inputs";
import { Partner } from "../partner/partner.entity";

/** A partnership belongs to the partner whose role it records. */
const owners = (row: Pick<ProgramPartnership, "partnerId">) => ({ partnerIds: [row.partnerId] });

const taken = () => new ConflictError("This partner already has this role in this programme.", { field: "input.role" });

@Resolver(() => ProgramPartnership)
export class ProgramPartnershipMutations {
  @Authorized("editor")
  @Mutation(() => ProgramPartnership, { description: "Records a partner's role in a programme (editors: for their own partner)." })
  createProgramPartnership(
    @Arg("input", () => CreateProgramPartnershipInput, { description: "The partnership." }) input: CreateProgramPartnershipInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return createRecord<ProgramPartnership>(ctx, {
      entity: ProgramPartnership,
      values: { ...input },
      owners: () => owners(input),
      verify: () =>
        assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), [{ typename: "Program", key: input.programId, field: "input.programId" }]),
      check: async (m) => {
        await assertLocalReferences(m, [{ entity: Partner, value: input.partnerId, field: "input.partnerId" }]);
        if (await m.getRepository(ProgramPartnership).existsBy({ programId: input.programId, partnerId: input.partnerId, role: input.role })) throw taken();
      },
      duplicate: taken,
    });
  }

  @Authorized("editor")
  @Mutation(() => ProgramPartnership, { description: "Changes a programme partnership at the version you last read." })
  updateProgramPartnership(
    @Arg("id", () => ID, { description: "Partnership id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Arg("input", () => UpdateProgramPartnershipInput, { description: "The changes." }) input: UpdateProgramPartnershipInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, {
      entity: ProgramPartnership,
      id: assertId(id),
      version,
      patch: { ...input },
      owners,
      duplicate: taken,
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes a programme partnership (soft)." })
  deleteProgramPartnership(
    @Arg("id", () => ID, { description: "Partnership id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return deleteRecord(ctx, { entity: ProgramPartnership, id: assertId(id), version, owners });
  }
}
