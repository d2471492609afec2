import { IsInt, IsOptional, IsUUID, Length, Max, Min } from "class-validator";
import { IsIsoDate, Omittable } from "@sstc/common";
import { Field, ID, InputType, Int } from "type-graphql";
import { ActivityKind } from "./activity.entity";

@InputType({ description: "A new activity of an edition." })
export class CreateActivityInput {
  @Field(() => ID, { description: "The edition." })
  @IsUUID()
  editionId: string;

  @Field(() => ActivityKind, { description: "Kind of activity." })
  kind: ActivityKind;

  @Field({ description: "Title in English." })
  @Length(2, 255)
  titleEn: string;

  @Field(() => String, { nullable: true, description: "Title in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  titleId?: string | null;

  @Field(() => String, { nullable: true, description: "What happens, in English." })
  @IsOptional()
  @Length(1, 5000)
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true, description: "What happens, in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 5000)
  descriptionId?: string | null;

  @Field(() => String, { nullable: true, description: "Day (ISO 8601 date)." })
  @IsOptional()
  @IsIsoDate()
  date?: string | null;

  @Field(() => Int, { nullable: true, description: "Position in the programme (0 first)." })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sequence?: number;

  @Field(() => ID, { nullable: true, description: "Where it takes place (an institution)." })
  @IsOptional()
  @IsUUID()
  siteInstitutionId?: string | null;
}

@InputType({ description: "Changes to an activity; omitted fields stay as they are." })
export class UpdateActivityInput {
  @Field(() => ActivityKind, { nullable: true, description: "Kind of activity." })
  @Omittable()
  kind?: ActivityKind;

  @Field({ nullable: true, description: "Title in English." })
  @Omittable()
  @Length(2, 255)
  titleEn?: string;

  @Field(() => String, { nullable: true, description: "Title in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  titleId?: string | null;

  @Field(() => String, { nullable: true, description: "What happens, in English." })
  @IsOptional()
  @Length(1, 5000)
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true, description: "What happens, in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 5000)
  descriptionId?: string | null;

  @Field(() => String, { nullable: true, description: "Day (ISO 8601 date)." })
  @IsOptional()
  @IsIsoDate()
  date?: string | null;

  @Field(() => Int, { nullable: true, description: "Position in the programme." })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sequence?: number;

  @Field(() => ID, { nullable: true, description: "Where it takes place." })
  @IsOptional()
  @IsUUID()
  siteInstitutionId?: string | null;
}
