import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  BadUserInputError,
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
import { Commitment, FollowUpStatus, CommitmentKind, CommitmentParty, INSTITUTION_PARTIES } from "./commitment.entity";
import { CreateCommitmentInput, UpdateCommitmentInput } from "./commitment.inputs";
import { ownersOfEditionId } from "../edition/edition.ownership";
import { Participation } from "../participation/participation.entity";

/** Who makes it: as given, else the participant when one is named, else the country. */
const partyOf = (input: CreateCommitmentInput) => input.party ?? (input.participationId ? CommitmentParty.PARTICIPANT : CommitmentParty.COUNTRY);

/** An institution or organiser party names its institution, a participant party its participation; nobody else names an institution. */
function checkParty(input: CreateCommitmentInput) {
  const party = partyOf(input);
  if (INSTITUTION_PARTIES.includes(party) && !input.institutionId) {
    throw new BadUserInputError(`A commitment by an ${party.toLowerCase()} names its institution ("institutionId").`, { field: "input.institutionId" });
  }
  if (!INSTITUTION_PARTIES.includes(party) && input.institutionId) {
    throw new BadUserInputError(`Only an INSTITUTION or ORGANISER party names an institution; this one is ${party}.`, { field: "input.institutionId" });
  }
  if (party === CommitmentParty.PARTICIPANT && !input.participationId) {
    throw new BadUserInputError('A participant\'s commitment names the participation ("participationId").', { field: "input.participationId" });
  }
}

const ownersOf = (row: Commitment, m: EntityManager) => ownersOfEditionId(m, row.editionId);

@Resolver(() => Commitment)
export class CommitmentMutations {
  @Authorized("editor")
  @Mutation(() => Commitment, { description: "Records a commitment from an edition you may edit." })
  createCommitment(@Arg("input", () => CreateCommitmentInput, { description: "The commitment." }) input: CreateCommitmentInput, @Ctx() ctx: SubgraphContext) {
    return createRecord<Commitment>(ctx, {
      entity: Commitment,
      values: {
        ...input,
        followUpStatus: input.followUpStatus ?? FollowUpStatus.PLANNED,
        kind: input.kind ?? CommitmentKind.COMMITMENT,
        party: partyOf(input),
      },
      owners: (m) => ownersOfEditionId(m, input.editionId),
      verify: () => {
        checkParty(input);
        return assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), [
          { typename: "Country", key: input.countryCode, field: "input.countryCode" },
          ...(input.institutionId ? [{ typename: "Institution" as const, key: input.institutionId, field: "input.institutionId" }] : []),
        ]);
      },
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
