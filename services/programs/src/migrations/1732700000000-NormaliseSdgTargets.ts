import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { isMysql, newId } from "@sstc/subgraph-kit";
import { compareTargets, sdgRows } from "../modules/sdg/sdg-codes";

/** Rows per INSERT when moving data, so one statement stays well under any packet limit. */
const CHUNK = 200;

/**
 * Moves SDG alignment from two JSON text columns on `programs` into
 * `program_sdg_targets` (one row per target, or per goal without a named
 * target), so filters and statistics by goal or target use an index
 * instead of matching JSON text. `down` rebuilds the JSON columns.
 */
export class NormaliseSdgTargets1732700000000 implements MigrationInterface {
  name = "NormaliseSdgTargets1732700000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "program_sdg_targets",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "programId", type: "varchar", length: "36" },
          { name: "goal", type: "int" },
          { name: "target", type: "varchar", length: "8", isNullable: true },
        ],
        indices: [
          new TableIndex({ name: "IX_sdg_program", columnNames: ["programId"] }),
          new TableIndex({ name: "IX_sdg_goal", columnNames: ["goal", "programId"] }),
          new TableIndex({ name: "IX_sdg_target", columnNames: ["target", "programId"] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: "FK_program_sdg_targets_programId",
            columnNames: ["programId"],
            referencedTableName: "programs",
            referencedColumnNames: ["id"],
          }),
        ],
      }),
    );
    const e = (name: string) => q.connection.driver.escape(name);
    const programs: Array<{ id: string; sdgGoals: string; sdgTargets: string }> = await q.query(
      `SELECT ${e("id")}, ${e("sdgGoals")}, ${e("sdgTargets")} FROM ${e("programs")}`,
    );
    const rows = programs.flatMap((p) => sdgRows(p.id, parseList<number>(p.sdgGoals, p.id), parseList<string>(p.sdgTargets, p.id).map(String)));
    for (const row of rows) {
      if (!Number.isInteger(row.goal) || row.goal < 1 || row.goal > 17)
        throw new Error(`Programme ${row.programId} has an SDG entry that is not a goal 1–17: ${row.target ?? row.goal}.`);
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await q.query(
        `INSERT INTO ${e("program_sdg_targets")} (${["id", "programId", "goal", "target"].map(e).join(", ")}) VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}`,
        chunk.flatMap((r) => [newId(), r.programId, r.goal, r.target]),
      );
    }
    await q.dropColumn("programs", "sdgGoals");
    await q.dropColumn("programs", "sdgTargets");
  }

  async down(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    if (isMysql(q.connection)) {
      // Added nullable, filled, then made NOT NULL: MySQL allows no literal default on TEXT.
      await q.addColumns("programs", [
        new TableColumn({ name: "sdgGoals", type: "text", isNullable: true }),
        new TableColumn({ name: "sdgTargets", type: "text", isNullable: true }),
      ]);
      await q.query(`UPDATE ${e("programs")} SET ${e("sdgGoals")} = '[]', ${e("sdgTargets")} = '[]'`);
    } else {
      // SQLite adds a NOT NULL column in place when it has a default. TypeORM's addColumn would
      // rebuild the table instead, and reverts run inside a transaction, where SQLite cannot
      // switch foreign keys off: dropping the old programmes table would break editions' keys.
      for (const name of ["sdgGoals", "sdgTargets"]) await q.query(`ALTER TABLE ${e("programs")} ADD COLUMN ${e(name)} text NOT NULL DEFAULT '[]'`);
    }
    const rows: Array<{ programId: string; goal: number | string; target: string | null }> = await q.query(
      `SELECT ${e("programId")}, ${e("goal")}, ${e("target")} FROM ${e("program_sdg_targets")}`,
    );
    const byProgram = new Map<string, { goals: Set<number>; targets: Set<string> }>();
    for (const row of rows) {
      const entry = byProgram.get(row.programId) ?? { goals: new Set<number>(), targets: new Set<string>() };
      entry.goals.add(Number(row.goal));
      if (row.target) entry.targets.add(row.target);
      byProgram.set(row.programId, entry);
    }
    for (const [programId, { goals, targets }] of byProgram) {
      await q.query(`UPDATE ${e("programs")} SET ${e("sdgGoals")} = ?, ${e("sdgTargets")} = ? WHERE ${e("id")} = ?`, [
        JSON.stringify([...goals].sort((a, b) => a - b)),
        JSON.stringify([...targets].sort(compareTargets)),
        programId,
      ]);
    }
    if (isMysql(q.connection)) {
      for (const name of ["sdgGoals", "sdgTargets"]) await q.changeColumn("programs", name, new TableColumn({ name, type: "text", isNullable: false }));
    }
    await q.dropTable("program_sdg_targets");
  }
}

/** Reads one of the old JSON array columns; anything else stops the migration rather than losing data. */
function parseList<T>(json: string | null, programId: string): T[] {
  if (json === null || json === "") return [];
  try {
    const value = JSON.parse(json) as unknown;
    if (Array.isArray(value)) return value as T[];
  } catch {
    /* reported below */
  }
  throw new Error(`Programme ${programId} has SDG data that is not a JSON array: ${json.slice(0, 60)}`);
}
