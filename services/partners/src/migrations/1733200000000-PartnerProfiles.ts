import type { MigrationInterface, QueryRunner } from "typeorm";
import { assignSlugs, createLiveUniqueIndex, dropLiveUniqueIndex } from "@sstc/subgraph-kit";

/**
 * What a portal's partner page needs: a slug for its address (partnerBySlug),
 * unique among live partners, a bilingual description and a website.
 * Existing partners get a slug from their acronym, else their English name,
 * numbered where two would collide, oldest first. Columns are added in place
 * (plain ALTER TABLE: on SQLite TypeORM's addColumn rebuilds the table,
 * impossible in a migration's transaction for a table others reference),
 * hence the slug is nullable in the database; every write path sets it.
 */
export class PartnerProfiles1733200000000 implements MigrationInterface {
  name = "PartnerProfiles1733200000000";

  async up(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    await q.query(`ALTER TABLE ${e("partners")} ADD COLUMN ${e("slug")} varchar(80) NULL`);
    await q.query(`ALTER TABLE ${e("partners")} ADD COLUMN ${e("descriptionEn")} text NULL`);
    await q.query(`ALTER TABLE ${e("partners")} ADD COLUMN ${e("descriptionId")} text NULL`);
    await q.query(`ALTER TABLE ${e("partners")} ADD COLUMN ${e("website")} varchar(255) NULL`);
    const rows: Array<{ id: string; acronym: string | null; nameEn: string }> = await q.query(
      `SELECT ${e("id")}, ${e("acronym")}, ${e("nameEn")} FROM ${e("partners")} ORDER BY ${e("deletedAt")} IS NOT NULL, ${e("createdAt")}, ${e("id")}`,
    );
    const slugs = assignSlugs(
      rows.map((r) => ({ id: r.id, candidates: [r.acronym, r.nameEn] })),
      "partner",
    );
    for (const [id, slug] of slugs) await q.query(`UPDATE ${e("partners")} SET ${e("slug")} = ? WHERE ${e("id")} = ?`, [slug, id]);
    await createLiveUniqueIndex(q, "partners", "UQ_partner_slug_live", ["slug"]);
  }

  async down(q: QueryRunner): Promise<void> {
    const e = (name: string) => q.connection.driver.escape(name);
    await dropLiveUniqueIndex(q, "partners", "UQ_partner_slug_live");
    for (const column of ["website", "descriptionId", "descriptionEn", "slug"]) await q.query(`ALTER TABLE ${e("partners")} DROP COLUMN ${e(column)}`);
  }
}
