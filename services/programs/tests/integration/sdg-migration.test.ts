import { createDataSource, type DataSourceSettings } from "@sstc/subgraph-kit";
import { createTestDatabase, type TestDatabase } from "@sstc/testkit";
import type { DataSource } from "typeorm";
import { InitialPrograms1732600000000 } from "../../src/migrations/1732600000000-InitialPrograms";
import { NormaliseSdgTargets1732700000000 } from "../../src/migrations/1732700000000-NormaliseSdgTargets";

/*
 * The SDG migration moves real data: programmes written with the JSON
 * columns come out as rows of program_sdg_targets, and `down` writes the
 * same JSON back. Runs on the database under test (SQLite or MariaDB).
 */
let database: TestDatabase;
const open = async (migrations: DataSourceSettings["migrations"]) => {
  const db = createDataSource({ url: database.env.DATABASE_URL, sqlitePath: database.env.SQLITE_PATH!, entities: [], migrations });
  await db.initialize();
  return db;
};
const both = [InitialPrograms1732600000000, NormaliseSdgTargets1732700000000];

beforeAll(async () => {
  database = await createTestDatabase("sdg_mig");
});
afterAll(() => database?.drop());

async function insertProgram(db: DataSource, id: string, code: string, goals: string, targets: string) {
  const e = (n: string) => db.driver.escape(n);
  const columns = ["id", "version", "createdAt", "updatedAt", "code", "titleEn", "sdgGoals", "sdgTargets", "status", "leadInstitutionId"];
  await db.query(`INSERT INTO ${e("programs")} (${columns.map(e).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`, [
    id,
    1,
    "2024-01-01 00:00:00.000",
    "2024-01-01 00:00:00.000",
    code,
    code,
    goals,
    targets,
    "IMPLEMENTATION",
    "00000000-0000-4000-8000-000100000001",
  ]);
}

/** An edition refers to its programme by foreign key: the migration must keep that intact both ways. */
async function insertEdition(db: DataSource, programId: string) {
  const e = (n: string) => db.driver.escape(n);
  const values: Record<string, unknown> = {
    id: "00000000-0000-4000-8000-000000000e01",
    version: 1,
    createdAt: "2024-01-01 00:00:00.000",
    updatedAt: "2024-01-01 00:00:00.000",
    programId,
    titleEn: "E",
    plannedStartDate: "2024-01-01",
    plannedEndDate: "2024-01-02",
    venueCountryCode: "ID",
    hostInstitutionId: programId,
    invitedCountryCodes: "[]",
    status: "PIPELINE",
  };
  await db.query(
    `INSERT INTO ${e("editions")} (${Object.keys(values).map(e).join(", ")}) VALUES (${Object.keys(values)
      .map(() => "?")
      .join(", ")})`,
    Object.values(values),
  );
}

it("moves JSON goals and targets into rows, and back on revert", async () => {
  const before = await open([InitialPrograms1732600000000]);
  try {
    await before.runMigrations({ transaction: "each" });
    await insertProgram(before, "00000000-0000-4000-8000-000000000a01", "A", "[4,10,16]", '["4.6","10.2"]');
    await insertProgram(before, "00000000-0000-4000-8000-000000000a02", "B", "[]", "[]");
    await insertProgram(before, "00000000-0000-4000-8000-000000000a03", "C", "[6]", '["6.b","17.9"]');
    await insertEdition(before, "00000000-0000-4000-8000-000000000a01");
  } finally {
    await before.destroy();
  }

  const db = await open(both);
  try {
    await db.runMigrations({ transaction: "each" });
    const e = (n: string) => db.driver.escape(n);
    const rows: Array<{ programId: string; goal: number | string; target: string | null }> = await db.query(
      `SELECT ${e("programId")}, ${e("goal")}, ${e("target")} FROM ${e("program_sdg_targets")}`,
    );
    const moved = rows.map((r) => `${r.programId.slice(-3)} ${Number(r.goal)} ${r.target ?? "-"}`).sort();
    expect(moved).toEqual(["a01 10 10.2", "a01 16 -", "a01 4 4.6", "a03 17 17.9", "a03 6 6.b"]);
    const runner = db.createQueryRunner();
    const columns = (await runner.getTable("programs"))!.columns.map((c) => c.name);
    await runner.release();
    expect(columns).not.toContain("sdgGoals");
    expect(columns).not.toContain("sdgTargets");

    await db.undoLastMigration({ transaction: "each" });
    const restored: Array<{ code: string; sdgGoals: string; sdgTargets: string }> = await db.query(
      `SELECT ${e("code")}, ${e("sdgGoals")}, ${e("sdgTargets")} FROM ${e("programs")} ORDER BY ${e("code")}`,
    );
    expect(restored.map((r) => [r.code, JSON.parse(r.sdgGoals), JSON.parse(r.sdgTargets)])).toEqual([
      ["A", [4, 10, 16], ["4.6", "10.2"]],
      ["B", [], []],
      ["C", [6, 17], ["6.b", "17.9"]],
    ]);
  } finally {
    await db.destroy();
  }
});
