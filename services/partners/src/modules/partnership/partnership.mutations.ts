import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import {
  assertId,
  callSubgraph,
  BadUserInputError,
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

const taken = () => new ConflictError("This partner already has this role in this programme (or in this edition of it).", { field: "input.role" });

const EDITION_OF = "query EditionOfProgram($r: [_Any!]!) { _entities(representations: $r) { ... on Edition { program { id } } } }";

/**
 * The programme must exist and, when an edition is named, the edition must be
 * one of that programme's: both live in the programs subgraph, asked once
 * before any transaction opens (an edition the caller may not see reads as unknown).
 */
async function verifyProgramAndEdition(ctx: SubgraphContext, input: { programId: string; editionId?: string | null }) {
  await assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), [{ typename: "Program", key: input.programId, field: "input.programId" }]);
  if (!input.editionId) return;
  const data = await callSubgraph<{ _entities: Array<{ program: { id: string } | null } | null> }>(ctx.links, "programs", ctx.principal, EDITION_OF, {
    r: [{ __typename: "Edition", id: input.editionId }],
  });
  const edition = data._entities[0];
  if (!edition) throw new BadUserInputError(`input.editionId names no Edition ${JSON.stringify(input.editionId)}.`, { field: "input.editionId" });
  if (edition.program?.id !== input.programId) {
    throw new BadUserInputError(`Edition ${input.editionId} is not an edition of programme ${input.programId}.`, { field: "input.editionId" });
  }
}

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
      values: { ...input, editionScope: input.editionId ?? "" },
      owners: () => owners(input),
      verify: () => verifyProgramAndEdition(ctx, input),
      check: async (m) => {
        await assertLocalReferences(m, [{ entity: Partner, value: input.partnerId, field: "input.partnerId" }]);
        const same = { programId: input.programId, editionScope: input.editionId ?? "", partnerId: input.partnerId, role: input.role };
        if (await m.getRepository(ProgramPartnership).existsBy(same)) throw taken();
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
