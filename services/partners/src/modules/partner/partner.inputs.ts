import { IsUrl, IsUUID, Length } from "class-validator";
import { IsCountryCode, IsSlug, inputFields } from "@sstc/subgraph-kit";
import { ID, InputType } from "type-graphql";
import { PartnerKind } from "./partner.entity";

const fields = inputFields({
  nameEn: { type: () => String, description: "Name in English.", create: "required", checks: [Length(2, 255)] },
  nameId: { type: () => String, description: "Name in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 255)] },
  acronym: { type: () => String, description: "Short name.", create: "clearable", checks: [Length(1, 40)] },
  slug: {
    type: () => String,
    description: {
      create:
        "Short, stable name for addresses (lower-case letters, digits, hyphens), unique among live partners; generated from the acronym or name when omitted.",
      update: "Short, stable name for addresses (lower-case letters, digits, hyphens), unique among live partners; changes only when given.",
    },
    create: "omittable",
    checks: [IsSlug()],
  },
  descriptionEn: { type: () => String, description: "What the partner is and does, in English.", create: "clearable", checks: [Length(2, 4000)] },
  descriptionId: { type: () => String, description: "What the partner is and does, in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 4000)] },
  website: {
    type: () => String,
    description: { create: "Public website (https).", update: "Public website." },
    create: "clearable",
    checks: [IsUrl({ protocols: ["https", "http"], require_protocol: true })],
  },
  kind: { type: () => PartnerKind, description: "Kind of partner.", create: "required" },
  institutionId: {
    type: () => ID,
    description: "The institution this partner is (institutions subgraph).",
    create: "required",
    checks: [IsUUID()],
  },
  homeCountryCode: {
    type: () => String,
    description: { create: "Home country (ISO alpha-2).", update: "Home country." },
    create: "required",
    checks: [IsCountryCode()],
  },
  parentPartnerId: { type: () => ID, description: "The partner this one is part of.", create: "clearable", checks: [IsUUID()] },
});

@InputType({ description: "A new diplomacy partner." })
export class CreatePartnerInput {
  @fields.nameEn.create nameEn: string;
  @fields.nameId.create nameId?: string | null;
  @fields.acronym.create acronym?: string | null;
  @fields.slug.create slug?: string;
  @fields.descriptionEn.create descriptionEn?: string | null;
  @fields.descriptionId.create descriptionId?: string | null;
  @fields.website.create website?: string | null;
  @fields.kind.create kind: PartnerKind;
  @fields.institutionId.create institutionId: string;
  @fields.homeCountryCode.create homeCountryCode: string;
  @fields.parentPartnerId.create parentPartnerId?: string | null;
}

@InputType({ description: "Changes to a partner; omitted fields stay as they are." })
export class UpdatePartnerInput {
  @fields.nameEn.update nameEn?: string;
  @fields.nameId.update nameId?: string | null;
  @fields.acronym.update acronym?: string | null;
  @fields.slug.update slug?: string;
  @fields.descriptionEn.update descriptionEn?: string | null;
  @fields.descriptionId.update descriptionId?: string | null;
  @fields.website.update website?: string | null;
  @fields.kind.update kind?: PartnerKind;
  @fields.homeCountryCode.update homeCountryCode?: string;
}
