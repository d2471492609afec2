import { Authorized, Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseRecord, Connection, publicWhen, type AuthRule } from "@sstc/subgraph-kit";

export enum Gender {
  FEMALE = "FEMALE",
  MALE = "MALE",
  UNDISCLOSED = "UNDISCLOSED",
}
registerEnumType(Gender, {
  name: "Gender",
  description: "Gender as recorded for participation statistics.",
  valuesConfig: {
    FEMALE: { description: "Female." },
    MALE: { description: "Male." },
    UNDISCLOSED: { description: "Not disclosed by the person." },
  },
});

/**
 * People acting in a public capacity (office holders, speakers at public
 * events) are public by name, position and institution; everyone else's
 * name and position need the partner role. Personal data (email, phone,
 * gender) needs the editor role whatever the capacity.
 */
export const IN_PUBLIC_CAPACITY = publicWhen("the person acts in a public capacity", (person: Pick<Person, "publicCapacity">) => person.publicCapacity);

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A person: an official, contact or programme participant. Name, position and institution are public for a person acting in a public capacity (`publicCapacity`) and need the partner role for anyone else; email, phone and gender are personal data for editors and admins.",
})
@Entity("people")
export class Person extends BaseRecord {
  @Authorized<AuthRule>("partner", IN_PUBLIC_CAPACITY)
  @Field(() => String, {
    nullable: true,
    description: "Full name: public when the person acts in a public capacity, otherwise partner role and above (null with FORBIDDEN below it).",
  })
  @Column("varchar", { length: 160 })
  fullName: string;

  @Field({
    description:
      "True when the person acts in a public capacity (an office holder, a speaker at a public event): their name, position and institution are then public. Set by editors of the person's institution; personal data stays editor-only.",
  })
  @Column("boolean", { default: false })
  publicCapacity: boolean;

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
