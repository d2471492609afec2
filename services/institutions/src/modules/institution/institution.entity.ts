import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection } from "@sstc/subgraph-kit";

export enum InstitutionType {
  NATIONAL_LIBRARY = "NATIONAL_LIBRARY",
  PUBLIC_LIBRARY = "PUBLIC_LIBRARY",
  MINISTRY = "MINISTRY",
  DIRECTORATE = "DIRECTORATE",
  LOCAL_GOVERNMENT = "LOCAL_GOVERNMENT",
  UNIVERSITY = "UNIVERSITY",
  INTERGOVERNMENTAL_ORGANISATION = "INTERGOVERNMENTAL_ORGANISATION",
  NGO = "NGO",
}
registerEnumType(InstitutionType, {
  name: "InstitutionType",
  description: "What kind of body an institution is.",
  valuesConfig: {
    NATIONAL_LIBRARY: { description: "A national library (e.g. Perpusnas)." },
    PUBLIC_LIBRARY: { description: "A public, community or village library." },
    MINISTRY: { description: "A government ministry." },
    DIRECTORATE: { description: "A directorate or unit inside a ministry or agency." },
    LOCAL_GOVERNMENT: { description: "A provincial, regency or city government or one of its offices." },
    UNIVERSITY: { description: "A university or academic institution." },
    INTERGOVERNMENTAL_ORGANISATION: { description: "An intergovernmental organisation (e.g. the Colombo Plan Secretariat)." },
    NGO: { description: "A non-governmental organisation." },
  },
});

/** IATI OrganisationType code for each institution type. */
const IATI_ORGANISATION_TYPE: Record<InstitutionType, string> = {
  NATIONAL_LIBRARY: "10",
  PUBLIC_LIBRARY: "15",
  MINISTRY: "10",
  DIRECTORATE: "10",
  LOCAL_GOVERNMENT: "11",
  UNIVERSITY: "80",
  INTERGOVERNMENTAL_ORGANISATION: "40",
  NGO: "22",
};

@Bilingual([{ name: "name", en: "nameEn", id: "nameId", description: "Institution name." }])
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An organisation that hosts, sends or runs cooperation: a library, ministry, directorate, local government, university, intergovernmental organisation or NGO.",
})
@Entity("institutions")
export class Institution extends BaseRecord {
  @Column("varchar", { length: 255 })
  nameEn: string;

  @Column("varchar", { length: 255, nullable: true })
  nameId: string | null;

  @Field(() => String, { nullable: true, description: "Short name, e.g. Perpusnas, Kemenlu." })
  @Column("varchar", { length: 40, nullable: true })
  acronym: string | null;

  // Nullable in the database only so that the column could be added in place on SQLite; every write path sets it.
  @Field({
    description:
      "Short, stable name for addresses, e.g. perpusnas: lower-case letters, digits and hyphens, unique among live institutions (see institutionBySlug). Generated from the acronym or name when not given; a change of name leaves it as it is.",
  })
  @Column("varchar", { length: 80, nullable: true })
  slug: string;

  @Field(() => InstitutionType, { description: "What kind of body this is." })
  @Column("simple-enum", { enum: InstitutionType })
  type: InstitutionType;

  @Column("varchar", { length: 2 })
  countryCode: string;

  @Column("varchar", { length: 36, nullable: true })
  areaId: string | null;

  @Column("varchar", { length: 36, nullable: true })
  parentId: string | null;

  @Field(() => String, { nullable: true, description: "Public website." })
  @Column("varchar", { length: 255, nullable: true })
  website: string | null;

  @Field(() => String, {
    description: "IATI OrganisationType code (10 government, 11 local government, 15 other public sector, 22 national NGO, 40 multilateral, 80 academic).",
  })
  iatiOrganisationType(): string {
    return IATI_ORGANISATION_TYPE[this.type];
  }
}

@ObjectType({ description: "A page of institutions." })
export class InstitutionConnection extends Connection(Institution, "Institution") {}
