import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  assertReferencesExist,
  BadUserInputError,
  ConflictError,
  createRecord,
  deleteRecord,
  servicePrincipal,
  updateRecord,
  type ForeignReference,
  type SubgraphContext,
} from "@sstc/common";
import { Participation, ParticipationStatus } from "./participation.entity";
import { ParticipationInput, UpdateParticipationInput } from "./participation.inputs";
import { ownersOfEditionId } from "../edition/edition.ownership";

/** The most people one registration call may carry. */
export const MAX_BATCH = 200;

function foreignReferences(input: Partial<ParticipationInput>, prefix: string): ForeignReference[] {
  const refs: ForeignReference[] = [];
  if (input.personId) refs.push({ typename: "Person", key: input.personId, field: `${prefix}.personId` });
  if (input.countryCode) refs.push({ typename: "Country", key: input.countryCode, field: `${prefix}.countryCode` });
  if (input.institutionId) refs.push({ typename: "Institution", key: input.institutionId, field: `${prefix}.institutionId` });
  if (input.areaId) refs.push({ typename: "AdministrativeArea", key: input.areaId, field: `${prefix}.areaId` });
  return refs;
}

async function assertNotRegistered(m: EntityManager, editionId: string, personId: string, field: string) {
  if (await m.getRepository(Participation).existsBy({ editionId, personId })) {
    throw new ConflictError(`${field}: person ${personId} is already registered for this edition.`, { field });
  }
}

/**
 * Registers people in one transaction: references are checked for the
 * whole batch first (one call to the institutions subgraph), then each
 * person is inserted; any failure — also half-way — rolls every insert back.
 */
async function register(ctx: SubgraphContext, editionId: string, people: ParticipationInput[], prefix: (i: number) => string) {
  return ctx.db.transaction(async (m) => {
    const owners = await ownersOfEditionId(m, editionId);
    await assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), "institutions", people.flatMap((p, i) => foreignReferences(p, prefix(i))));
    const created: Participation[] = [];
    for (const [i, person] of people.entries()) {
      await assertNotRegistered(m, editionId, person.personId, `${prefix(i)}.personId`);
      created.push(await createRecord(ctx, Participation, "Participation", { status: ParticipationStatus.NOMINATED, ...person, editionId }, owners, m));
    }
    return created;
  });
}

@Resolver(() => Participation)
export class ParticipationMutations {
  @Mutation(() => Participation, { description: "Registers one person for an edition you may edit." })
  async registerParticipation(
    @Arg("editionId", () => ID, { description: "The edition." }) editionId: string,
    @Arg("input", () => ParticipationInput, { description: "The person and their role." }) input: ParticipationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const [created] = await register(ctx, assertId(editionId, "editionId"), [input], () => "input");
    return created;
  }

  @Mutation(() => [Participation], { description: `Registers up to ${MAX_BATCH} people at once: all or nothing.` })
  registerParticipations(
    @Arg("editionId", () => ID, { description: "The edition." }) editionId: string,
    @Arg("participations", () => [ParticipationInput], { description: "The people and their roles." }) participations: ParticipationInput[],
    @Ctx() ctx: SubgraphContext,
  ) {
    if (participations.length < 1 || participations.length > MAX_BATCH) {
      throw new BadUserInputError(`"participations" must hold 1–${MAX_BATCH} people; got ${participations.length}.`, { argument: "participations" });
    }
    return register(ctx, assertId(editionId, "editionId"), participations, (i) => `participations.${i}`);
  }

  @Mutation(() => Participation, { description: "Changes a participation (e.g. its status) at the version you last read." })
  updateParticipation(
    @Arg("id", () => ID, { description: "Participation id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Arg("input", () => UpdateParticipationInput, { description: "The changes." }) input: UpdateParticipationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, Participation, "Participation", assertId(id), version, { ...input }, (row, m) => ownersOfEditionId(m, row.editionId), () =>
      assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), "institutions", foreignReferences(input, "input")),
    );
  }

  @Mutation(() => ID, { description: "Deletes a participation (soft)." })
  deleteParticipation(
    @Arg("id", () => ID, { description: "Participation id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return deleteRecord(ctx, Participation, "Participation", assertId(id), version, (row, m) => ownersOfEditionId(m, row.editionId));
  }
}
