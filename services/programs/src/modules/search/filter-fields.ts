import { assertCountryCode, assertId, BadUserInputError } from "@sstc/subgraph-kit";
import type { PartnershipRole } from "@sstc/vocabularies";
import { assertSdgGoal, assertSdgTarget } from "../sdg/sdg-codes";
import { CountryInvolvement } from "./country-involvement";
import type { EditionCriteria, ProgramCriteria } from "./criteria";
import { dayRange } from "./filter-values";

/** The filter fields programmes and editions share, as clients send them. */
export interface SharedFilterInput {
  modality?: ProgramCriteria["modality"] | null;
  sdgGoal?: number | null;
  sdgTarget?: string | null;
  leadInstitutionId?: string | null;
  partnerId?: string | null;
  partnerRole?: PartnershipRole | null;
  hostInstitutionId?: string | null;
  countryCode?: string | null;
  countryInvolvement?: CountryInvolvement | null;
  year?: number | null;
  startDateFrom?: string | null;
  startDateTo?: string | null;
}

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/**
 * Validates the shared fields of a filter (argument names are
 * `<argument>.<field>`) and sorts them into programme and edition
 * conditions.
 */
export function readSharedFilter(input: SharedFilterInput, argument: string): { program: ProgramCriteria; edition: EditionCriteria } {
  const name = (field: string) => `${argument}.${field}`;
  const program: ProgramCriteria = {};
  const edition: EditionCriteria = {};
  if (given(input.modality)) program.modality = input.modality;
  if (given(input.sdgGoal)) program.sdgGoal = assertSdgGoal(input.sdgGoal, name("sdgGoal"));
  if (given(input.sdgTarget)) program.sdgTarget = assertSdgTarget(input.sdgTarget, name("sdgTarget"));
  if (given(input.leadInstitutionId)) program.leadInstitutionId = assertId(input.leadInstitutionId, name("leadInstitutionId"));
  if (given(input.partnerId)) {
    program.partner = { id: assertId(input.partnerId, name("partnerId")), role: input.partnerRole ?? undefined };
  } else if (given(input.partnerRole)) {
    throw new BadUserInputError(`"${name("partnerRole")}" needs "${name("partnerId")}".`, { argument: name("partnerRole") });
  }
  if (given(input.hostInstitutionId)) edition.hostInstitutionId = assertId(input.hostInstitutionId, name("hostInstitutionId"));
  if (given(input.countryCode)) {
    edition.country = { code: assertCountryCode(input.countryCode, name("countryCode")), involvement: input.countryInvolvement ?? CountryInvolvement.ANY };
  } else if (given(input.countryInvolvement)) {
    throw new BadUserInputError(`"${name("countryInvolvement")}" needs "${name("countryCode")}".`, { argument: name("countryInvolvement") });
  }
  const starts = dayRange(
    { year: input.year, from: input.startDateFrom, to: input.startDateTo },
    { year: name("year"), from: name("startDateFrom"), to: name("startDateTo") },
  );
  if (starts) edition.starts = starts;
  return { program, edition };
}
