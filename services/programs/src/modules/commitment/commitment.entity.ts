import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection, DateScalar } from "@sstc/subgraph-kit";

export enum FollowUpStatus {
  PLANNED = "PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  ACHIEVED = "ACHIEVED",
  DROPPED = "DROPPED",
}
registerEnumType(FollowUpStatus, {
  name: "FollowUpStatus",
  description: "Progress of a commitment after the programme.",
  valuesConfig: {
    PLANNED: { description: "Committed to, not started yet." },
    IN_PROGRESS: { description: "Being carried out." },
    ACHIEVED: { description: "Carried out." },
    DROPPED: { description: "Given up." },
  },
});

@Bilingual([{ name: "description", en: "descriptionEn", id: "descriptionId", description: "The commitment." }])
@ObjectType({ description: "What a participant or country commits to after an edition (an action plan), with its follow-up." })
@Entity("commitments")
export class Commitment extends BaseRecord {
  @Column("varchar", { length: 36 })
  editionId: string;

  @Column("varchar", { length: 36, nullable: true })
  participationId: string | null;

  @Column("varchar", { length: 2 })
  countryCode: string;

  @Column("text")
  descriptionEn: string;

  @Column("text", { nullable: true })
  descriptionId: string | null;

  @Field(() => FollowUpStatus, { description: "Follow-up status." })
  @Column("simple-enum", { enum: FollowUpStatus })
  followUpStatus: FollowUpStatus;

  @Field(() => DateScalar, { nullable: true, description: "Target date, when set." })
  @Column("date", { nullable: true })
  dueDate: string | null;
}

@ObjectType({ description: "A page of commitments." })
export class CommitmentConnection extends Connection(Commitment, "Commitment") {}
