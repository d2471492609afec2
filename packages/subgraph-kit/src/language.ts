import { registerEnumType } from "type-graphql";

/** The languages every human-readable text of the graph exists in. */
export enum Language {
  EN = "EN",
  ID = "ID",
}
registerEnumType(Language, {
  name: "Language",
  description: "Language of human-readable text.",
  valuesConfig: { EN: { description: "English." }, ID: { description: "Bahasa Indonesia." } },
});
