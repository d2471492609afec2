import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection } from "@sstc/subgraph-kit";

export enum PartnerKind {
  MINISTRY = "MINISTRY",
  NATIONAL_AGENCY = "NATIONAL_AGENCY",
  INTERGOVERNMENTAL_ORGANISATION = "INTERGOVERNMENTAL_ORGANISATION",
  DEVELOPMENT_PARTNER = "DEVELOPMENT_PARTNER",
}
registerEnumType(PartnerKind, {
  name: "PartnerKind",
  description: "What kind of diplomacy partner this is.",
  valuesConfig: {
    MINISTRY: { description: "A ministry or one of its directorates (e.g. Kemensetneg, Kemenlu)." },
    NATIONAL_AGENCY: { description: "A national agency (e.g. Perpusnas)." },
    INTERGOVERNMENTAL_ORGANISATION: { description: "An intergovernmental organisation (e.g. the Colombo Plan)." },
    DEVELOPMENT_PARTNER: { description: "A bilateral or multilateral development partner." },
  },
});

@Bilingual([
  { name: "name", en: "nameEn", id: "nameId", description: "Partner name." },
  { name: "description", en: "descriptionEn", id: "descriptionId", description: "What the partner is and does in cooperation.", nullable: true },
])
@Directive('@key(fields: "id")')
@ObjectType({ description: "A diplomacy partner that runs or supports cooperation programmes." })
@Entity("partners")
export class Partner extends BaseRecord {
  @Column("varchar", { length: 255 })
  nameEn: string;

  @Column("varchar", { length: 255, nullable: true })
  nameId: string | null;

  @Field(() => String, { nullable: true, description: "Short name, e.g. Kemenlu." })
  @Column("varchar", { length: 40, nullable: true })
  acronym: string | null;

  // Nullable in the database only so that the column could be added in place on SQLite; every write path sets it.
  @Field({
    description:
      "Short, stable name for addresses, e.g. colombo-plan: lower-case letters, digits and hyphens, unique among live partners (see partnerBySlug). Generated from the acronym or name when not given; a change of name leaves it as it is.",
  })
  @Column("varchar", { length: 80, nullable: true })
  slug: string;

  @Column("text", { nullable: true })
  descriptionEn: string | null;

  @Column("text", { nullable: true })
  descriptionId: string | null;

  @Field(() => String, { nullable: true, description: "Public website." })
  @Column("varchar", { length: 255, nullable: true })
  website: string | null;

  @Field(() => PartnerKind, { description: "Ministry, national agency, intergovernmental organisation or development partner." })
  @Column("simple-enum", { enum: PartnerKind })
  kind: PartnerKind;

  @Column("varchar", { length: 36 })
  institutionId: string;

  @Column("varchar", { length: 2 })
  homeCountryCode: string;

  @Column("varchar", { length: 36, nullable: true })
  parentPartnerId: string | null;
}

@ObjectType({ description: "A page of partners." })
export class PartnerConnection extends Connection(Partner, "Partner") {}
