import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection, DateScalar } from "@sstc/subgraph-kit";

export enum ActivityKind {
  OPENING = "OPENING",
  SESSION = "SESSION",
  WORKSHOP = "WORKSHOP",
  SITE_VISIT = "SITE_VISIT",
  CLOSING = "CLOSING",
}
registerEnumType(ActivityKind, {
  name: "ActivityKind",
  description: "What kind of activity an edition item is.",
  valuesConfig: {
    OPENING: { description: "The opening ceremony." },
    SESSION: { description: "A lecture, panel or presentation." },
    WORKSHOP: { description: "Hands-on work in groups." },
    SITE_VISIT: { description: "A visit to an institution or a place (its `site`)." },
    CLOSING: { description: "The closing ceremony." },
  },
});

@Bilingual([
  { name: "title", en: "titleEn", id: "titleId", description: "Activity title." },
  { name: "description", en: "descriptionEn", id: "descriptionId", description: "What happened.", nullable: true },
  { name: "venue", en: "venueEn", id: "venueId", description: "Where it took place, in words, e.g. Jakarta; see also `site` and `venueArea`.", nullable: true },
])
@ObjectType({ description: "A session, workshop or site visit within an edition." })
@Entity("activities")
export class Activity extends BaseRecord {
  @Column("varchar", { length: 36 })
  editionId: string;

  @Field(() => ActivityKind, { description: "Session, workshop, site visit..." })
  @Column("simple-enum", { enum: ActivityKind })
  kind: ActivityKind;

  @Column("varchar", { length: 255 })
  titleEn: string;

  @Column("varchar", { length: 255, nullable: true })
  titleId: string | null;

  @Column("text", { nullable: true })
  descriptionEn: string | null;

  @Column("text", { nullable: true })
  descriptionId: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day (the only day of a one-day activity), when known." })
  @Column("date", { nullable: true })
  date: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day (the same as `date` for a one-day activity); null when not known." })
  @Column("date", { nullable: true })
  endDate: string | null;

  @Column("varchar", { length: 255, nullable: true })
  venueEn: string | null;

  @Column("varchar", { length: 255, nullable: true })
  venueId: string | null;

  @Column("varchar", { length: 36, nullable: true })
  venueAreaId: string | null;

  @Column("int", { default: 0 })
  sequence: number;

  @Column("varchar", { length: 36, nullable: true })
  siteInstitutionId: string | null;
}

@ObjectType({ description: "A page of activities." })
export class ActivityConnection extends Connection(Activity, "Activity") {}
