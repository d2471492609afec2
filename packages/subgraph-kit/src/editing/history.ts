import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root, type ClassType } from "type-graphql";
import { assertId } from "../ids";
import { childPages } from "../loaders";
import { PageArgs, paginate } from "../pagination";
import { typeNameOf } from "../record";
import type { SubgraphContext } from "../subgraph";
import { AuditEntry, AuditEntryConnection } from "./audit.entity";

/** Adds `history` (its audit entries, oldest first; editor role and above) to an editable type. */
export function historyResolver<T extends { id: string }>(type: ClassType<T>) {
  // The name the records' audit entries are filed under (editing/records.ts).
  const typeName = typeNameOf(type);
  @Resolver(() => type)
  class HistoryResolver {
    @Authorized("editor")
    @FieldResolver(() => AuditEntryConnection, {
      nullable: true,
      description: `Changes to this ${typeName}, oldest first (editor role and above: null with FORBIDDEN below it).`,
    })
    history(@Root() row: T, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
      return childPages(
        ctx,
        AuditEntry,
        { parent: "entityId", orderBy: ["at"], where: "t.entityType = :entityType", parameters: { entityType: typeName } },
        page,
      ).load(row.id);
    }
  }
  Object.defineProperty(HistoryResolver, "name", { value: `${typeName}HistoryResolver` });
  return HistoryResolver;
}

/** The root query `<subgraph>AuditTrail`: every change this subgraph recorded, oldest first (admin role). */
export function auditTrailResolver(subgraph: string) {
  @Resolver()
  class AuditTrailResolver {
    @Authorized("admin")
    @Query(() => AuditEntryConnection, {
      name: `${subgraph}AuditTrail`,
      nullable: true,
      description: `Changes recorded by the ${subgraph} subgraph, oldest first (admin role: null with FORBIDDEN below it).`,
    })
    auditTrail(
      @Args() page: PageArgs,
      @Arg("entityType", () => String, { nullable: true, description: "Only changes to this type, e.g. Program." }) entityType: string | undefined,
      @Arg("entityId", () => String, { nullable: true, description: "Only changes to this record." }) entityId: string | undefined,
      @Arg("actor", () => String, { nullable: true, description: "Only changes by this actor." }) actor: string | undefined,
      @Ctx() ctx: SubgraphContext,
    ) {
      const qb = ctx.db.getRepository(AuditEntry).createQueryBuilder("a");
      if (entityType) qb.andWhere("a.entityType = :entityType", { entityType });
      if (entityId) qb.andWhere("a.entityId = :entityId", { entityId: assertId(entityId, "entityId") });
      if (actor) qb.andWhere("a.actor = :actor", { actor });
      return paginate(qb, page, { property: "at" });
    }
  }
  return AuditTrailResolver;
}
