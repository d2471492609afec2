import { IsUUID, Length } from "class-validator";
import { DateScalar, IsCountryCode, inputFields } from "@sstc/subgraph-kit";
import { ID, InputType } from "type-graphql";
import { CommitmentKind, CommitmentParty, FollowUpStatus } from "./commitment.entity";

const fields = inputFields({
  editionId: { type: () => ID, description: "The edition it came out of.", create: "required", checks: [IsUUID()] },
  participationId: {
    type: () => ID,
    description: "The participant who made it (a personal action plan).",
    create: "clearable",
    checks: [IsUUID()],
  },
  countryCode: {
    type: () => String,
    description: "The country committing, or the one the commitment concerns when another party makes it (ISO alpha-2).",
    create: "required",
    checks: [IsCountryCode()],
  },
  kind: { type: () => CommitmentKind, description: "A commitment (the default) or a pledge.", create: "omittable" },
  party: {
    type: () => CommitmentParty,
    description: "Who makes it; by default the participant when `participationId` is given, else the country.",
    create: "omittable",
  },
  institutionId: {
    type: () => ID,
    description: "The institution making it, for an INSTITUTION or ORGANISER party (required for those).",
    create: "clearable",
    checks: [IsUUID()],
  },
  descriptionEn: { type: () => String, description: "The commitment in English.", create: "required", checks: [Length(5, 5000)] },
  descriptionId: { type: () => String, description: "The commitment in Bahasa Indonesia.", create: "clearable", checks: [Length(5, 5000)] },
  followUpStatus: {
    type: () => FollowUpStatus,
    description: { create: "Defaults to PLANNED.", update: "Follow-up status." },
    create: "omittable",
  },
  dueDate: { type: () => DateScalar, description: "Target date.", create: "clearable" },
});

@InputType({ description: "A new commitment made at the end of an edition." })
export class CreateCommitmentInput {
  @fields.editionId.create editionId: string;
  @fields.participationId.create participationId?: string | null;
  @fields.countryCode.create countryCode: string;
  @fields.kind.create kind?: CommitmentKind;
  @fields.party.create party?: CommitmentParty;
  @fields.institutionId.create institutionId?: string | null;
  @fields.descriptionEn.create descriptionEn: string;
  @fields.descriptionId.create descriptionId?: string | null;
  @fields.followUpStatus.create followUpStatus?: FollowUpStatus;
  @fields.dueDate.create dueDate?: string | null;
}

@InputType({ description: "Changes to a commitment, such as its follow-up status; omitted fields stay as they are." })
export class UpdateCommitmentInput {
  @fields.descriptionEn.update descriptionEn?: string;
  @fields.descriptionId.update descriptionId?: string | null;
  @fields.followUpStatus.update followUpStatus?: FollowUpStatus;
  @fields.dueDate.update dueDate?: string | null;
}
