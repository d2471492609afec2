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

/** Whether a party binds itself or offers something it may give. */
export enum CommitmentKind {
  COMMITMENT = "COMMITMENT",
  PLEDGE = "PLEDGE",
}
registerEnumType(CommitmentKind, {
  name: "CommitmentKind",
  description: "What kind of promise it is.",
  valuesConfig: {
    COMMITMENT: { description: "An action the party commits to, such as an action plan." },
    PLEDGE: { description: "Support the party pledges to others, such as an organiser's pledge to follow up with participants' countries." },
  },
});

/** Who makes a commitment. */
export enum CommitmentParty {
  COUNTRY = "COUNTRY",
  PARTICIPANT = "PARTICIPANT",
  INSTITUTION = "INSTITUTION",
  ORGANISER = "ORGANISER",
}
registerEnumType(CommitmentParty, {
  name: "CommitmentParty",
  description: "Who makes a commitment.",
  valuesConfig: {
    COUNTRY: { description: "A country taking part (`country`)." },
    PARTICIPANT: { description: "A participant, as a personal action plan (`participation`)." },
    INSTITUTION: { description: "An institution taking part, e.g. a sending library (`institution`)." },
    ORGANISER: { description: "An institution organising the edition (`institution`)." },
  },
});

/** The parties that commit through an institution (which `institutionId` then names). */
export const INSTITUTION_PARTIES: readonly CommitmentParty[] = [CommitmentParty.INSTITUTION, CommitmentParty.ORGANISER];

@Bilingual([{ name: "description", en: "descriptionEn", id: "descriptionId", description: "The commitment." }])
@ObjectType({
  description: "What a country, participant, institution or organiser commits to or pledges after an edition (an action plan, a pledge), with its follow-up.",
})
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

  @Field(() => CommitmentKind, { description: "A commitment or a pledge." })
  @Column("varchar", { length: 20, default: CommitmentKind.COMMITMENT })
  kind: CommitmentKind;

  @Field(() => CommitmentParty, { description: "Who makes it: a country, a participant, an institution or an organiser." })
  @Column("varchar", { length: 20, default: CommitmentParty.COUNTRY })
  party: CommitmentParty;

  @Column("varchar", { length: 36, nullable: true })
  institutionId: string | null;

  @Field(() => FollowUpStatus, { description: "Follow-up status." })
  @Column("simple-enum", { enum: FollowUpStatus })
  followUpStatus: FollowUpStatus;

  @Field(() => DateScalar, { nullable: true, description: "Target date, when set." })
  @Column("date", { nullable: true })
  dueDate: string | null;
}

@ObjectType({ description: "A page of commitments." })
export class CommitmentConnection extends Connection(Commitment, "Commitment") {}
