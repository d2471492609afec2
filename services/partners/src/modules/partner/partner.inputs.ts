import { IsUUID, Length } from "class-validator";
import { IsCountryCode, inputFields } from "@sstc/subgraph-kit";
import { ID, InputType } from "type-graphql";
import { PartnerKind } from "./partner.entity";

const fields = inputFields({
  nameEn: { type: () => String, description: "Name in English.", create: "required", checks: [Length(2, 255)] },
  nameId: { type: () => String, description: "Name in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 255)] },
  acronym: { type: () => String, description: "Short name.", create: "clearable", checks: [Length(1, 40)] },
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
  @fields.kind.update kind?: PartnerKind;
  @fields.homeCountryCode.update homeCountryCode?: string;
}
