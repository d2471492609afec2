import { IsInt, IsUUID, Length, Max, Min } from "class-validator";
import { DateScalar, inputFields } from "@sstc/subgraph-kit";
import { ID, InputType, Int } from "type-graphql";
import { ActivityKind } from "./activity.entity";

const fields = inputFields({
  editionId: { type: () => ID, description: "The edition.", create: "required", checks: [IsUUID()] },
  kind: { type: () => ActivityKind, description: "Kind of activity.", create: "required" },
  titleEn: { type: () => String, description: "Title in English.", create: "required", checks: [Length(2, 255)] },
  titleId: { type: () => String, description: "Title in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 255)] },
  descriptionEn: { type: () => String, description: "What happens, in English.", create: "clearable", checks: [Length(1, 5000)] },
  descriptionId: { type: () => String, description: "What happens, in Bahasa Indonesia.", create: "clearable", checks: [Length(1, 5000)] },
  date: { type: () => DateScalar, description: "First day (the only day of a one-day activity).", create: "clearable" },
  endDate: { type: () => DateScalar, description: "Last day, for an activity over several days (not before `date`).", create: "clearable" },
  venueEn: { type: () => String, description: "Where it takes place, in words, in English (e.g. Jakarta).", create: "clearable", checks: [Length(1, 255)] },
  venueId: { type: () => String, description: "Where it takes place, in words, in Bahasa Indonesia.", create: "clearable", checks: [Length(1, 255)] },
  venueAreaId: { type: () => ID, description: "Province or city where it takes place.", create: "clearable", checks: [IsUUID()] },
  sequence: {
    type: () => Int,
    description: { create: "Position in the programme (0 first).", update: "Position in the programme." },
    create: "omittable",
    checks: [IsInt(), Min(0), Max(10_000)],
  },
  siteInstitutionId: {
    type: () => ID,
    description: { create: "Where it takes place (an institution).", update: "Where it takes place." },
    create: "clearable",
    checks: [IsUUID()],
  },
});

@InputType({ description: "A new activity of an edition." })
export class CreateActivityInput {
  @fields.editionId.create editionId: string;
  @fields.kind.create kind: ActivityKind;
  @fields.titleEn.create titleEn: string;
  @fields.titleId.create titleId?: string | null;
  @fields.descriptionEn.create descriptionEn?: string | null;
  @fields.descriptionId.create descriptionId?: string | null;
  @fields.date.create date?: string | null;
  @fields.endDate.create endDate?: string | null;
  @fields.venueEn.create venueEn?: string | null;
  @fields.venueId.create venueId?: string | null;
  @fields.venueAreaId.create venueAreaId?: string | null;
  @fields.sequence.create sequence?: number;
  @fields.siteInstitutionId.create siteInstitutionId?: string | null;
}

@InputType({ description: "Changes to an activity; omitted fields stay as they are." })
export class UpdateActivityInput {
  @fields.kind.update kind?: ActivityKind;
  @fields.titleEn.update titleEn?: string;
  @fields.titleId.update titleId?: string | null;
  @fields.descriptionEn.update descriptionEn?: string | null;
  @fields.descriptionId.update descriptionId?: string | null;
  @fields.date.update date?: string | null;
  @fields.endDate.update endDate?: string | null;
  @fields.venueEn.update venueEn?: string | null;
  @fields.venueId.update venueId?: string | null;
  @fields.venueAreaId.update venueAreaId?: string | null;
  @fields.sequence.update sequence?: number;
  @fields.siteInstitutionId.update siteInstitutionId?: string | null;
}
