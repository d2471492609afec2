import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection } from "@sstc/subgraph-kit";
import { ActivityStatus, CooperationModality, IATI_ACTIVITY_STATUS_CODE } from "./program.enums";
import { IATI_IDENTIFIER_DESCRIPTION } from "../iati/iati-identifier";

@Bilingual([
  { name: "title", en: "titleEn", id: "titleId", description: "Programme title." },
  { name: "summary", en: "summaryEn", id: "summaryId", description: "Programme summary.", nullable: true },
  { name: "theme", en: "themeEn", id: "themeId", description: "Theme, e.g. library transformation.", nullable: true },
])
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType({ description: "A cooperation programme, e.g. TPBIS knowledge sharing for Colombo Plan countries, or the SSTC programme it belongs to." })
@Entity("programs")
export class Program extends BaseRecord {
  @Field({ description: "Short unique code, e.g. TPBIS-CP." })
  @Column("varchar", { length: 40 })
  code: string;

  @Column("varchar", { length: 255 })
  titleEn: string;

  @Column("varchar", { length: 255, nullable: true })
  titleId: string | null;

  @Column("text", { nullable: true })
  summaryEn: string | null;

  @Column("text", { nullable: true })
  summaryId: string | null;

  @Column("varchar", { length: 120, nullable: true })
  themeEn: string | null;

  @Column("varchar", { length: 120, nullable: true })
  themeId: string | null;

  @Field(() => CooperationModality, {
    nullable: true,
    description: "South-South, triangular or bilateral; null for a domestic programme that other cooperation shares.",
  })
  @Column("simple-enum", { enum: CooperationModality, nullable: true })
  modality: CooperationModality | null;

  @Field({ description: "False for a draft, which only the partner role and above can see." })
  @Column("boolean", { default: true })
  published: boolean;

  @Field(() => ActivityStatus, { description: "Programme status (IATI ActivityStatus)." })
  @Column("simple-enum", { enum: ActivityStatus })
  status: ActivityStatus;

  @Column("varchar", { length: 36 })
  leadInstitutionId: string;

  @Column("varchar", { length: 36, nullable: true })
  parentProgramId: string | null;

  @Field(() => String, { nullable: true, description: IATI_IDENTIFIER_DESCRIPTION })
  @Column("varchar", { length: 200, nullable: true })
  iatiIdentifier: string | null;

  @Field(() => Int, { description: "IATI ActivityStatus code of `status`." })
  iatiStatusCode(): number {
    return IATI_ACTIVITY_STATUS_CODE[this.status];
  }
}

@ObjectType({ description: "A page of programmes." })
export class ProgramConnection extends Connection(Program, "Program") {}
