import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
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
  RecordIdArg,
  VersionArg,
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
    @RecordIdArg("Partnership") id: string,
    @VersionArg() version: number,
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
  deleteProgramPartnership(@RecordIdArg("Partnership") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: ProgramPartnership, id: assertId(id), version, owners });
  }
}
