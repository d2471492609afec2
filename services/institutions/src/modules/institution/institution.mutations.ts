import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { Not, type EntityManager } from "typeorm";
import {
  assertId,
  assertLocalReferences,
  BadUserInputError,
  createRecord,
  createWithSlug,
  freeSlug,
  slugTaken,
  deleteRecord,
  updateRecord,
  type SubgraphContext,
  RecordIdArg,
  VersionArg,
} from "@sstc/subgraph-kit";
import { Institution } from "./institution.entity";
import { CreateInstitutionInput, UpdateInstitutionInput } from "./institution.inputs";
import { Country } from "../country/country.entity";
import { AdministrativeArea } from "../area/area.entity";

/** An institution belongs to itself and to the institution it is part of. */
const owners = (row: Pick<Institution, "id" | "parentId">) => ({ institutionIds: [row.id, row.parentId] });

function checkReferences(manager: EntityManager, row: Partial<Institution>, prefix: string) {
  return assertLocalReferences(manager, [
    { entity: Country, column: "code", value: row.countryCode, field: `${prefix}.countryCode` },
    { entity: AdministrativeArea, value: row.areaId, field: `${prefix}.areaId` },
    { entity: Institution, value: row.parentId, field: `${prefix}.parentId` },
  ]);
}

/** A slug the client chose must be free among live institutions (the unique index has the last word). */
async function checkSlug(manager: EntityManager, slug: string | undefined, id?: string) {
  if (slug && (await manager.getRepository(Institution).existsBy({ slug, ...(id ? { id: Not(id) } : {}) }))) throw slugTaken(slug);
}

@Resolver(() => Institution)
export class InstitutionMutations {
  @Authorized("editor")
  @Mutation(() => Institution, { description: "Creates an institution (editors: only as a unit of their own institution)." })
  async createInstitution(
    @Arg("input", () => CreateInstitutionInput, { description: "The institution." }) input: CreateInstitutionInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return createWithSlug(input.slug !== undefined, () =>
      createRecord<Institution>(ctx, {
        entity: Institution,
        values: { ...input },
        owners: () => ({ institutionIds: [input.parentId] }),
        check: async (m) => {
          await checkReferences(m, input, "input");
          await checkSlug(m, input.slug);
        },
        complete: async (m) => (input.slug ? {} : { slug: await freeSlug(m, Institution, [input.acronym, input.nameEn], "institution") }),
        duplicate: () => slugTaken(input.slug),
      }),
    );
  }

  @Authorized("editor")
  @Mutation(() => Institution, { description: "Changes an institution at the version you last read; CONFLICT if it changed since." })
  updateInstitution(
    @RecordIdArg("Institution") id: string,
    @VersionArg() version: number,
    @Arg("input", () => UpdateInstitutionInput, { description: "The changes." }) input: UpdateInstitutionInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return updateRecord(ctx, {
      entity: Institution,
      id: assertId(id),
      version,
      patch: { ...input },
      owners,
      check: async (merged, m) => {
        if (merged.parentId === merged.id) throw new BadUserInputError("An institution cannot be part of itself.", { field: "input.parentId" });
        await checkReferences(m, input, "input");
        await checkSlug(m, input.slug, merged.id);
      },
      duplicate: () => slugTaken(input.slug),
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes an institution (soft: kept in the database, hidden everywhere)." })
  deleteInstitution(@RecordIdArg("Institution") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Institution, id: assertId(id), version, owners });
  }
}
