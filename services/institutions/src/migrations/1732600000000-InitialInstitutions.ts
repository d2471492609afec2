import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { idColumn, recordColumns, textColumn } from "@sstc/subgraph-kit";

/** Countries, administrative areas, institutions and people. QueryRunner API so it runs on SQLite and MySQL alike. */
export class InitialInstitutions1732600000000 implements MigrationInterface {
  name = "InitialInstitutions1732600000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "countries",
        columns: [
          { name: "code", type: "varchar", length: "2", isPrimary: true },
          textColumn("alpha3", 3),
          textColumn("nameEn", 120),
          textColumn("nameId", 120, true),
          textColumn("region", 60),
          { name: "colomboPlanMember", type: "boolean", default: false },
          { name: "colomboPlanJoinedYear", type: "int", isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "administrative_areas",
        columns: [
          ...recordColumns(),
          textColumn("code", 20, true),
          textColumn("nameEn", 160),
          textColumn("nameId", 160, true),
          textColumn("level", 20),
          textColumn("countryCode", 2),
          idColumn("parentId", true),
        ],
        indices: [new TableIndex({ name: "UQ_area_code", columnNames: ["code"], isUnique: true })],
        foreignKeys: [
          new TableForeignKey({ name: "FK_area_country", columnNames: ["countryCode"], referencedTableName: "countries", referencedColumnNames: ["code"] }),
          new TableForeignKey({
            name: "FK_area_parent",
            columnNames: ["parentId"],
            referencedTableName: "administrative_areas",
            referencedColumnNames: ["id"],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "institutions",
        columns: [
          ...recordColumns(),
          textColumn("nameEn"),
          textColumn("nameId", 255, true),
          textColumn("acronym", 40, true),
          textColumn("type", 40),
          textColumn("countryCode", 2),
          idColumn("areaId", true),
          idColumn("parentId", true),
          textColumn("website", 255, true),
        ],
        indices: [
          new TableIndex({ name: "IX_institution_name", columnNames: ["nameEn", "id"] }),
          new TableIndex({ name: "IX_institution_country", columnNames: ["countryCode"] }),
          new TableIndex({ name: "IX_institution_parent", columnNames: ["parentId"] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: "FK_institution_country",
            columnNames: ["countryCode"],
            referencedTableName: "countries",
            referencedColumnNames: ["code"],
          }),
          new TableForeignKey({
            name: "FK_institution_area",
            columnNames: ["areaId"],
            referencedTableName: "administrative_areas",
            referencedColumnNames: ["id"],
          }),
          new TableForeignKey({ name: "FK_institution_parent", columnNames: ["parentId"], referencedTableName: "institutions", referencedColumnNames: ["id"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "people",
        columns: [
          ...recordColumns(),
          textColumn("fullName", 160),
          { name: "isPlaceholder", type: "boolean", default: false },
          textColumn("positionEn", 255, true),
          textColumn("positionId", 255, true),
          idColumn("institutionId", true),
          textColumn("email", 255, true),
          textColumn("phone", 40, true),
          textColumn("gender", 20, true),
        ],
        indices: [new TableIndex({ name: "IX_person_institution", columnNames: ["institutionId"] })],
        foreignKeys: [
          new TableForeignKey({
            name: "FK_person_institution",
            columnNames: ["institutionId"],
            referencedTableName: "institutions",
            referencedColumnNames: ["id"],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["people", "institutions", "administrative_areas", "countries"]) await q.dropTable(table);
  }
}
