import { Directive, Field, ID, ObjectType } from "type-graphql";

/*
 * Entities owned by the institutions subgraph. This subgraph only knows
 * their keys; it contributes fields to them (Institution.programs,
 * Country.participations, ...) and points at them from its own records.
 * No descriptions here, so the owner's descriptions reach the API.
 */

@Directive('@key(fields: "id")')
@ObjectType("Institution")
export class InstitutionRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "code")')
@ObjectType("Country")
export class CountryRef {
  @Field()
  code: string;
}

@Directive('@key(fields: "id")')
@ObjectType("AdministrativeArea")
export class AdministrativeAreaRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Person")
export class PersonRef {
  @Field(() => ID)
  id: string;
}

export const institutionRef = (id: string | null): InstitutionRef | null => (id ? { id } : null);
export const countryRef = (code: string | null): CountryRef | null => (code ? { code } : null);
export const areaRef = (id: string | null): AdministrativeAreaRef | null => (id ? { id } : null);
export const personRef = (id: string | null): PersonRef | null => (id ? { id } : null);
