import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * One record citing one source: kept by every subgraph for its own records
 * (the source itself is owned by the programs subgraph and referenced by id).
 */
@Entity("citations")
@Index("UQ_citation", ["entityType", "entityId", "sourceId"], { unique: true })
export class Citation {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  /** The cited record's GraphQL type, e.g. Program. */
  @Column("varchar", { length: 40 })
  entityType: string;

  @Column("varchar", { length: 36 })
  entityId: string;

  @Column("varchar", { length: 36 })
  sourceId: string;

  /** Where in the source, e.g. "paragraph 2"; optional. */
  @Column("varchar", { length: 120, nullable: true })
  locator: string | null;

  @Column({ type: "datetime", precision: 3 })
  createdAt: Date;
}
