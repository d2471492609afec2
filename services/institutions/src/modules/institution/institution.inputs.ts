import { IsUrl, IsUUID, Length } from "class-validator";
import { IsCountryCode, IsSlug, inputFields } from "@sstc/subgraph-kit";
import { ID, InputType } from "type-graphql";
import { InstitutionType } from "./institution.entity";

const fields = inputFields({
  nameEn: { type: () => String, description: "Name in English.", create: "required", checks: [Length(2, 255)] },
  nameId: { type: () => String, description: "Name in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 255)] },
  acronym: { type: () => String, description: "Short name.", create: "clearable", checks: [Length(1, 40)] },
  slug: {
    type: () => String,
    description: {
      create:
        "Short, stable name for addresses (lower-case letters, digits, hyphens), unique among live institutions; generated from the acronym or name when omitted.",
      update: "Short, stable name for addresses (lower-case letters, digits, hyphens), unique among live institutions; changes only when given.",
    },
    create: "omittable",
    checks: [IsSlug()],
  },
  type: { type: () => InstitutionType, description: "What kind of body it is.", create: "required" },
  countryCode: { type: () => String, description: "ISO 3166-1 alpha-2 code of its country.", create: "required", checks: [IsCountryCode()] },
  areaId: { type: () => ID, description: "Administrative area it is in.", create: "clearable", checks: [IsUUID()] },
  parentId: { type: () => ID, description: "The institution it is part of.", create: "clearable", checks: [IsUUID()] },
  website: {
    type: () => String,
    description: { create: "Public website (https).", update: "Public website." },
    create: "clearable",
    checks: [IsUrl({ protocols: ["https", "http"], require_protocol: true })],
  },
});

@InputType({ description: "A new institution." })
export class CreateInstitutionInput {
  @fields.nameEn.create nameEn: string;
  @fields.nameId.create nameId?: string | null;
  @fields.acronym.create acronym?: string | null;
  @fields.slug.create slug?: string;
  @fields.type.create type: InstitutionType;
  @fields.countryCode.create countryCode: string;
  @fields.areaId.create areaId?: string | null;
  @fields.parentId.create parentId?: string | null;
  @fields.website.create website?: string | null;
}

@InputType({ description: "Changes to an institution; omitted fields stay as they are, null clears an optional field." })
export class UpdateInstitutionInput {
  @fields.nameEn.update nameEn?: string;
  @fields.nameId.update nameId?: string | null;
  @fields.acronym.update acronym?: string | null;
  @fields.slug.update slug?: string;
  @fields.type.update type?: InstitutionType;
  @fields.countryCode.update countryCode?: string;
  @fields.areaId.update areaId?: string | null;
  @fields.parentId.update parentId?: string | null;
  @fields.website.update website?: string | null;
}
