import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "How much a country has taken part in cooperation programmes, counted in the database." })
export class CountryCooperationStats {
  @Field(() => Int, { description: "Participations of people from the country, all roles." })
  participations: number;

  @Field(() => Int, { description: "People the country sent as participants (role PARTICIPANT)." })
  participantsSent: number;

  @Field(() => Int, { description: "Distinct editions people from the country attended." })
  editionsAttended: number;

  @Field(() => Int, { description: "Distinct programmes people from the country took part in." })
  programmesAttended: number;

  @Field(() => Int, { description: "Editions held in the country." })
  editionsHosted: number;

  @Field(() => Int, { description: "Distinct programmes with an edition held in the country." })
  programmesHosted: number;
}

@ObjectType({ description: "How much an institution has taken part in cooperation programmes, counted in the database." })
export class InstitutionCooperationStats {
  @Field(() => Int, { description: "Editions the institution hosted." })
  editionsHosted: number;

  @Field(() => Int, { description: "Distinct programmes with an edition the institution hosted." })
  programmesHosted: number;

  @Field(() => Int, { description: "Programmes the institution leads." })
  programmesLed: number;

  @Field(() => Int, { description: "People the institution sent, in any role (participations naming it as the sending institution)." })
  participations: number;

  @Field(() => Int, { description: "People the institution sent as participants (role PARTICIPANT)." })
  participantsSent: number;

  @Field(() => Int, { description: "Distinct editions people from the institution attended." })
  editionsAttended: number;

  @Field(() => Int, { description: "Distinct programmes people from the institution took part in." })
  programmesAttended: number;
}
