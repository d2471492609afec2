import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  assertLocalReferences,
  BadUserInputError,
  ConflictError,
  createRecord,
  insertAudited,
  deleteRecord,
  updateRecord,
  type Owners,
  type SubgraphContext,
  RecordIdArg,
  VersionArg,
} from "@sstc/subgraph-kit";
import { Agreement, AgreementParty } from "./agreement.entity";
import { CreateAgreementInput, UpdateAgreementInput } from "./agreement.inputs";
import { Partner } from "../partner/partner.entity";

/** An agreement belongs to its parties. */
async function owners(m: EntityManager, agreementId: string): Promise<Owners> {
  const parties = await m.getRepository(AgreementParty).findBy({ agreementId });
  return { partnerIds: parties.map((p) => p.partnerId) };
}

function checkDates(row: Partial<Agreement>) {
  if (row.signedOn && row.expiresOn && row.expiresOn < row.signedOn) {
    throw new BadUserInputError("The agreement expires before it was signed.", { field: "input.expiresOn" });
  }
}

const ownersOf = (row: Agreement, m: EntityManager) => owners(m, row.id);

@Resolver(() => Agreement)
export class AgreementMutations {
  @Authorized("editor")
  @Mutation(() => Agreement, { description: "Records an agreement and its parties in one step (editors: their partner must be a party)." })
  createAgreement(@Arg("input", () => CreateAgreementInput, { description: "The agreement." }) input: CreateAgreementInput, @Ctx() ctx: SubgraphContext) {
    const { parties, ...fields } = input;
    const owned = { partnerIds: parties.map((p) => p.partnerId) };
    return createRecord<Agreement>(ctx, {
      entity: Agreement,
      values: fields as Partial<Agreement>,
      owners: () => owned,
      verify: async () => checkDates(fields),
      check: (m) =>
        assertLocalReferences(
          m,
          parties.map((p, i) => ({ entity: Partner, value: p.partnerId, field: `input.parties.${i}.partnerId` })),
        ),
      after: async (agreement, m) => {
        for (const party of parties) await insertAudited(ctx, m, AgreementParty, { ...party, agreementId: agreement.id });
      },
      duplicate: () => new ConflictError("A partner is named twice among the parties.", { field: "input.parties" }),
    });
  }

  @Authorized("editor")
  @Mutation(() => Agreement, { description: "Changes an agreement at the version you last read." })
  updateAgreement(
    @RecordIdArg("Agreement") id: string,
    @VersionArg() version: number,
    @Arg("input", () => UpdateAgreementInput, { description: "The changes." }) input: UpdateAgreementInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, {
      entity: Agreement,
      id: assertId(id),
      version,
      patch: { ...input },
      owners: ownersOf,
      check: async (merged) => checkDates(merged),
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes an agreement (soft)." })
  deleteAgreement(@RecordIdArg("Agreement") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Agreement, id: assertId(id), version, owners: ownersOf });
  }
}
