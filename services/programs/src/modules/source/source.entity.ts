import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Connection, DateScalar } from "@sstc/subgraph-kit";

/**
 * A document the graph's records cite: the programs subgraph owns sources,
 * and every subgraph's records cite them by id (each subgraph's `citations`).
 */
@ObjectType({ description: "A document that records cite: an article, report or agreement (owned by the programs subgraph)." })
@Directive('@key(fields: "id")')
@Entity("sources")
export class Source extends BaseRecord {
  @Field({ description: "Who published it, e.g. ANTARA." })
  @Column("varchar", { length: 160 })
  publisher: string;

  @Field({ description: "Its title, in its own language." })
  @Column("varchar", { length: 500 })
  title: string;

  @Field(() => String, { nullable: true, description: "Where it can be read." })
  @Column("varchar", { length: 500, nullable: true })
  url: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day it was published." })
  @Column("date", { nullable: true })
  publishedOn: string | null;

  @Field({ description: "Its language (BCP 47, e.g. en, id)." })
  @Column("varchar", { length: 12 })
  language: string;

  @Field(() => String, { nullable: true, description: "Authors, translators and editors as the source credits them." })
  @Column("varchar", { length: 500, nullable: true })
  credits: string | null;
}

@ObjectType({ description: "A page of sources." })
export class SourceConnection extends Connection(Source, "Source") {}
