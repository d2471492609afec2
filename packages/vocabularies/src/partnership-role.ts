import { registerEnumType } from "type-graphql";

/**
 * A partner's role in a program: IATI's OrganisationRole code list, plus
 * co-organiser for SSTC events. Owned by the partners subgraph; programs
 * declares it too, because its program filter takes it as input.
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

/** The IATI OrganisationRole code of each role; co-organiser has none. */
export const IATI_ORGANISATION_ROLE: Record<PartnershipRole, number | null> = {
  FUNDING: 1,
  ACCOUNTABLE: 2,
  EXTENDING: 3,
  IMPLEMENTING: 4,
  CO_ORGANISER: null,
};
