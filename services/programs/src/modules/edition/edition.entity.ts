import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection, DateScalar } from "@sstc/subgraph-kit";
import { ActivityStatus } from "../program/program.enums";
import { IATI_IDENTIFIER_DESCRIPTION } from "../iati/iati-identifier";

@Bilingual([
  { name: "title", en: "titleEn", id: "titleId", description: "Edition title." },
  { name: "venue", en: "venueEn", id: "venueId", description: "Venue, e.g. the city.", nullable: true },
])
@Directive('@key(fields: "id")')
@ObjectType({ description: "One run of a programme: its dates, venue, host and invited countries." })
@Entity("editions")
export class Edition extends BaseRecord {
  @Column("varchar", { length: 36 })
  programId: string;

  @Column("varchar", { length: 255 })
  titleEn: string;

  @Column("varchar", { length: 255, nullable: true })
  titleId: string | null;

  @Field(() => DateScalar, { description: "Planned first day." })
  @Column("date")
  plannedStartDate: string;

  @Field(() => DateScalar, { description: "Planned last day." })
  @Column("date")
  plannedEndDate: string;

  @Field(() => DateScalar, { nullable: true, description: "Actual first day, once it happened." })
  @Column("date", { nullable: true })
  actualStartDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Actual last day, once it happened." })
  @Column("date", { nullable: true })
  actualEndDate: string | null;

  @Column("varchar", { length: 255, nullable: true })
  venueEn: string | null;

  @Column("varchar", { length: 255, nullable: true })
  venueId: string | null;

  @Column("varchar", { length: 2 })
  venueCountryCode: string;

  @Column("varchar", { length: 36, nullable: true })
  venueAreaId: string | null;

  @Column("varchar", { length: 36 })
  hostInstitutionId: string;

  @Column("simple-json")
  invitedCountryCodes: string[];

  @Field({ description: "False for a draft, which only the partner role and above can see." })
  @Column("boolean", { default: true })
  published: boolean;

  @Field(() => ActivityStatus, { description: "Edition status (IATI ActivityStatus)." })
  @Column("simple-enum", { enum: ActivityStatus })
  status: ActivityStatus;

  @Field(() => String, { nullable: true, description: IATI_IDENTIFIER_DESCRIPTION })
  @Column("varchar", { length: 200, nullable: true })
  iatiIdentifier: string | null;
}

@ObjectType({ description: "A page of editions." })
export class EditionConnection extends Connection(Edition, "Edition") {}
