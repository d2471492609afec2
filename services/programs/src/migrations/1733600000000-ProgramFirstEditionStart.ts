import type { MigrationInterface, QueryRunner } from "typeorm";
import { addColumns, dropColumns, isMysql } from "@sstc/subgraph-kit";

/** The planned start of a programme's first live edition, from its editions. */
const FIRST_START = "(SELECT MIN(fe.plannedStartDate) FROM editions fe WHERE fe.programId = programs.id AND fe.deletedAt IS NULL)";
// updatedAt is set to itself so that no ON UPDATE default stamps the programme: this column is derived, not an edit.
const refresh = (ids: string) => `UPDATE programs SET firstEditionStart = ${FIRST_START}, updatedAt = updatedAt WHERE id IN (${ids})`;
const TRIGGERS = [
  // Takes the programme's row lock before the insert's foreign-key check takes a shared one: two editions of one programme
  // created at once would otherwise both hold the shared lock and deadlock upgrading it in the AFTER trigger (InnoDB).
  {
    name: "TR_editions_bi_first_start",
    event: "INSERT",
    ids: "NEW.programId",
    timing: "BEFORE",
    body: "UPDATE programs SET updatedAt = updatedAt WHERE id = NEW.programId",
  },
  { name: "TR_editions_ai_first_start", event: "INSERT", ids: "NEW.programId" },
  { name: "TR_editions_au_first_start", event: "UPDATE", ids: "OLD.programId, NEW.programId" },
  { name: "TR_editions_ad_first_start", event: "DELETE", ids: "OLD.programId" },
];

/*
 * Programmes ordered by start date (the catalogue's and the country page's
 * START_DATE order) were sorted on a subquery per programme — MIN of its
 * editions' planned starts — computed for every matching programme on every
 * page: at 10,000 programmes that was most of a country page. The value is
 * now a column of the programme, kept by triggers on editions for every
 * writer (the API, imports, the seed, plain SQL) inside the writer's own
 * transaction, so it is never stale. (No index: the order is on
 * COALESCE(column, sentinel), which none could serve; reading a column
 * instead of a subquery per row is the saving.) It is not part of the Program entity:
 * only SQL reads it, and no save of a programme can write it back.
 */
export class ProgramFirstEditionStart1733600000000 implements MigrationInterface {
  name = "ProgramFirstEditionStart1733600000000";

  async up(q: QueryRunner): Promise<void> {
    await addColumns(q, "programs", [["firstEditionStart", "date NULL"]]);
    await q.query(`UPDATE programs SET firstEditionStart = ${FIRST_START}`);
    for (const { name, event, ids, timing = "AFTER", body = refresh(ids) } of TRIGGERS) {
      // MySQL takes one statement as a trigger's body, SQLite a BEGIN ... END block.
      await q.query(
        isMysql(q.connection)
          ? `CREATE TRIGGER ${name} ${timing} ${event} ON editions FOR EACH ROW ${body}`
          : `CREATE TRIGGER ${name} ${timing} ${event} ON editions FOR EACH ROW BEGIN ${body}; END`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { name } of [...TRIGGERS].reverse()) await q.query(`DROP TRIGGER IF EXISTS ${name}`);
    await dropColumns(q, "programs", ["firstEditionStart"]);
  }
}
