import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import {
  assertId,
  assertLocalReferences,
  assertReferencesExist,
  createRecord,
  createWithSlug,
  deleteRecord,
  freeSlug,
  slugTaken,
  servicePrincipal,
  updateRecord,
  type ForeignReference,
  type SubgraphContext,
  RecordIdArg,
  VersionArg,
} from "@sstc/subgraph-kit";
import { Not, type EntityManager } from "typeorm";
import { Partner } from "./partner.entity";
import { CreatePartnerInput, UpdatePartnerInput } from "./partner.inputs";

/** A partner belongs to itself, its parent partner and the institution it is. */
const owners = (row: Pick<Partner, "id" | "parentPartnerId" | "institutionId">) => ({
  partnerIds: [row.id, row.parentPartnerId],
  institutionIds: [row.institutionId],
});

function foreign(input: { institutionId?: string; homeCountryCode?: string }): ForeignReference[] {
  const refs: ForeignReference[] = [];
  if (input.institutionId) refs.push({ typename: "Institution", key: input.institutionId, field: "input.institutionId" });
  if (input.homeCountryCode) refs.push({ typename: "Country", key: input.homeCountryCode, field: "input.homeCountryCode" });
  return refs;
}

/** A slug the client chose must be free among live partners (the unique index has the last word). */
async function checkSlug(manager: EntityManager, slug: string | undefined, id?: string) {
  if (slug && (await manager.getRepository(Partner).existsBy({ slug, ...(id ? { id: Not(id) } : {}) }))) throw slugTaken(slug);
}

@Resolver(() => Partner)
export class PartnerMutations {
  @Authorized("editor")
  @Mutation(() => Partner, { description: "Creates a partner (editors: for their own institution, or as a unit of their own partner)." })
  createPartner(@Arg("input", () => CreatePartnerInput, { description: "The partner." }) input: CreatePartnerInput, @Ctx() ctx: SubgraphContext) {
    return createWithSlug(input.slug !== undefined, () =>
      createRecord<Partner>(ctx, {
        entity: Partner,
        values: { ...input },
        owners: () => ({ partnerIds: [input.parentPartnerId], institutionIds: [input.institutionId] }),
        verify: () => assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), foreign(input)),
        check: async (m) => {
          await assertLocalReferences(m, [{ entity: Partner, value: input.parentPartnerId, field: "input.parentPartnerId" }]);
          await checkSlug(m, input.slug);
        },
        complete: async (m) => (input.slug ? {} : { slug: await freeSlug(m, Partner, [input.acronym, input.nameEn], "partner") }),
        duplicate: () => slugTaken(input.slug),
      }),
    );
  }

  @Authorized("editor")
  @Mutation(() => Partner, { description: "Changes a partner at the version you last read." })
  updatePartner(
    @RecordIdArg("Partner") id: string,
    @VersionArg() version: number,
    @Arg("input", () => UpdatePartnerInput, { description: "The changes." }) input: UpdatePartnerInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, {
      entity: Partner,
      id: assertId(id),
      version,
      patch: { ...input },
      owners,
      verify: () => assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), foreign(input)),
      check: (merged, m) => checkSlug(m, input.slug, merged.id),
      duplicate: () => slugTaken(input.slug),
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes a partner (soft)." })
  deletePartner(@RecordIdArg("Partner") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Partner, id: assertId(id), version, owners });
  }
}
