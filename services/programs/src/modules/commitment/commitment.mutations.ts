import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { assertId, assertLocalReferences, assertReferencesExist, createRecord, deleteRecord, servicePrincipal, updateRecord, type SubgraphContext } from "@sstc/common";
import { Commitment, FollowUpStatus } from "./commitment.entity";
import { CreateCommitmentInput, UpdateCommitmentInput } from "./commitment.inputs";
import { ownersOfEditionId } from "../edition/edition.ownership";
import { Participation } from "../participation/participation.entity";

@Resolver(() => Commitment)
export class CommitmentMutations {
  @Mutation(() => Commitment, { description: "Records a commitment from an edition you may edit." })
  createCommitment(@Arg("input", () => CreateCommitmentInput, { description: "The commitment." }) input: CreateCommitmentInput, @Ctx() ctx: SubgraphContext) {
    return ctx.db.transaction(async (m) => {
      const owners = await ownersOfEditionId(m, input.editionId);
      await assertLocalReferences(m, [{ entity: Participation, typeName: "Participation", value: input.participationId, field: "input.participationId" }]);
      await assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), "institutions", [{ typename: "Country", key: input.countryCode, field: "input.countryCode" }]);
      return createRecord(ctx, Commitment, "Commitment", { followUpStatus: FollowUpStatus.PLANNED, ...input }, owners, m);
    });
  }

  @Mutation(() => Commitment, { description: "Changes a commitment — typically its follow-up status — at the version you last read." })
  updateCommitment(
    @Arg("id", () => ID, { description: "Commitment id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Arg("input", () => UpdateCommitmentInput, { description: "The changes." }) input: UpdateCommitmentInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, Commitment, "Commitment", assertId(id), version, { ...input }, (row, m) => ownersOfEditionId(m, row.editionId));
  }

  @Mutation(() => ID, { description: "Deletes a commitment (soft)." })
  deleteCommitment(
    @Arg("id", () => ID, { description: "Commitment id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return deleteRecord(ctx, Commitment, "Commitment", assertId(id), version, (row, m) => ownersOfEditionId(m, row.editionId));
  }
}
