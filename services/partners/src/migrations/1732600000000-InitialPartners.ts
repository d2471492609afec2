import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { idColumn, recordColumns, textColumn } from "@sstc/subgraph-kit";

/** Partners, agreements and their parties, programme partnerships. */
export class InitialPartners1732600000000 implements MigrationInterface {
  name = "InitialPartners1732600000000";

  async up(q: QueryRunner): Promise<void> {
    const fk = (table: string, column: string, target: string) =>
      new TableForeignKey({ name: `FK_${table}_${column}`, columnNames: [column], referencedTableName: target, referencedColumnNames: ["id"] });
    await q.createTable(
      new Table({
        name: "partners",
        columns: [
          ...recordColumns(),
          textColumn("nameEn"),
          textColumn("nameId", 255, true),
          textColumn("acronym", 40, true),
          textColumn("kind", 40),
          idColumn("institutionId"),
          textColumn("homeCountryCode", 2),
          idColumn("parentPartnerId", true),
        ],
        indices: [new TableIndex({ name: "IX_partner_name", columnNames: ["nameEn", "id"] })],
        foreignKeys: [fk("partners", "parentPartnerId", "partners")],
      }),
    );
    await q.createTable(
      new Table({
        name: "agreements",
        columns: [
          ...recordColumns(),
          textColumn("titleEn"),
          textColumn("titleId", 255, true),
          { name: "summaryEn", type: "text", isNullable: true },
          { name: "summaryId", type: "text", isNullable: true },
          textColumn("kind", 20),
          { name: "signedOn", type: "date", isNullable: true },
          { name: "expiresOn", type: "date", isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "agreement_parties",
        columns: [...recordColumns(), idColumn("agreementId"), idColumn("partnerId"), textColumn("role", 80, true)],
        indices: [
          new TableIndex({ name: "IX_party_agreement", columnNames: ["agreementId"] }),
          new TableIndex({ name: "IX_party_partner", columnNames: ["partnerId"] }),
        ],
        foreignKeys: [fk("agreement_parties", "agreementId", "agreements"), fk("agreement_parties", "partnerId", "partners")],
      }),
    );
    await q.createTable(
      new Table({
        name: "program_partnerships",
        columns: [
          ...recordColumns(),
          idColumn("programId"),
          idColumn("partnerId"),
          textColumn("role", 20),
          { name: "contributionEn", type: "text", isNullable: true },
          { name: "contributionId", type: "text", isNullable: true },
        ],
        indices: [
          new TableIndex({ name: "IX_partnership_program", columnNames: ["programId", "role"] }),
          new TableIndex({ name: "IX_partnership_partner", columnNames: ["partnerId", "role"] }),
        ],
        foreignKeys: [fk("program_partnerships", "partnerId", "partners")],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["program_partnerships", "agreement_parties", "agreements", "partners"]) await q.dropTable(table);
  }
}
