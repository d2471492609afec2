import { registerEnumType } from "type-graphql";

/** Direction of a client-chosen list order. */
export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Direction of a list order.",
  valuesConfig: {
    ASC: { description: "Smallest, earliest or alphabetically first item first." },
    DESC: { description: "Largest, latest or alphabetically last item first." },
  },
});
