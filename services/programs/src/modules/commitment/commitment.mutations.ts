import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  assertLocalReferences,
  assertReferencesExist,
  createRecord,
  deleteRecord,
  servicePrincipal,
  updateRecord,
  type SubgraphContext,
  RecordIdArg,
  VersionArg,
} from "@sstc/subgraph-kit";
import { Commitment, FollowUpStatus } from "./commitment.entity";
import { CreateCommitmentInput, UpdateCommitmentInput } from "./commitment.inputs";
import { ownersOfEditionId } from "../edition/edition.ownership";
import { Participation } from "../participation/participation.entity";

const ownersOf = (row: Commitment, m: EntityManager) => ownersOfEditionId(m, row.editionId);

@Resolver(() => Commitment)
export class CommitmentMutations {
  @Authorized("editor")
  @Mutation(() => Commitment, { description: "Records a commitment from an edition you may edit." })
  createCommitment(@Arg("input", () => CreateCommitmentInput, { description: "The commitment." }) input: CreateCommitmentInput, @Ctx() ctx: SubgraphContext) {
    return createRecord<Commitment>(ctx, {
      entity: Commitment,
      values: { followUpStatus: FollowUpStatus.PLANNED, ...input },
      owners: (m) => ownersOfEditionId(m, input.editionId),
      verify: () =>
        assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), [{ typename: "Country", key: input.countryCode, field: "input.countryCode" }]),
      check: (m) => assertLocalReferences(m, [{ entity: Participation, value: input.participationId, field: "input.participationId" }]),
    });
  }

  @Authorized("editor")
  @Mutation(() => Commitment, { description: "Changes a commitment — typically its follow-up status — at the version you last read." })
  updateCommitment(
    @RecordIdArg("Commitment") id: string,
    @VersionArg() version: number,
    @Arg("input", () => UpdateCommitmentInput, { description: "The changes." }) input: UpdateCommitmentInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, { entity: Commitment, id: assertId(id), version, patch: { ...input }, owners: ownersOf });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes a commitment (soft)." })
  deleteCommitment(@RecordIdArg("Commitment") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Commitment, id: assertId(id), version, owners: ownersOf });
  }
}
