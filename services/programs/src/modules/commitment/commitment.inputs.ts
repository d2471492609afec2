import { IsOptional, IsUUID, Length } from "class-validator";
import { IsIsoDate, IsCountryCode, Omittable } from "@sstc/common";
import { Field, ID, InputType } from "type-graphql";
import { FollowUpStatus } from "./commitment.entity";

@InputType({ description: "A new commitment made at the end of an edition." })
export class CreateCommitmentInput {
  @Field(() => ID, { description: "The edition it came out of." })
  @IsUUID()
  editionId: string;

  @Field(() => ID, { nullable: true, description: "The participant who made it (a personal action plan)." })
  @IsOptional()
  @IsUUID()
  participationId?: string | null;

  @Field({ description: "The country committing (ISO alpha-2)." })
  @IsCountryCode()
  countryCode: string;

  @Field({ description: "The commitment in English." })
  @Length(5, 5000)
  descriptionEn: string;

  @Field(() => String, { nullable: true, description: "The commitment in Bahasa Indonesia." })
  @IsOptional()
  @Length(5, 5000)
  descriptionId?: string | null;

  @Field(() => FollowUpStatus, { nullable: true, description: "Defaults to PLANNED." })
  @Omittable()
  followUpStatus?: FollowUpStatus;

  @Field(() => String, { nullable: true, description: "Target date (ISO 8601 date)." })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string | null;
}

@InputType({ description: "Changes to a commitment, such as its follow-up status; omitted fields stay as they are." })
export class UpdateCommitmentInput {
  @Field({ nullable: true, description: "The commitment in English." })
  @Omittable()
  @Length(5, 5000)
  descriptionEn?: string;

  @Field(() => String, { nullable: true, description: "The commitment in Bahasa Indonesia." })
  @IsOptional()
  @Length(5, 5000)
  descriptionId?: string | null;

  @Field(() => FollowUpStatus, { nullable: true, description: "Follow-up status." })
  @Omittable()
  followUpStatus?: FollowUpStatus;

  @Field(() => String, { nullable: true, description: "Target date." })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string | null;
}
