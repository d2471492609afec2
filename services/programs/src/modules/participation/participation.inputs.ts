import { IsUUID, Length } from "class-validator";
import { IsCountryCode, inputFields } from "@sstc/subgraph-kit";
import { ID, InputType } from "type-graphql";
import { ParticipantGender, ParticipationRole, ParticipationStatus } from "./participation.entity";

const fields = inputFields({
  personId: { type: () => ID, description: "The person (institutions subgraph).", create: "required", checks: [IsUUID()] },
  role: {
    type: () => ParticipationRole,
    description: { create: "Participant, facilitator, speaker or organiser.", update: "Role." },
    create: "required",
  },
  status: {
    type: () => ParticipationStatus,
    description: { create: "Defaults to NOMINATED.", update: "Status (nominated → accepted → attended → completed, or withdrawn)." },
    create: "omittable",
  },
  countryCode: {
    type: () => String,
    description: { create: "Country the person represents (ISO alpha-2).", update: "Country represented." },
    create: "required",
    checks: [IsCountryCode()],
  },
  institutionId: { type: () => ID, description: "Sending institution.", create: "clearable", checks: [IsUUID()] },
  areaId: {
    type: () => ID,
    description: { create: "Province, regency or city represented.", update: "Area represented." },
    create: "clearable",
    checks: [IsUUID()],
  },
  gender: {
    type: () => ParticipantGender,
    description: { create: "Gender, for statistics.", update: "Gender." },
    create: "clearable",
  },
  note: { type: () => String, description: "Remark.", create: "clearable", checks: [Length(1, 255)] },
});

@InputType({ description: "One person registered for an edition." })
export class ParticipationInput {
  @fields.personId.create personId: string;
  @fields.role.create role: ParticipationRole;
  @fields.status.create status?: ParticipationStatus;
  @fields.countryCode.create countryCode: string;
  @fields.institutionId.create institutionId?: string | null;
  @fields.areaId.create areaId?: string | null;
  @fields.gender.create gender?: ParticipantGender | null;
  @fields.note.create note?: string | null;
}

@InputType({ description: "Changes to a participation; omitted fields stay as they are." })
export class UpdateParticipationInput {
  @fields.role.update role?: ParticipationRole;
  @fields.status.update status?: ParticipationStatus;
  @fields.countryCode.update countryCode?: string;
  @fields.institutionId.update institutionId?: string | null;
  @fields.areaId.update areaId?: string | null;
  @fields.gender.update gender?: ParticipantGender | null;
  @fields.note.update note?: string | null;
}
