import { AuditTrail1732800000000, createDataSource, type DataSourceSettings } from "@sstc/subgraph-kit";
import { createTestDatabase, type TestDatabase } from "@sstc/testkit";
import type { DataSource } from "typeorm";
import { InitialInstitutions1732600000000 } from "../../src/migrations/1732600000000-InitialInstitutions";
import { PublicCapacity1733100000000 } from "../../src/migrations/1733100000000-PublicCapacity";
import { InstitutionSlugs1733200000000 } from "../../src/migrations/1733200000000-InstitutionSlugs";

/*
 * Institutions recorded before slugs existed get one: from the acronym,
 * else the name, numbered where two would collide (the older keeps the
 * plain slug), and the live-unique index holds afterwards. Runs on the
 * database under test (SQLite or MariaDB).
 */
let database: TestDatabase;
const open = async (migrations: DataSourceSettings["migrations"]) => {
  const db = createDataSource({ url: database.env.DATABASE_URL, sqlitePath: database.env.SQLITE_PATH!, entities: [], migrations });
  await db.initialize();
  return db;
};
const before = [InitialInstitutions1732600000000, AuditTrail1732800000000, PublicCapacity1733100000000];
const id = (n: number) => `00000000-0000-4000-8000-00000000b${String(n).padStart(3, "0")}`;

beforeAll(async () => {
  database = await createTestDatabase("slug_mig");
});
afterAll(() => database?.drop());

async function insertInstitution(db: DataSource, n: number, nameEn: string, acronym: string | null, deleted = false) {
  const e = (name: string) => db.driver.escape(name);
  const at = `2024-01-01 00:00:0${n}.000`;
  const values: Record<string, unknown> = {
    id: id(n),
    version: 1,
    createdAt: at,
    updatedAt: at,
    deletedAt: deleted ? at : null,
    nameEn,
    acronym,
    type: "NGO",
    countryCode: "ID",
  };
  await db.query(
    `INSERT INTO ${e("institutions")} (${Object.keys(values).map(e).join(", ")}) VALUES (${Object.keys(values)
      .map(() => "?")
      .join(", ")})`,
    Object.values(values),
  );
}

it("gives existing institutions slugs from acronym or name, unique among live ones, and reverts", async () => {
  const old = await open(before);
  try {
    await old.runMigrations({ transaction: "each" });
    await old.query(`INSERT INTO ${old.driver.escape("countries")} VALUES ('ID', 'IDN', 'Indonesia', NULL, 'South-eastern Asia', 1, NULL)`);
    await insertInstitution(old, 1, "National Library of Indonesia", "Perpusnas", true);
    await insertInstitution(old, 2, "National Library of Indonesia", "Perpusnas");
    await insertInstitution(old, 3, "Perpusnas Regional Office", "PERPUSNAS");
    await insertInstitution(old, 4, "Bibliothèque Numérique", null);
    await insertInstitution(old, 5, "日本図書館", null);
  } finally {
    await old.destroy();
  }

  const db = await open([...before, InstitutionSlugs1733200000000]);
  try {
    await db.runMigrations({ transaction: "each" });
    const e = (name: string) => db.driver.escape(name);
    const rows: Array<{ id: string; slug: string }> = await db.query(`SELECT ${e("id")}, ${e("slug")} FROM ${e("institutions")} ORDER BY ${e("id")}`);
    // Live rows first, oldest first: the live Perpusnas keeps the plain slug; the deleted one takes what is left.
    expect(Object.fromEntries(rows.map((r) => [r.id.slice(-4), r.slug]))).toEqual({
      b001: "national-library-of-indonesia",
      b002: "perpusnas",
      b003: "perpusnas-regional-office",
      b004: "bibliotheque-numerique",
      b005: "institution",
    });
    await expect(db.query(`UPDATE ${e("institutions")} SET ${e("slug")} = 'perpusnas' WHERE ${e("id")} = ?`, [id(3)])).rejects.toThrow();
    // A deleted institution's slug may be taken again.
    await db.query(`UPDATE ${e("institutions")} SET ${e("slug")} = 'national-library-of-indonesia' WHERE ${e("id")} = ?`, [id(4)]);

    await db.undoLastMigration({ transaction: "each" });
    const runner = db.createQueryRunner();
    const columns = (await runner.getTable("institutions"))!.columns.map((c) => c.name);
    await runner.release();
    expect(columns).not.toContain("slug");
    expect(columns).not.toContain("liveRow");
  } finally {
    await db.destroy();
  }
});
