import { In } from "typeorm";
import type { SubgraphContext } from "@sstc/subgraph-kit";
import { ProgramSdgTarget } from "./program-sdg-target.entity";
import { compareTargets } from "./sdg-codes";

/** A programme's SDG goals and targets, in UN order. */
export interface SdgAlignment {
  goals: number[];
  targets: string[];
}

/**
 * The request's loader of SDG alignments by programme id: one `IN (...)`
 * statement for every programme of a response, however many there are.
 */
export function sdgAlignmentByProgramId(ctx: SubgraphContext) {
  return ctx.loaders.get<string, SdgAlignment>("Program.sdgAlignment", async (programIds) => {
    const rows = await ctx.db.getRepository(ProgramSdgTarget).findBy({ programId: In([...programIds]) });
    const byProgram = new Map<string, { goals: Set<number>; targets: Set<string> }>();
    for (const row of rows) {
      const entry = byProgram.get(row.programId) ?? { goals: new Set(), targets: new Set() };
      entry.goals.add(row.goal);
      if (row.target) entry.targets.add(row.target);
      byProgram.set(row.programId, entry);
    }
    return programIds.map((id) => {
      const entry = byProgram.get(id);
      return {
        goals: [...(entry?.goals ?? [])].sort((a, b) => a - b),
        targets: [...(entry?.targets ?? [])].sort(compareTargets),
      };
    });
  });
}
