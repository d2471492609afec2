import { ArrayMaxSize, IsBoolean, IsOptional, IsUUID, Length } from "class-validator";
import { IsIsoDate, IsCountryCode, Omittable } from "@sstc/common";
import { Field, ID, InputType } from "type-graphql";
import { ActivityStatus } from "../program/program.enums";

@InputType({ description: "A new edition of a programme." })
export class CreateEditionInput {
  @Field(() => ID, { description: "The programme." })
  @IsUUID()
  programId: string;

  @Field({ description: "Title in English." })
  @Length(2, 255)
  titleEn: string;

  @Field(() => String, { nullable: true, description: "Title in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  titleId?: string | null;

  @Field({ description: "Planned first day (ISO 8601 date)." })
  @IsIsoDate()
  plannedStartDate: string;

  @Field({ description: "Planned last day (ISO 8601 date)." })
  @IsIsoDate()
  plannedEndDate: string;

  @Field(() => String, { nullable: true, description: "Actual first day." })
  @IsOptional()
  @IsIsoDate()
  actualStartDate?: string | null;

  @Field(() => String, { nullable: true, description: "Actual last day." })
  @IsOptional()
  @IsIsoDate()
  actualEndDate?: string | null;

  @Field(() => String, { nullable: true, description: "Venue in English, e.g. the city." })
  @IsOptional()
  @Length(1, 255)
  venueEn?: string | null;

  @Field(() => String, { nullable: true, description: "Venue in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 255)
  venueId?: string | null;

  @Field({ description: "Country where it is held (ISO alpha-2)." })
  @IsCountryCode()
  venueCountryCode: string;

  @Field(() => ID, { nullable: true, description: "Province or city where it is held." })
  @IsOptional()
  @IsUUID()
  venueAreaId?: string | null;

  @Field(() => ID, { description: "The hosting institution." })
  @IsUUID()
  hostInstitutionId: string;

  @Field(() => [String], { description: "Countries invited to send participants (ISO alpha-2)." })
  @ArrayMaxSize(250)
  @IsCountryCode({ each: true })
  invitedCountryCodes: string[];

  @Field(() => ActivityStatus, { description: "Status." })
  status: ActivityStatus;

  @Field({ nullable: true, description: "False to keep it a draft, seen only by the partner role and above. Defaults to true." })
  @Omittable()
  @IsBoolean()
  published?: boolean;
}

@InputType({ description: "Changes to an edition; omitted fields stay as they are, null clears an optional field." })
export class UpdateEditionInput {
  @Field({ nullable: true, description: "Title in English." })
  @Omittable()
  @Length(2, 255)
  titleEn?: string;

  @Field(() => String, { nullable: true, description: "Title in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  titleId?: string | null;

  @Field({ nullable: true, description: "Planned first day." })
  @Omittable()
  @IsIsoDate()
  plannedStartDate?: string;

  @Field({ nullable: true, description: "Planned last day." })
  @Omittable()
  @IsIsoDate()
  plannedEndDate?: string;

  @Field(() => String, { nullable: true, description: "Actual first day." })
  @IsOptional()
  @IsIsoDate()
  actualStartDate?: string | null;

  @Field(() => String, { nullable: true, description: "Actual last day." })
  @IsOptional()
  @IsIsoDate()
  actualEndDate?: string | null;

  @Field(() => String, { nullable: true, description: "Venue in English." })
  @IsOptional()
  @Length(1, 255)
  venueEn?: string | null;

  @Field(() => String, { nullable: true, description: "Venue in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 255)
  venueId?: string | null;

  @Field({ nullable: true, description: "Country where it is held." })
  @Omittable()
  @IsCountryCode()
  venueCountryCode?: string;

  @Field(() => ID, { nullable: true, description: "Province or city where it is held." })
  @IsOptional()
  @IsUUID()
  venueAreaId?: string | null;

  @Field(() => ID, { nullable: true, description: "The hosting institution." })
  @Omittable()
  @IsUUID()
  hostInstitutionId?: string;

  @Field(() => [String], { nullable: true, description: "Countries invited to send participants." })
  @Omittable()
  @ArrayMaxSize(250)
  @IsCountryCode({ each: true })
  invitedCountryCodes?: string[];

  @Field(() => ActivityStatus, { nullable: true, description: "Status." })
  @Omittable()
  status?: ActivityStatus;

  @Field({ nullable: true, description: "Publish (true) or withdraw to draft (false)." })
  @Omittable()
  @IsBoolean()
  published?: boolean;
}
