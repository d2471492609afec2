import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection } from "@sstc/subgraph-kit";

/** The part a person took in an activity. */
export enum ActivityRole {
  SPEAKER = "SPEAKER",
  HOST = "HOST",
  VISITOR = "VISITOR",
  PARTICIPANT = "PARTICIPANT",
}
registerEnumType(ActivityRole, {
  name: "ActivityRole",
  description: "The part a person took in an activity. Speakers and hosts act in a public capacity; visitors and participants do not.",
  valuesConfig: {
    SPEAKER: { description: "Spoke at it (public capacity: shown to everyone)." },
    HOST: { description: "Hosted it on behalf of their institution (public capacity: shown to everyone)." },
    VISITOR: { description: "Visited as a participant of the edition (partner role and above)." },
    PARTICIPANT: { description: "Took part in it otherwise (partner role and above)." },
  },
});

/** The roles in which taking part in an activity is public. */
export const PUBLIC_ACTIVITY_ROLES: readonly ActivityRole[] = [ActivityRole.SPEAKER, ActivityRole.HOST];

@ObjectType({ description: "A person who took part in an activity, and in what role." })
@Entity("activity_people")
export class ActivityPerson extends BaseRecord {
  @Column("varchar", { length: 36 })
  activityId: string;

  @Column("varchar", { length: 36 })
  personId: string;

  @Field(() => ActivityRole, { description: "The part the person took." })
  @Column("simple-enum", { enum: ActivityRole })
  role: ActivityRole;
}

@ObjectType({ description: "A page of the people of an activity." })
export class ActivityPersonConnection extends Connection(ActivityPerson, "ActivityPerson") {}

@Bilingual([{ name: "text", en: "textEn", id: "textId", description: "What was said, as the source reports it." }])
@ObjectType({ description: "Something a person said at an activity, as a source reports it: attributable to the person and to the source." })
@Entity("statements")
export class Statement extends BaseRecord {
  @Column("varchar", { length: 36 })
  activityId: string;

  @Column("varchar", { length: 36 })
  personId: string;

  @Column("text")
  textEn: string;

  @Column("text", { nullable: true })
  textId: string | null;

  @Field({ description: "True for the speaker's words as quoted; false for a report of what they said." })
  @Column("boolean", { default: true })
  verbatim: boolean;

  @Column("varchar", { length: 36 })
  sourceId: string;

  @Field(() => String, { nullable: true, description: "Where in the source, e.g. “paragraph 4”." })
  @Column("varchar", { length: 120, nullable: true })
  locator: string | null;
}

@ObjectType({ description: "A page of statements." })
export class StatementConnection extends Connection(Statement, "Statement") {}
