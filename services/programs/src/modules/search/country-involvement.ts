import { registerEnumType } from "type-graphql";

/** How a country takes part in an edition, for the country filters. */
export enum CountryInvolvement {
  PARTICIPATING = "PARTICIPATING",
  HOST = "HOST",
  ANY = "ANY",
}
registerEnumType(CountryInvolvement, {
  name: "CountryInvolvement",
  description: "How a country takes part in an edition.",
  valuesConfig: {
    PARTICIPATING: { description: "People representing the country take part in it." },
    HOST: { description: "It is held in the country." },
    ANY: { description: "Either of the two." },
  },
});
