import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { Not, type EntityManager } from "typeorm";
import {
  assertId,
  assertLocalReferences,
  assertReferencesExist,
  BadUserInputError,
  ConflictError,
  createRecord,
  deleteRecord,
  servicePrincipal,
  updateRecord,
  type FieldChange,
  type SubgraphContext,
} from "@sstc/common";
import { Program } from "./program.entity";
import { CreateProgramInput, UpdateProgramInput } from "./program.inputs.write";
import { ProgramSdgTarget } from "../sdg/program-sdg-target.entity";
import { compareTargets, goalOfTarget, sdgRows } from "../sdg/sdg-codes";

/** A programme belongs to the institution that leads it. */
const owners = (row: Pick<Program, "leadInstitutionId">) => ({ institutionIds: [row.leadInstitutionId] });

async function checkProgram(ctx: SubgraphContext, m: EntityManager, row: Partial<Program>, input: Partial<Program>, id?: string) {
  if (input.code && (await m.getRepository(Program).existsBy({ code: input.code, ...(id ? { id: Not(id) } : {}) }))) {
    throw new ConflictError(`Programme code ${input.code} is taken.`, { field: "input.code" });
  }
  if (id && row.parentProgramId === id) throw new BadUserInputError("A programme cannot be part of itself.", { field: "input.parentProgramId" });
  await assertLocalReferences(m, [{ entity: Program, typeName: "Program", value: input.parentProgramId, field: "input.parentProgramId" }]);
  if (input.leadInstitutionId) {
    await assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), "institutions", [{ typename: "Institution", key: input.leadInstitutionId, field: "input.leadInstitutionId" }]);
  }
}

function checkSdg(goals: number[], targets: string[]) {
  const stray = targets.filter((t) => !goals.includes(goalOfTarget(t)));
  if (stray.length) throw new BadUserInputError(`SDG targets ${stray.join(", ")} belong to goals not listed in sdgGoals.`, { field: "input.sdgTargets" });
}

/** Replaces a programme's SDG rows; returns the change for the audit trail (nothing when the lists are the same). */
async function replaceSdg(m: EntityManager, programId: string, goals: number[], targets: string[]): Promise<FieldChange[]> {
  const repo = m.getRepository(ProgramSdgTarget);
  const before = await repo.findBy({ programId });
  const text = (rows: Array<{ goal: number; target: string | null }>) =>
    JSON.stringify({ goals: [...new Set(rows.map((r) => r.goal))].sort((a, b) => a - b), targets: rows.flatMap((r) => (r.target ? [r.target] : [])).sort(compareTargets) });
  const next = sdgRows(programId, goals, targets);
  if (text(before) === text(next)) return [];
  await repo.delete({ programId });
  await repo.save(repo.create(next));
  return [{ field: "sdg", from: text(before), to: text(next) }];
}

@Resolver(() => Program)
export class ProgramMutations {
  @Mutation(() => Program, { description: "Creates a programme (editors: led by their own institution)." })
  createProgram(@Arg("input", () => CreateProgramInput, { description: "The programme." }) input: CreateProgramInput, @Ctx() ctx: SubgraphContext) {
    const { sdgGoals, sdgTargets, ...fields } = input;
    checkSdg(sdgGoals, sdgTargets);
    return ctx.db.transaction(async (m) => {
      await checkProgram(ctx, m, fields, fields);
      const program = await createRecord<Program>(ctx, Program, "Program", fields as Partial<Program>, owners(fields), m);
      await replaceSdg(m, program.id, sdgGoals, sdgTargets);
      return program;
    });
  }

  @Mutation(() => Program, { description: "Changes a programme at the version you last read; CONFLICT if it changed since." })
  updateProgram(
    @Arg("id", () => ID, { description: "Programme id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Arg("input", () => UpdateProgramInput, { description: "The changes." }) input: UpdateProgramInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { sdgGoals, sdgTargets, ...fields } = input;
    const programId = assertId(id);
    return updateRecord(
      ctx,
      Program,
      "Program",
      programId,
      version,
      fields as Partial<Program>,
      owners,
      (merged, m) => checkProgram(ctx, m, merged, fields as Partial<Program>, programId),
      async (_current, m) => {
        if (!sdgGoals && !sdgTargets) return [];
        const rows = await m.getRepository(ProgramSdgTarget).findBy({ programId });
        const goals = sdgGoals ?? [...new Set(rows.map((r) => r.goal))];
        const targets = sdgTargets ?? rows.flatMap((r) => (r.target ? [r.target] : []));
        checkSdg(goals, targets);
        return replaceSdg(m, programId, goals, targets);
      },
    );
  }

  @Mutation(() => ID, { description: "Deletes a programme (soft)." })
  deleteProgram(
    @Arg("id", () => ID, { description: "Programme id." }) id: string,
    @Arg("version", () => Int, { description: "The version you last read." }) version: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return deleteRecord(ctx, Program, "Program", assertId(id), version, owners);
  }
}
