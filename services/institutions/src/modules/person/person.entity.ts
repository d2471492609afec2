import { Authorized, Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Connection } from "@sstc/subgraph-kit";

export enum Gender {
  FEMALE = "FEMALE",
  MALE = "MALE",
  UNDISCLOSED = "UNDISCLOSED",
}
registerEnumType(Gender, { name: "Gender", description: "Gender as recorded for participation statistics." });

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A person: an official, contact or programme participant. Names need the partner role; email, phone and gender are personal data for editors and admins.",
})
@Entity("people")
export class Person extends BaseRecord {
  @Authorized("partner")
  @Field(() => String, { nullable: true, description: "Full name (partner role and above: null with FORBIDDEN below it)." })
  @Column("varchar", { length: 160 })
  fullName: string;

  // `position` and `positionText` are declared in PersonResolver: a gated text twin must be nullable, which @Bilingual's is not.
  @Column("varchar", { length: 255, nullable: true })
  positionEn: string | null;

  @Column("varchar", { length: 255, nullable: true })
  positionId: string | null;

  @Column("varchar", { length: 36, nullable: true })
  institutionId: string | null;

  @Authorized("editor")
  @Field(() => String, { nullable: true, description: "Email address (personal data: editor role and above)." })
  @Column("varchar", { length: 255, nullable: true })
  email: string | null;

  @Authorized("editor")
  @Field(() => String, { nullable: true, description: "Phone number (personal data: editor role and above)." })
  @Column("varchar", { length: 40, nullable: true })
  phone: string | null;

  @Authorized("editor")
  @Field(() => Gender, { nullable: true, description: "Gender (personal data: editor role and above)." })
  @Column("simple-enum", { enum: Gender, nullable: true })
  gender: Gender | null;
}

@ObjectType({ description: "A page of people." })
export class PersonConnection extends Connection(Person, "Person") {}
