import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection } from "@sstc/subgraph-kit";

/** IATI OrganisationRole code list, plus co-organiser for SSTC events. */
export enum PartnershipRole {
  FUNDING = "FUNDING",
  ACCOUNTABLE = "ACCOUNTABLE",
  EXTENDING = "EXTENDING",
  IMPLEMENTING = "IMPLEMENTING",
  CO_ORGANISER = "CO_ORGANISER",
}
registerEnumType(PartnershipRole, {
  name: "PartnershipRole",
  description: "A partner's role in a programme (IATI OrganisationRole, plus co-organiser).",
  valuesConfig: {
    FUNDING: { description: "IATI 1 — provides funds." },
    ACCOUNTABLE: { description: "IATI 2 — accountable for the programme." },
    EXTENDING: { description: "IATI 3 — manages the funds on behalf of the funder." },
    IMPLEMENTING: { description: "IATI 4 — carries the programme out." },
    CO_ORGANISER: { description: "Organises events of the programme together with the implementer (no IATI code)." },
  },
});

const IATI_ROLE: Record<PartnershipRole, number | null> = { FUNDING: 1, ACCOUNTABLE: 2, EXTENDING: 3, IMPLEMENTING: 4, CO_ORGANISER: null };

@Bilingual([{ name: "contribution", en: "contributionEn", id: "contributionId", description: "What the partner contributes.", nullable: true }])
@ObjectType({ description: "A partner's role in a programme and what it contributes." })
@Entity("program_partnerships")
export class ProgramPartnership extends BaseRecord {
  @Column("varchar", { length: 36 })
  programId: string;

  @Column("varchar", { length: 36 })
  partnerId: string;

  @Field(() => PartnershipRole, { description: "Funding, accountable, extending, implementing or co-organiser." })
  @Column("simple-enum", { enum: PartnershipRole })
  role: PartnershipRole;

  @Column("text", { nullable: true })
  contributionEn: string | null;

  @Column("text", { nullable: true })
  contributionId: string | null;

  @Field(() => Int, { nullable: true, description: "IATI OrganisationRole code of `role` (null for co-organiser)." })
  iatiRoleCode(): number | null {
    return IATI_ROLE[this.role];
  }
}

@ObjectType({ description: "A page of programme partnerships." })
export class ProgramPartnershipConnection extends Connection(ProgramPartnership, "ProgramPartnership") {}
