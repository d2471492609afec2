import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { assertId, assertLocalReferences, BadUserInputError, createRecord, deleteRecord, updateRecord, type Owners, type SubgraphContext } from "@sstc/common";
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

@Resolver(() => Agreement)
export class AgreementMutations {
  @Mutation(() => Agreement, { description: "Records an agreement and its parties in one step (editors: their partner must be a party)." })
  createAgreement(@Arg("input", () => CreateAgreementInput, { description: "The agreement." }) input: CreateAgreementInput, @Ctx() ctx: SubgraphContext) {
    const { parties, ...fields } = input;
    checkDates(fields);
    return ctx.db.transaction(async (m) => {
      await assertLocalReferences(m, parties.map((p, i) => ({ entity: Partner, typeName: "Partner", value: p.partnerId, field: `input.parties.${i}.partnerId` })));
      const owned = { partnerIds: parties.map((p) => p.partnerId) };
      const agreement = await createRecord<Agreement>(ctx, Agreement, "Agreement", fields as Partial<Agreement>, owned, m);
      for (const party of parties) await createRecord(ctx, AgreementParty, "AgreementParty", { ...party, agreementId: agreement.id }, owned, m);
      return agreement;
    });
  }

  @Mutation(() => Agreement, { description: "Changes an agreement at the version you last read." })
  updateAgreement(
    @Arg("id", () => ID, { description: "Agreement id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Arg("input", () => UpdateAgreementInput, { description: "The changes." }) input: UpdateAgreementInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, Agreement, "Agreement", assertId(id), version, { ...input }, (row, m) => owners(m, row.id), async (merged) => checkDates(merged));
  }

  @Mutation(() => ID, { description: "Deletes an agreement (soft)." })
  deleteAgreement(
    @Arg("id", () => ID, { description: "Agreement id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return deleteRecord(ctx, Agreement, "Agreement", assertId(id), version, (row, m) => owners(m, row.id));
  }
}
