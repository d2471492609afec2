import { Field, Int, ObjectType } from "type-graphql";
import { deprecatedTwin } from "../deprecation";

/*
 * The `programmes…` fields are deprecated twins of the `programs…` ones
 * (the API says "program" in identifiers), answered from the same count.
 */
const COUNTRY = {
  programsAttended: "Distinct programmes people from the country took part in.",
  programsHosted: "Distinct programmes with an edition held in the country.",
};

@ObjectType({ description: "How much a country has taken part in cooperation programmes, counted in the database." })
export class CountryCooperationStats {
  @Field(() => Int, { description: "Participations of people from the country, all roles." })
  participations: number;

  @Field(() => Int, { description: "People the country sent as participants (role PARTICIPANT)." })
  participantsSent: number;

  @Field(() => Int, { description: "Distinct editions people from the country attended." })
  editionsAttended: number;

  @Field(() => Int, { description: COUNTRY.programsAttended })
  programsAttended: number;

  @Field(() => Int, { description: "Editions held in the country." })
  editionsHosted: number;

  @Field(() => Int, { description: COUNTRY.programsHosted })
  programsHosted: number;

  @Field(() => Int, deprecatedTwin("programsAttended", COUNTRY.programsAttended))
  get programmesAttended(): number {
    return this.programsAttended;
  }

  @Field(() => Int, deprecatedTwin("programsHosted", COUNTRY.programsHosted))
  get programmesHosted(): number {
    return this.programsHosted;
  }
}

const INSTITUTION = {
  programsHosted: "Distinct programmes with an edition the institution hosted.",
  programsLed: "Programmes the institution leads.",
  programsAttended: "Distinct programmes people from the institution took part in.",
};

@ObjectType({ description: "How much an institution has taken part in cooperation programmes, counted in the database." })
export class InstitutionCooperationStats {
  @Field(() => Int, { description: "Editions the institution hosted." })
  editionsHosted: number;

  @Field(() => Int, { description: INSTITUTION.programsHosted })
  programsHosted: number;

  @Field(() => Int, { description: INSTITUTION.programsLed })
  programsLed: number;

  @Field(() => Int, { description: "People the institution sent, in any role (participations naming it as the sending institution)." })
  participations: number;

  @Field(() => Int, { description: "People the institution sent as participants (role PARTICIPANT)." })
  participantsSent: number;

  @Field(() => Int, { description: "Distinct editions people from the institution attended." })
  editionsAttended: number;

  @Field(() => Int, { description: INSTITUTION.programsAttended })
  programsAttended: number;

  @Field(() => Int, deprecatedTwin("programsHosted", INSTITUTION.programsHosted))
  get programmesHosted(): number {
    return this.programsHosted;
  }

  @Field(() => Int, deprecatedTwin("programsLed", INSTITUTION.programsLed))
  get programmesLed(): number {
    return this.programsLed;
  }

  @Field(() => Int, deprecatedTwin("programsAttended", INSTITUTION.programsAttended))
  get programmesAttended(): number {
    return this.programsAttended;
  }
}
