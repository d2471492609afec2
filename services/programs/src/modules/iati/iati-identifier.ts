import { Length, Matches } from "class-validator";
import type { InputFieldSpec } from "@sstc/subgraph-kit";

/**
 * An IATI activity identifier as IATI's rules allow it: no white space and
 * none of / & | ? (https://iatistandard.org/en/guidance/standard-guidance/activity-identifiers/).
 */
export const IATI_IDENTIFIER = /^[^\s/&|?]+$/;

/** The stored IATI identifier of a programme or edition, declared once for both inputs. */
export const iatiIdentifierField = {
  type: () => String,
  description: {
    create: "IATI activity identifier to publish it under, when it already has one (e.g. from an imported IATI file); left out, the export derives one.",
    update: "IATI activity identifier; null to let the export derive one.",
  },
  create: "clearable",
  checks: [Length(3, 200), Matches(IATI_IDENTIFIER, { message: "must be an IATI identifier: no white space and none of / & | ?" })],
} satisfies InputFieldSpec;

export const IATI_IDENTIFIER_DESCRIPTION =
  "IATI activity identifier stored for it (e.g. from an imported IATI file); null when the IATI export derives it from the reporting organisation's identifier (see README, IATI).";
