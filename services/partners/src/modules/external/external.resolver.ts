import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { In } from "typeorm";
import type { SubgraphContext } from "@sstc/subgraph-kit";
import { Partner } from "../partner/partner.entity";
import { InstitutionRef } from "./external.entity";

/**
 * The request's loader of the partner record of each institution: one
 * `IN (...)` statement for all institutions asked about. Should several live
 * partners name one institution, the oldest answers.
 */
function partnersByInstitution(ctx: SubgraphContext) {
  return ctx.loaders.get<string, Partner | null>("Partner.byInstitution", async (institutionIds) => {
    const rows = await ctx.db.getRepository(Partner).find({ where: { institutionId: In([...institutionIds]) }, order: { createdAt: "ASC", id: "ASC" } });
    const first = new Map<string, Partner>();
    for (const row of rows) if (!first.has(row.institutionId)) first.set(row.institutionId, row);
    return institutionIds.map((id) => first.get(id) ?? null);
  });
}

@Resolver(() => InstitutionRef)
export class InstitutionRefResolver {
  @FieldResolver(() => Partner, {
    nullable: true,
    description: "The diplomacy partner record of this institution (from the partners subgraph); null when the institution is not a partner.",
  })
  partner(@Root() institution: InstitutionRef, @Ctx() ctx: SubgraphContext) {
    return partnersByInstitution(ctx).load(institution.id);
  }
}
