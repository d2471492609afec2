import { ArrayMaxSize, IsBoolean, IsInt, IsUUID, Length, Matches, Max, Min } from "class-validator";
import { inputFields, type InputFieldSpec } from "@sstc/subgraph-kit";
import { ID, InputType, Int } from "type-graphql";
import { ActivityStatus, CooperationModality } from "./program.enums";
import { SDG_TARGET } from "../sdg/sdg-codes";
import { iatiIdentifierField } from "../iati/iati-identifier";

const CODE = /^[A-Z0-9][A-Z0-9_.-]{0,39}$/;

/** Status and publication, defined once for programmes and their editions. */
export const lifecycleFields = {
  status: { type: () => ActivityStatus, description: "Status.", create: "required" },
  published: {
    type: () => Boolean,
    description: {
      create: "False to keep it a draft, seen only by the partner role and above. Defaults to true.",
      update: "Publish (true) or withdraw to draft (false).",
    },
    create: "omittable",
    checks: [IsBoolean()],
  },
} satisfies Record<string, InputFieldSpec>;

const fields = inputFields({
  code: {
    type: () => String,
    description: { create: "Unique short code, upper case, e.g. TPBIS-CP.", update: "Unique short code." },
    create: "required",
    checks: [Matches(CODE, { message: "must be 1–40 upper-case letters, digits, '.', '_' or '-'" })],
  },
  titleEn: { type: () => String, description: "Title in English.", create: "required", checks: [Length(2, 255)] },
  titleId: { type: () => String, description: "Title in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 255)] },
  summaryEn: { type: () => String, description: "Summary in English.", create: "clearable", checks: [Length(1, 10_000)] },
  summaryId: { type: () => String, description: "Summary in Bahasa Indonesia.", create: "clearable", checks: [Length(1, 10_000)] },
  themeEn: { type: () => String, description: "Theme in English.", create: "clearable", checks: [Length(1, 120)] },
  themeId: { type: () => String, description: "Theme in Bahasa Indonesia.", create: "clearable", checks: [Length(1, 120)] },
  sdgGoals: {
    type: () => [Int],
    description: { create: "SDGs (1–17) the programme contributes to.", update: "SDGs (1–17); replaces the current list." },
    create: "required",
    checks: [ArrayMaxSize(17), IsInt({ each: true }), Min(1, { each: true }), Max(17, { each: true })],
  },
  sdgTargets: {
    type: () => [String],
    description: { create: "SDG targets, e.g. 4.6, 6.b.", update: "SDG targets; replaces the current list." },
    create: "required",
    checks: [ArrayMaxSize(169), Matches(SDG_TARGET, { each: true, message: "each must be an SDG target such as 4.6 or 6.b" })],
  },
  modality: {
    type: () => CooperationModality,
    description: { create: "Modality; null for a domestic programme.", update: "Modality." },
    create: "clearable",
  },
  ...lifecycleFields,
  leadInstitutionId: {
    type: () => ID,
    description: { create: "Leading institution (institutions subgraph).", update: "Leading institution." },
    create: "required",
    checks: [IsUUID()],
  },
  parentProgramId: { type: () => ID, description: "The wider programme it belongs to.", create: "clearable", checks: [IsUUID()] },
  iatiIdentifier: iatiIdentifierField,
});

@InputType({ description: "A new programme." })
export class CreateProgramInput {
  @fields.code.create code: string;
  @fields.titleEn.create titleEn: string;
  @fields.titleId.create titleId?: string | null;
  @fields.summaryEn.create summaryEn?: string | null;
  @fields.summaryId.create summaryId?: string | null;
  @fields.themeEn.create themeEn?: string | null;
  @fields.themeId.create themeId?: string | null;
  @fields.sdgGoals.create sdgGoals: number[];
  @fields.sdgTargets.create sdgTargets: string[];
  @fields.modality.create modality?: CooperationModality | null;
  @fields.status.create status: ActivityStatus;
  @fields.published.create published?: boolean;
  @fields.leadInstitutionId.create leadInstitutionId: string;
  @fields.parentProgramId.create parentProgramId?: string | null;
  @fields.iatiIdentifier.create iatiIdentifier?: string | null;
}

@InputType({ description: "Changes to a programme; omitted fields stay as they are. SDG lists, when given, replace the old ones." })
export class UpdateProgramInput {
  @fields.code.update code?: string;
  @fields.titleEn.update titleEn?: string;
  @fields.titleId.update titleId?: string | null;
  @fields.summaryEn.update summaryEn?: string | null;
  @fields.summaryId.update summaryId?: string | null;
  @fields.themeEn.update themeEn?: string | null;
  @fields.themeId.update themeId?: string | null;
  @fields.sdgGoals.update sdgGoals?: number[];
  @fields.sdgTargets.update sdgTargets?: string[];
  @fields.modality.update modality?: CooperationModality | null;
  @fields.status.update status?: ActivityStatus;
  @fields.published.update published?: boolean;
  @fields.leadInstitutionId.update leadInstitutionId?: string;
  @fields.parentProgramId.update parentProgramId?: string | null;
  @fields.iatiIdentifier.update iatiIdentifier?: string | null;
}
