import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Bilingual, Connection } from "@sstc/subgraph-kit";

@Bilingual([{ name: "name", en: "nameEn", id: "nameId", description: "Country name." }])
@Directive('@key(fields: "code")')
@ObjectType({ description: "A country (ISO 3166-1), with its Colombo Plan membership." })
@Entity("countries")
export class Country {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. ID, LK." })
  @PrimaryColumn("varchar", { length: 2 })
  code: string;

  @Field({ description: "ISO 3166-1 alpha-3 code, e.g. IDN, LKA." })
  @Column("varchar", { length: 3 })
  alpha3: string;

  @Column("varchar", { length: 120 })
  nameEn: string;

  @Column("varchar", { length: 120, nullable: true })
  nameId: string | null;

  @Field({ description: "World region (UN M49 sub-region), e.g. South-eastern Asia." })
  @Column("varchar", { length: 60 })
  region: string;

  @Field({ description: "True when the country is a member of the Colombo Plan." })
  @Column("boolean", { default: false })
  colomboPlanMember: boolean;

  @Field(() => Int, { nullable: true, description: "Year the country joined the Colombo Plan, when recorded." })
  @Column("int", { nullable: true })
  colomboPlanJoinedYear: number | null;
}

@ObjectType({ description: "A page of countries." })
export class CountryConnection extends Connection(Country, "Country") {}
