import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { childPages, PageArgs, rowsByKey, type SubgraphContext } from "@sstc/common";
import { ProgramPartnership, ProgramPartnershipConnection } from "./partnership.entity";
import { Partner } from "../partner/partner.entity";
import { ProgramRef } from "../references/references.entity";

@Resolver(() => ProgramPartnership)
export class ProgramPartnershipResolver {
  @FieldResolver(() => ProgramRef, { description: "The programme." })
  program(@Root() partnership: ProgramPartnership): ProgramRef {
    return { id: partnership.programId };
  }

  @FieldResolver(() => Partner, { description: "The partner." })
  partner(@Root() partnership: ProgramPartnership, @Ctx() ctx: SubgraphContext) {
    return rowsByKey(ctx, Partner, "id").load(partnership.partnerId);
  }
}

@Resolver(() => ProgramRef)
export class ProgramRefResolver {
  @FieldResolver(() => ProgramPartnershipConnection, { description: "Partners of the programme and their roles." })
  partnerships(@Root() program: ProgramRef, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, ProgramPartnership, { parent: "programId", orderBy: ["role"] }, page).load(program.id);
  }
}
