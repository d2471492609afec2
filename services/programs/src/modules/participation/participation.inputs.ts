import { IsOptional, IsUUID, Length } from "class-validator";
import { IsCountryCode, Omittable } from "@sstc/common";
import { Field, ID, InputType } from "type-graphql";
import { ParticipantGender, ParticipationRole, ParticipationStatus } from "./participation.entity";

@InputType({ description: "One person registered for an edition." })
export class ParticipationInput {
  @Field(() => ID, { description: "The person (institutions subgraph)." })
  @IsUUID()
  personId: string;

  @Field(() => ParticipationRole, { description: "Participant, facilitator, speaker or organiser." })
  role: ParticipationRole;

  @Field(() => ParticipationStatus, { nullable: true, description: "Defaults to NOMINATED." })
  @Omittable()
  status?: ParticipationStatus;

  @Field({ description: "Country the person represents (ISO alpha-2)." })
  @IsCountryCode()
  countryCode: string;

  @Field(() => ID, { nullable: true, description: "Sending institution." })
  @IsOptional()
  @IsUUID()
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: "Province, regency or city represented." })
  @IsOptional()
  @IsUUID()
  areaId?: string | null;

  @Field(() => ParticipantGender, { nullable: true, description: "Gender, for statistics." })
  @IsOptional()
  gender?: ParticipantGender | null;

  @Field(() => String, { nullable: true, description: "Remark." })
  @IsOptional()
  @Length(1, 255)
  note?: string | null;
}

@InputType({ description: "Changes to a participation; omitted fields stay as they are." })
export class UpdateParticipationInput {
  @Field(() => ParticipationRole, { nullable: true, description: "Role." })
  @Omittable()
  role?: ParticipationRole;

  @Field(() => ParticipationStatus, { nullable: true, description: "Status (nominated → accepted → attended → completed, or withdrawn)." })
  @Omittable()
  status?: ParticipationStatus;

  @Field({ nullable: true, description: "Country represented." })
  @Omittable()
  @IsCountryCode()
  countryCode?: string;

  @Field(() => ID, { nullable: true, description: "Sending institution." })
  @IsOptional()
  @IsUUID()
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: "Area represented." })
  @IsOptional()
  @IsUUID()
  areaId?: string | null;

  @Field(() => ParticipantGender, { nullable: true, description: "Gender." })
  @IsOptional()
  gender?: ParticipantGender | null;

  @Field(() => String, { nullable: true, description: "Remark." })
  @IsOptional()
  @Length(1, 255)
  note?: string | null;
}
