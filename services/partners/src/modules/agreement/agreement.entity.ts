import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection, DateScalar } from "@sstc/subgraph-kit";

export enum AgreementKind {
  MOU = "MOU",
  FRAMEWORK = "FRAMEWORK",
  ARRANGEMENT = "ARRANGEMENT",
  LETTER_OF_INTENT = "LETTER_OF_INTENT",
}
registerEnumType(AgreementKind, {
  name: "AgreementKind",
  description: "Legal form of an agreement.",
  valuesConfig: {
    MOU: { description: "A memorandum of understanding." },
    FRAMEWORK: { description: "A framework agreement, under which more specific arrangements are made." },
    ARRANGEMENT: { description: "An implementing arrangement: the specifics of one cooperation." },
    LETTER_OF_INTENT: { description: "A letter of intent to cooperate." },
  },
});

@Bilingual([
  { name: "title", en: "titleEn", id: "titleId", description: "Agreement title." },
  { name: "summary", en: "summaryEn", id: "summaryId", description: "What the agreement covers.", nullable: true },
])
@Directive('@key(fields: "id")')
@ObjectType({ description: "An MoU or framework between partners (e.g. Indonesia's SSTC collaboration with the Colombo Plan)." })
@Entity("agreements")
export class Agreement extends BaseRecord {
  @Column("varchar", { length: 255 })
  titleEn: string;

  @Column("varchar", { length: 255, nullable: true })
  titleId: string | null;

  @Column("text", { nullable: true })
  summaryEn: string | null;

  @Column("text", { nullable: true })
  summaryId: string | null;

  @Field(() => AgreementKind, { description: "MoU, framework, arrangement or letter of intent." })
  @Column("simple-enum", { enum: AgreementKind })
  kind: AgreementKind;

  @Field(() => DateScalar, { nullable: true, description: "Day it was signed, when known." })
  @Column("date", { nullable: true })
  signedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it expires, when it does." })
  @Column("date", { nullable: true })
  expiresOn: string | null;
}

@ObjectType({ description: "A page of agreements." })
export class AgreementConnection extends Connection(Agreement, "Agreement") {}

@ObjectType({ description: "A partner's place in an agreement." })
@Entity("agreement_parties")
export class AgreementParty extends BaseRecord {
  @Column("varchar", { length: 36 })
  agreementId: string;

  @Column("varchar", { length: 36 })
  partnerId: string;

  @Field(() => String, { nullable: true, description: "The party's role, e.g. signatory." })
  @Column("varchar", { length: 80, nullable: true })
  role: string | null;
}

@ObjectType({ description: "A page of agreement parties." })
export class AgreementPartyConnection extends Connection(AgreementParty, "AgreementParty") {}
