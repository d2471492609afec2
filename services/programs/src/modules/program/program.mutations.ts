import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
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
  RecordIdArg,
  VersionArg,
} from "@sstc/subgraph-kit";
import { Program } from "./program.entity";
import { CreateProgramInput, UpdateProgramInput } from "./program.inputs";
import { ProgramSdgTarget } from "../sdg/program-sdg-target.entity";
import { compareTargets, goalOfTarget, sdgRows } from "../sdg/sdg-codes";

/** A programme belongs to the institution that leads it. */
const owners = (row: Pick<Program, "leadInstitutionId">) => ({ institutionIds: [row.leadInstitutionId] });

const codeTaken = (code: string | undefined) => () => new ConflictError(`Programme code ${code} is taken.`, { field: "input.code" });

/** The lead institution lives in the institutions subgraph: asked before any transaction opens. */
async function verifyLead(ctx: SubgraphContext, input: Partial<Program>) {
  if (input.leadInstitutionId) {
    await assertReferencesExist(ctx.links, servicePrincipal(ctx.links.self), [
      { typename: "Institution", key: input.leadInstitutionId, field: "input.leadInstitutionId" },
    ]);
  }
}

/** What this database can answer: the code is free among live programmes, the parent exists and is not the programme itself. */
async function checkProgram(m: EntityManager, row: Partial<Program>, input: Partial<Program>, id?: string) {
  if (input.code && (await m.getRepository(Program).existsBy({ code: input.code, ...(id ? { id: Not(id) } : {}) }))) throw codeTaken(input.code)();
  if (id && row.parentProgramId === id) throw new BadUserInputError("A programme cannot be part of itself.", { field: "input.parentProgramId" });
  await assertLocalReferences(m, [{ entity: Program, value: input.parentProgramId, field: "input.parentProgramId" }]);
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
    JSON.stringify({
      goals: [...new Set(rows.map((r) => r.goal))].sort((a, b) => a - b),
      targets: rows.flatMap((r) => (r.target ? [r.target] : [])).sort(compareTargets),
    });
  const next = sdgRows(programId, goals, targets);
  if (text(before) === text(next)) return [];
  await repo.delete({ programId });
  await repo.save(repo.create(next));
  return [{ field: "sdg", from: text(before), to: text(next) }];
}

@Resolver(() => Program)
export class ProgramMutations {
  @Authorized("editor")
  @Mutation(() => Program, { description: "Creates a programme (editors: led by their own institution)." })
  createProgram(@Arg("input", () => CreateProgramInput, { description: "The programme." }) input: CreateProgramInput, @Ctx() ctx: SubgraphContext) {
    const { sdgGoals, sdgTargets, ...fields } = input;
    return createRecord<Program>(ctx, {
      entity: Program,
      values: fields as Partial<Program>,
      owners: () => owners(fields),
      verify: async () => {
        checkSdg(sdgGoals, sdgTargets);
        await verifyLead(ctx, fields as Partial<Program>);
      },
      check: (m) => checkProgram(m, fields as Partial<Program>, fields as Partial<Program>),
      after: async (program, m) => {
        await replaceSdg(m, program.id, sdgGoals, sdgTargets);
      },
      duplicate: codeTaken(fields.code),
    });
  }

  @Authorized("editor")
  @Mutation(() => Program, { description: "Changes a programme at the version you last read; CONFLICT if it changed since." })
  updateProgram(
    @RecordIdArg("Programme") id: string,
    @VersionArg() version: number,
    @Arg("input", () => UpdateProgramInput, { description: "The changes." }) input: UpdateProgramInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { sdgGoals, sdgTargets, ...fields } = input;
    const programId = assertId(id);
    const patch = fields as Partial<Program>;
    return updateRecord(ctx, {
      entity: Program,
      id: programId,
      version,
      patch,
      owners,
      verify: () => verifyLead(ctx, patch),
      check: (merged, m) => checkProgram(m, merged, patch, programId),
      sideChanges: async (_current, m) => {
        if (!sdgGoals && !sdgTargets) return [];
        const rows = await m.getRepository(ProgramSdgTarget).findBy({ programId });
        const goals = sdgGoals ?? [...new Set(rows.map((r) => r.goal))];
        const targets = sdgTargets ?? rows.flatMap((r) => (r.target ? [r.target] : []));
        checkSdg(goals, targets);
        return replaceSdg(m, programId, goals, targets);
      },
      duplicate: codeTaken(fields.code),
    });
  }

  @Authorized("editor")
  @Mutation(() => ID, { description: "Deletes a programme (soft)." })
  deleteProgram(@RecordIdArg("Programme") id: string, @VersionArg() version: number, @Ctx() ctx: SubgraphContext) {
    return deleteRecord(ctx, { entity: Program, id: assertId(id), version, owners });
  }
}
