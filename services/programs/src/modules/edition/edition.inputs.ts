import { ArrayMaxSize, IsUUID, Length } from "class-validator";
import { DateScalar, IsCountryCode, inputFields } from "@sstc/subgraph-kit";
import { ID, InputType } from "type-graphql";
import { ActivityStatus } from "../program/program.enums";
import { lifecycleFields } from "../program/program.inputs";
import { iatiIdentifierField } from "../iati/iati-identifier";

const fields = inputFields({
  programId: { type: () => ID, description: "The programme.", create: "required", checks: [IsUUID()] },
  titleEn: { type: () => String, description: "Title in English.", create: "required", checks: [Length(2, 255)] },
  titleId: { type: () => String, description: "Title in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 255)] },
  plannedStartDate: { type: () => DateScalar, description: "Planned first day.", create: "required" },
  plannedEndDate: { type: () => DateScalar, description: "Planned last day.", create: "required" },
  actualStartDate: { type: () => DateScalar, description: "Actual first day.", create: "clearable" },
  actualEndDate: { type: () => DateScalar, description: "Actual last day.", create: "clearable" },
  venueEn: {
    type: () => String,
    description: { create: "Venue in English, e.g. the city.", update: "Venue in English." },
    create: "clearable",
    checks: [Length(1, 255)],
  },
  venueId: { type: () => String, description: "Venue in Bahasa Indonesia.", create: "clearable", checks: [Length(1, 255)] },
  venueCountryCode: {
    type: () => String,
    description: { create: "Country where it is held (ISO alpha-2).", update: "Country where it is held." },
    create: "required",
    checks: [IsCountryCode()],
  },
  venueAreaId: { type: () => ID, description: "Province or city where it is held.", create: "clearable", checks: [IsUUID()] },
  hostInstitutionId: { type: () => ID, description: "The hosting institution.", create: "required", checks: [IsUUID()] },
  invitedCountryCodes: {
    type: () => [String],
    description: { create: "Countries invited to send participants (ISO alpha-2).", update: "Countries invited to send participants." },
    create: "required",
    checks: [ArrayMaxSize(250), IsCountryCode({ each: true })],
  },
  ...lifecycleFields,
  iatiIdentifier: iatiIdentifierField,
});

@InputType({ description: "A new edition of a programme." })
export class CreateEditionInput {
  @fields.programId.create programId: string;
  @fields.titleEn.create titleEn: string;
  @fields.titleId.create titleId?: string | null;
  @fields.plannedStartDate.create plannedStartDate: string;
  @fields.plannedEndDate.create plannedEndDate: string;
  @fields.actualStartDate.create actualStartDate?: string | null;
  @fields.actualEndDate.create actualEndDate?: string | null;
  @fields.venueEn.create venueEn?: string | null;
  @fields.venueId.create venueId?: string | null;
  @fields.venueCountryCode.create venueCountryCode: string;
  @fields.venueAreaId.create venueAreaId?: string | null;
  @fields.hostInstitutionId.create hostInstitutionId: string;
  @fields.invitedCountryCodes.create invitedCountryCodes: string[];
  @fields.status.create status: ActivityStatus;
  @fields.published.create published?: boolean;
  @fields.iatiIdentifier.create iatiIdentifier?: string | null;
}

@InputType({ description: "Changes to an edition; omitted fields stay as they are, null clears an optional field." })
export class UpdateEditionInput {
  @fields.titleEn.update titleEn?: string;
  @fields.titleId.update titleId?: string | null;
  @fields.plannedStartDate.update plannedStartDate?: string;
  @fields.plannedEndDate.update plannedEndDate?: string;
  @fields.actualStartDate.update actualStartDate?: string | null;
  @fields.actualEndDate.update actualEndDate?: string | null;
  @fields.venueEn.update venueEn?: string | null;
  @fields.venueId.update venueId?: string | null;
  @fields.venueCountryCode.update venueCountryCode?: string;
  @fields.venueAreaId.update venueAreaId?: string | null;
  @fields.hostInstitutionId.update hostInstitutionId?: string;
  @fields.invitedCountryCodes.update invitedCountryCodes?: string[];
  @fields.status.update status?: ActivityStatus;
  @fields.published.update published?: boolean;
  @fields.iatiIdentifier.update iatiIdentifier?: string | null;
}
