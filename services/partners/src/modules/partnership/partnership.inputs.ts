import { IsUUID, Length } from "class-validator";
import { inputFields } from "@sstc/subgraph-kit";
import { ID, InputType } from "type-graphql";
import { PartnershipRole } from "./partnership.entity";

const fields = inputFields({
  programId: { type: () => ID, description: "The programme (programs subgraph).", create: "required", checks: [IsUUID()] },
  partnerId: { type: () => ID, description: "The partner.", create: "required", checks: [IsUUID()] },
  role: { type: () => PartnershipRole, description: "Its role.", create: "required" },
  editionId: {
    type: () => ID,
    description: "The one edition of the programme the partnership is for; omit it for the whole programme.",
    create: "clearable",
    checks: [IsUUID()],
  },
  contributionEn: {
    type: () => String,
    description: { create: "What it contributes, in English.", update: "Contribution in English." },
    create: "clearable",
    checks: [Length(1, 5000)],
  },
  contributionId: {
    type: () => String,
    description: { create: "What it contributes, in Bahasa Indonesia.", update: "Contribution in Bahasa Indonesia." },
    create: "clearable",
    checks: [Length(1, 5000)],
  },
});

@InputType({ description: "A partner's role in a programme." })
export class CreateProgramPartnershipInput {
  @fields.programId.create programId: string;
  @fields.partnerId.create partnerId: string;
  @fields.role.create role: PartnershipRole;
  @fields.editionId.create editionId?: string | null;
  @fields.contributionEn.create contributionEn?: string | null;
  @fields.contributionId.create contributionId?: string | null;
}

@InputType({ description: "Changes to a programme partnership; omitted fields stay as they are." })
export class UpdateProgramPartnershipInput {
  @fields.role.update role?: PartnershipRole;
  @fields.contributionEn.update contributionEn?: string | null;
  @fields.contributionId.update contributionId?: string | null;
}
