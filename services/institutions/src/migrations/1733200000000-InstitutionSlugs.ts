import type { MigrationInterface, QueryRunner } from "typeorm";
import { assignSlugs, createLiveUniqueIndex, dropLiveUniqueIndex } from "@sstc/subgraph-kit";

/**
 * Institutions get a slug for portal addresses (institutionBySlug), unique
 * among live institutions. Existing ones get one from their acronym, else
 * their English name, numbered where two would collide, oldest first, so
 * the older institution keeps the plain slug. The column is added in place
 * (plain ALTER TABLE: on SQLite TypeORM's addColumn rebuilds the table,
 * impossible in a migration's transaction for a table others reference),
 * hence nullable; every write path sets it.
 */
export class InstitutionSlugs1733200000000 implements MigrationInterface {
  name = "InstitutionSlugs1733200000000";

  async up(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    await q.query(`ALTER TABLE ${e("institutions")} ADD COLUMN ${e("slug")} varchar(80) NULL`);
    const rows: Array<{ id: string; acronym: string | null; nameEn: string }> = await q.query(
      `SELECT ${e("id")}, ${e("acronym")}, ${e("nameEn")} FROM ${e("institutions")} ORDER BY ${e("deletedAt")} IS NOT NULL, ${e("createdAt")}, ${e("id")}`,
    );
    const slugs = assignSlugs(
      rows.map((r) => ({ id: r.id, candidates: [r.acronym, r.nameEn] })),
      "institution",
    );
    for (const [id, slug] of slugs) await q.query(`UPDATE ${e("institutions")} SET ${e("slug")} = ? WHERE ${e("id")} = ?`, [slug, id]);
    await createLiveUniqueIndex(q, "institutions", "UQ_institution_slug_live", ["slug"]);
  }

  async down(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    await dropLiveUniqueIndex(q, "institutions", "UQ_institution_slug_live");
    await q.query(`ALTER TABLE ${e("institutions")} DROP COLUMN ${e("slug")}`);
  }
}
