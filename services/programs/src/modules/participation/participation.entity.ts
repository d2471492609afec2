import { Authorized, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Connection } from "@sstc/subgraph-kit";

export enum ParticipationRole {
  PARTICIPANT = "PARTICIPANT",
  FACILITATOR = "FACILITATOR",
  SPEAKER = "SPEAKER",
  ORGANISER = "ORGANISER",
}
registerEnumType(ParticipationRole, {
  name: "ParticipationRole",
  description: "The part a person plays in an edition.",
  valuesConfig: {
    PARTICIPANT: { description: "Takes part to learn: the people a programme is for." },
    FACILITATOR: { description: "Guides sessions or workshops." },
    SPEAKER: { description: "Gives a talk or presentation." },
    ORGANISER: { description: "Organises the edition." },
  },
});

export enum ParticipationStatus {
  NOMINATED = "NOMINATED",
  ACCEPTED = "ACCEPTED",
  ATTENDED = "ATTENDED",
  COMPLETED = "COMPLETED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(ParticipationStatus, {
  name: "ParticipationStatus",
  description: "Where a participation stands: nominated → accepted → attended → completed (or withdrawn).",
  valuesConfig: {
    NOMINATED: { description: "Put forward by a country or institution." },
    ACCEPTED: { description: "Accepted by the organisers." },
    ATTENDED: { description: "Took part in the edition." },
    COMPLETED: { description: "Completed the edition." },
    WITHDRAWN: { description: "Withdrew or was withdrawn before the end." },
  },
});

export enum ParticipantGender {
  FEMALE = "FEMALE",
  MALE = "MALE",
  UNDISCLOSED = "UNDISCLOSED",
}
registerEnumType(ParticipantGender, {
  name: "ParticipantGender",
  description: "Gender recorded for participation statistics.",
  valuesConfig: {
    FEMALE: { description: "Female." },
    MALE: { description: "Male." },
    UNDISCLOSED: { description: "Not disclosed by the person." },
  },
});

@ObjectType({ description: "A person taking part in an edition, with the country, institution and area they represent." })
@Entity("participations")
export class Participation extends BaseRecord {
  @Column("varchar", { length: 36 })
  editionId: string;

  @Column("varchar", { length: 36 })
  personId: string;

  @Field(() => ParticipationRole, { description: "Participant, facilitator, speaker or organiser." })
  @Column("simple-enum", { enum: ParticipationRole })
  role: ParticipationRole;

  @Field(() => ParticipationStatus, { description: "Nominated, accepted, attended, completed or withdrawn." })
  @Column("simple-enum", { enum: ParticipationStatus })
  status: ParticipationStatus;

  @Column("varchar", { length: 2 })
  countryCode: string;

  @Column("varchar", { length: 36, nullable: true })
  institutionId: string | null;

  @Column("varchar", { length: 36, nullable: true })
  areaId: string | null;

  @Authorized("editor")
  @Field(() => ParticipantGender, { nullable: true, description: "Gender (personal data: editor role and above; counts by gender are public in statistics)." })
  @Column("simple-enum", { enum: ParticipantGender, nullable: true })
  gender: ParticipantGender | null;

  @Field(() => String, { nullable: true, description: "Remark on the record, e.g. that it is a placeholder." })
  @Column("varchar", { length: 255, nullable: true })
  note: string | null;
}

@ObjectType({ description: "A page of participations." })
export class ParticipationConnection extends Connection(Participation, "Participation") {}
