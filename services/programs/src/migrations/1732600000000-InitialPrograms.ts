import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { idColumn, recordColumns, textColumn } from "@sstc/subgraph-kit";

/**
 * Programmes, editions, activities, participations and commitments.
 * References to institutions, countries, areas and people live in another
 * subgraph's database, so they are plain indexed columns, not foreign keys.
 */
export class InitialPrograms1732600000000 implements MigrationInterface {
  name = "InitialPrograms1732600000000";

  async up(q: QueryRunner): Promise<void> {
    const fk = (table: string, column: string, target: string) =>
      new TableForeignKey({ name: `FK_${table}_${column}`, columnNames: [column], referencedTableName: target, referencedColumnNames: ["id"] });
    await q.createTable(
      new Table({
        name: "programs",
        columns: [
          ...recordColumns(),
          textColumn("code", 40),
          textColumn("titleEn"),
          textColumn("titleId", 255, true),
          { name: "summaryEn", type: "text", isNullable: true },
          { name: "summaryId", type: "text", isNullable: true },
          textColumn("themeEn", 120, true),
          textColumn("themeId", 120, true),
          { name: "sdgGoals", type: "text" },
          { name: "sdgTargets", type: "text" },
          textColumn("modality", 20, true),
          textColumn("status", 20),
          idColumn("leadInstitutionId"),
          idColumn("parentProgramId", true),
        ],
        indices: [
          new TableIndex({ name: "UQ_program_code", columnNames: ["code"], isUnique: true }),
          new TableIndex({ name: "IX_program_lead", columnNames: ["leadInstitutionId"] }),
          new TableIndex({ name: "IX_program_parent", columnNames: ["parentProgramId"] }),
        ],
        foreignKeys: [fk("programs", "parentProgramId", "programs")],
      }),
    );
    await q.createTable(
      new Table({
        name: "editions",
        columns: [
          ...recordColumns(),
          idColumn("programId"),
          textColumn("titleEn"),
          textColumn("titleId", 255, true),
          { name: "plannedStartDate", type: "date" },
          { name: "plannedEndDate", type: "date" },
          { name: "actualStartDate", type: "date", isNullable: true },
          { name: "actualEndDate", type: "date", isNullable: true },
          textColumn("venueEn", 255, true),
          textColumn("venueId", 255, true),
          textColumn("venueCountryCode", 2),
          idColumn("venueAreaId", true),
          idColumn("hostInstitutionId"),
          { name: "invitedCountryCodes", type: "text" },
          textColumn("status", 20),
        ],
        indices: [
          new TableIndex({ name: "IX_edition_program", columnNames: ["programId", "plannedStartDate"] }),
          new TableIndex({ name: "IX_edition_host", columnNames: ["hostInstitutionId"] }),
          new TableIndex({ name: "IX_edition_venue_country", columnNames: ["venueCountryCode"] }),
          new TableIndex({ name: "IX_edition_start", columnNames: ["plannedStartDate", "id"] }),
        ],
        foreignKeys: [fk("editions", "programId", "programs")],
      }),
    );
    await q.createTable(
      new Table({
        name: "activities",
        columns: [
          ...recordColumns(),
          idColumn("editionId"),
          textColumn("kind", 20),
          textColumn("titleEn"),
          textColumn("titleId", 255, true),
          { name: "descriptionEn", type: "text", isNullable: true },
          { name: "descriptionId", type: "text", isNullable: true },
          { name: "date", type: "date", isNullable: true },
          { name: "sequence", type: "int", default: 0 },
          idColumn("siteInstitutionId", true),
        ],
        indices: [new TableIndex({ name: "IX_activity_edition", columnNames: ["editionId", "sequence"] })],
        foreignKeys: [fk("activities", "editionId", "editions")],
      }),
    );
    await q.createTable(
      new Table({
        name: "participations",
        columns: [
          ...recordColumns(),
          idColumn("editionId"),
          idColumn("personId"),
          textColumn("role", 20),
          textColumn("status", 20),
          textColumn("countryCode", 2),
          idColumn("institutionId", true),
          idColumn("areaId", true),
          textColumn("gender", 20, true),
          textColumn("note", 255, true),
        ],
        indices: [
          new TableIndex({ name: "IX_participation_edition", columnNames: ["editionId", "countryCode"] }),
          new TableIndex({ name: "IX_participation_country", columnNames: ["countryCode", "editionId"] }),
          new TableIndex({ name: "IX_participation_person", columnNames: ["personId"] }),
        ],
        foreignKeys: [fk("participations", "editionId", "editions")],
      }),
    );
    await q.createTable(
      new Table({
        name: "commitments",
        columns: [
          ...recordColumns(),
          idColumn("editionId"),
          idColumn("participationId", true),
          textColumn("countryCode", 2),
          { name: "descriptionEn", type: "text" },
          { name: "descriptionId", type: "text", isNullable: true },
          textColumn("followUpStatus", 20),
          { name: "dueDate", type: "date", isNullable: true },
        ],
        indices: [new TableIndex({ name: "IX_commitment_edition", columnNames: ["editionId", "countryCode"] })],
        foreignKeys: [fk("commitments", "editionId", "editions"), fk("commitments", "participationId", "participations")],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["commitments", "participations", "activities", "editions", "programs"]) await q.dropTable(table);
  }
}
