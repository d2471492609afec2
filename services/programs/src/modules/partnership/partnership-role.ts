import { registerEnumType } from "type-graphql";

/**
 * The partners subgraph's PartnershipRole, declared here too because the
 * programme filter takes it as input. Federation composition refuses the
 * supergraph if the two declarations ever differ, so they cannot drift.
 */
export enum PartnershipRole {
  FUNDING = "FUNDING",
  ACCOUNTABLE = "ACCOUNTABLE",
  EXTENDING = "EXTENDING",
  IMPLEMENTING = "IMPLEMENTING",
  CO_ORGANISER = "CO_ORGANISER",
}
registerEnumType(PartnershipRole, {
  name: "PartnershipRole",
  description: "A partner's role in a programme (IATI OrganisationRole, plus co-organiser).",
  valuesConfig: {
    FUNDING: { description: "IATI 1 — provides funds." },
    ACCOUNTABLE: { description: "IATI 2 — accountable for the programme." },
    EXTENDING: { description: "IATI 3 — manages the funds on behalf of the funder." },
    IMPLEMENTING: { description: "IATI 4 — carries the programme out." },
    CO_ORGANISER: { description: "Organises events of the programme together with the implementer (no IATI code)." },
  },
});
