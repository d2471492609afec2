import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  assertId,
  assertReferencesExist,
  BadUserInputError,
  assertMayEdit,
  assertMayWrite,
  ConflictError,
  insertAudited,
  deleteRecord,
  servicePrincipal,
  updateRecord,
  writeTransaction,
  type ForeignReference,
  type SubgraphContext,
  RecordIdArg,
  VersionArg,
} from "@sstc/subgraph-kit";
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

const alreadyRegistered = (personId: string, field: string) =>
  new ConflictError(`${field}: person ${personId} is already registered for this edition.`, { field });

/**
 * Registers people in one transaction. Who may comes first (the edition's
 * owners), then the references for the whole batch in one call to the
 * institutions subgraph, before the transaction opens; inside it each
 * person is inserted. The unique index on (edition, person) among live
 * registrations decides races; any failure — also half-way — rolls every
 * insert back.
 */
async function register(ctx: SubgraphContext, editionId: string, people: ParticipationInput[], prefix: (i: number) => string) {
  assertMayWrite(ctx.principal);
  const what = `Edition ${editionId}`;
  assertMayEdit(ctx.principal, await ownersOfEditionId(ctx.db.manager, editionId), what);
  const seen = new Map<string, number>();
  people.forEach((p, i) => {
    if (seen.has(p.personId)) {
      throw new BadUserInputError(`${prefix(i)}.personId names the same person as ${prefix(seen.get(p.personId)!)}.personId.`, {
        field: `${prefix(i)}.personId`,
      });
    }
    seen.set(p.personId, i);
  });
  await assertReferencesExist(
    ctx.links,
    servicePrincipal(ctx.links.self),
    people.flatMap((p, i) => foreignReferences(p, prefix(i))),
  );
  let raced = people.length === 1 ? alreadyRegistered(people[0].personId, `${prefix(0)}.personId`) : undefined;
  const created = await writeTransaction(
    ctx.db,
    async (m) => {
      assertMayEdit(ctx.principal, await ownersOfEditionId(m, editionId), what);
      const rows: Participation[] = [];
      for (const [i, person] of people.entries()) {
        const field = `${prefix(i)}.personId`;
        raced = alreadyRegistered(person.personId, field);
        if (await m.getRepository(Participation).existsBy({ editionId, personId: person.personId })) throw raced;
        rows.push(await insertAudited(ctx, m, Participation, { status: ParticipationStatus.NOMINATED, ...person, editionId }));
      }
      return rows;
    },
    () => raced ?? new ConflictError("One of these people is already registered for this edition."),
  );
  ctx.loaders.clear();
  return created;
}

const ownersOf = (row: Participation, m: EntityManager) => ownersOfEditionId(m, row.editionId);

@Resolver(() => Participation)
export class ParticipationMutations {
  @Authorized("editor")
  @Mutation(() => Participation, { description: "Registers one person for an edition you may edit." })
  async registerParticipation(
    @Arg("editionId", () => ID, { description: "The edition." }) editionId: string,
    @Arg("input", () => ParticipationInput, { description: "The person and their role." }) input: ParticipationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const [created] = await register(ctx, assertId(editionId, "editionId"), [input], () => "input");
    return created;
  }

  @Authorized("editor")
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

  @Authorized("editor")
  @Mutation(() => Participation, { description: "Changes a participation (e.g. its status) at the version you last read." })
  updateParticipation(
    @RecordIdArg("Participation") id: string,
    @VersionArg() version: number,
    @Arg("input", () => UpdateParticipationInput, { description: "The changes." }) input: UpdateParticipationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, {
      entity: Participation,
      id: assertId(id),
      version,
      patch: { ...input },
      owners: ownersOf,
      verify: () => assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), foreignReferences(input, "input")),
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes a participation (soft)." })
  deleteParticipation(@RecordIdArg("Participation") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Participation, id: assertId(id), version, owners: ownersOf });
  }
}
