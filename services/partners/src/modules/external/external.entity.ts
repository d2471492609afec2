import { Directive, Field, ID, ObjectType } from "type-graphql";

/*
 * Entities owned elsewhere: this subgraph knows their keys and adds fields to
 * Program and Institution. No descriptions here, so the owner's descriptions reach the API.
 */

@Directive('@key(fields: "id")')
@ObjectType("Program")
export class ProgramRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Edition")
export class EditionRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Institution")
export class InstitutionRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType("Country")
export class CountryRef {
  @Field()
  code: string;
}
