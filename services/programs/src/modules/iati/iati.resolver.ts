import { Arg, Ctx, Info, Query, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { NotFoundError, type SubgraphContext } from "@sstc/subgraph-kit";
import { ProgramFilter } from "../program/program.filters";
import { collectIatiPrograms } from "./iati-export";
import { toIatiActivities } from "./iati-mapping";
import { writeIatiActivities } from "./iati-xml-writer";

@Resolver()
export class IatiResolver {
  @Query(() => String, {
    nullable: true,
    description:
      "The programmes chosen (one by `programCode`, else those matching `filter`, else all) and their editions as an IATI 2.03 `iati-activities` XML document: each programme a parent activity (hierarchy 1), each edition a child (hierarchy 2). Holds what the caller may see and nothing else: the public gets published records and people acting in a public capacity only. See README, IATI.",
  })
  async iatiActivities(
    @Arg("programCode", () => String, { nullable: true, description: "One programme by its code, e.g. TPBIS-CP (then `filter` is not used)." })
    programCode: string | null | undefined,
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Conditions the programmes must meet, as in `programs`." })
    filter: ProgramFilter | null | undefined,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string> {
    const { programs, institutions } = await collectIatiPrograms(info.schema, ctx, { programCode, filter });
    if (programCode && programs.length === 0) throw new NotFoundError("Program", programCode);
    return writeIatiActivities(toIatiActivities(programs, institutions));
  }
}
