import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Bilingual, Connection } from "@sstc/subgraph-kit";

export enum AreaLevel {
  PROVINCE = "PROVINCE",
  REGENCY = "REGENCY",
  CITY = "CITY",
  DISTRICT = "DISTRICT",
}
registerEnumType(AreaLevel, {
  name: "AreaLevel",
  description: "Level of an Indonesian administrative area.",
  valuesConfig: {
    PROVINCE: { description: "Provinsi." },
    REGENCY: { description: "Kabupaten (regency)." },
    CITY: { description: "Kota (city), including Jakarta's administrative cities." },
    DISTRICT: { description: "Kecamatan (district within a regency or city)." },
  },
});

@Bilingual([{ name: "name", en: "nameEn", id: "nameId", description: "Area name." }])
@Directive('@key(fields: "id")')
@ObjectType({ description: "An administrative area: an Indonesian province, regency, city or district." })
@Entity("administrative_areas")
export class AdministrativeArea extends BaseRecord {
  @Field(() => String, { nullable: true, description: "Official area code (Kemendagri / BPS), e.g. 31 for DKI Jakarta." })
  @Column("varchar", { length: 20, nullable: true })
  code: string | null;

  @Column("varchar", { length: 160 })
  nameEn: string;

  @Column("varchar", { length: 160, nullable: true })
  nameId: string | null;

  @Field(() => AreaLevel, { description: "Province, regency, city or district." })
  @Column("simple-enum", { enum: AreaLevel })
  level: AreaLevel;

  @Column("varchar", { length: 2 })
  countryCode: string;

  @Column("varchar", { length: 36, nullable: true })
  parentId: string | null;
}

@ObjectType({ description: "A page of administrative areas." })
export class AdministrativeAreaConnection extends Connection(AdministrativeArea, "AdministrativeArea") {}
