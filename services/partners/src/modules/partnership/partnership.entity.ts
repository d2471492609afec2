import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection } from "@sstc/subgraph-kit";
import { IATI_ORGANISATION_ROLE, PartnershipRole } from "@sstc/vocabularies";

export { PartnershipRole };

@Bilingual([{ name: "contribution", en: "contributionEn", id: "contributionId", description: "What the partner contributes.", nullable: true }])
@ObjectType({ description: "A partner's role in a programme and what it contributes." })
@Entity("program_partnerships")
export class ProgramPartnership extends BaseRecord {
  @Column("varchar", { length: 36 })
  programId: string;

  @Column("varchar", { length: 36 })
  partnerId: string;

  /** The one edition the partnership is for; null when it is for the whole programme. */
  @Column("varchar", { length: 36, nullable: true })
  editionId: string | null;

  /** `editionId`, or "" for the whole programme: unique indexes treat NULLs as distinct, so uniqueness is kept on this. */
  @Column("varchar", { length: 36, default: "" })
  editionScope: string;

  @Field(() => PartnershipRole, { description: "Funding, accountable, extending, implementing or co-organiser." })
  @Column("simple-enum", { enum: PartnershipRole })
  role: PartnershipRole;

  @Column("text", { nullable: true })
  contributionEn: string | null;

  @Column("text", { nullable: true })
  contributionId: string | null;

  @Field(() => Int, { nullable: true, description: "IATI OrganisationRole code of `role` (null for co-organiser)." })
  iatiRoleCode(): number | null {
    return IATI_ORGANISATION_ROLE[this.role];
  }
}

@ObjectType({ description: "A page of programme partnerships." })
export class ProgramPartnershipConnection extends Connection(ProgramPartnership, "ProgramPartnership") {}
