import { BadUserInputError } from "@sstc/subgraph-kit";

/** An SDG target code as the UN writes it: goal 1–17, a dot, then a number without leading zero or a letter (4.6, 16.10, 6.b). */
export const SDG_TARGET = /^([1-9]|1[0-7])\.([1-9]\d?|[a-z])$/;

/** Refuses anything but an SDG goal number (1–17). */
export function assertSdgGoal(goal: number, argument: string): number {
  if (!Number.isInteger(goal) || goal < 1 || goal > 17) throw new BadUserInputError(`"${argument}" must be an SDG goal, 1–17; got ${goal}.`, { argument });
  return goal;
}

/** Refuses anything but an SDG target code of goals 1–17, e.g. "4.6" or "6.b" (letters are lower-cased). */
export function assertSdgTarget(target: string, argument: string): string {
  const code = target.trim().toLowerCase();
  const match = SDG_TARGET.exec(code);
  if (!match || Number(match[1]) < 1 || Number(match[1]) > 17) {
    throw new BadUserInputError(`"${argument}" must be an SDG target such as "4.6" or "6.b"; got ${JSON.stringify(target)}.`, { argument });
  }
  return code;
}

/** The goal a target code belongs to ("16.10" → 16). */
export const goalOfTarget = (target: string) => Number(target.split(".")[0]);

/** Orders target codes as the UN lists them: by goal, numbered targets by number, then lettered ones. */
export function compareTargets(a: string, b: string): number {
  const [ga, ta] = a.split(".");
  const [gb, tb] = b.split(".");
  if (ga !== gb) return Number(ga) - Number(gb);
  const na = /^\d+$/.test(ta) ? Number(ta) : Number.POSITIVE_INFINITY;
  const nb = /^\d+$/.test(tb) ? Number(tb) : Number.POSITIVE_INFINITY;
  return na !== nb ? na - nb : ta.localeCompare(tb);
}

/** The table rows for a programme's goals and targets; a goal without a listed target gets a row of its own. */
export function sdgRows(programId: string, goals: number[], targets: string[]): Array<{ programId: string; goal: number; target: string | null }> {
  const rows: Array<{ programId: string; goal: number; target: string | null }> = [...new Set(targets)].map((target) => ({
    programId,
    goal: goalOfTarget(target),
    target,
  }));
  const covered = new Set(rows.map((r) => r.goal));
  for (const goal of new Set(goals)) if (!covered.has(goal)) rows.push({ programId, goal, target: null });
  return rows;
}
