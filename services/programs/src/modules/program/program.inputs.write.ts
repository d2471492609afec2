import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from "class-validator";
import { Omittable } from "@sstc/common";
import { Field, ID, InputType, Int } from "type-graphql";
import { ActivityStatus, CooperationModality } from "./program.enums";
import { SDG_TARGET } from "../sdg/sdg-codes";

const CODE = /^[A-Z0-9][A-Z0-9_.-]{0,39}$/;

@InputType({ description: "A new programme." })
export class CreateProgramInput {
  @Field({ description: "Unique short code, upper case, e.g. TPBIS-CP." })
  @Matches(CODE, { message: "must be 1–40 upper-case letters, digits, '.', '_' or '-'" })
  code: string;

  @Field({ description: "Title in English." })
  @Length(2, 255)
  titleEn: string;

  @Field(() => String, { nullable: true, description: "Title in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  titleId?: string | null;

  @Field(() => String, { nullable: true, description: "Summary in English." })
  @IsOptional()
  @Length(1, 10_000)
  summaryEn?: string | null;

  @Field(() => String, { nullable: true, description: "Summary in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 10_000)
  summaryId?: string | null;

  @Field(() => String, { nullable: true, description: "Theme in English." })
  @IsOptional()
  @Length(1, 120)
  themeEn?: string | null;

  @Field(() => String, { nullable: true, description: "Theme in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 120)
  themeId?: string | null;

  @Field(() => [Int], { description: "SDGs (1–17) the programme contributes to." })
  @ArrayMaxSize(17)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgGoals: number[];

  @Field(() => [String], { description: "SDG targets, e.g. 4.6, 6.b." })
  @ArrayMaxSize(169)
  @Matches(SDG_TARGET, { each: true, message: "each must be an SDG target such as 4.6 or 6.b" })
  sdgTargets: string[];

  @Field(() => CooperationModality, { nullable: true, description: "Modality; null for a domestic programme." })
  @IsOptional()
  modality?: CooperationModality | null;

  @Field(() => ActivityStatus, { description: "Status." })
  status: ActivityStatus;

  @Field({ nullable: true, description: "False to keep it a draft, seen only by the partner role and above. Defaults to true." })
  @Omittable()
  @IsBoolean()
  published?: boolean;

  @Field(() => ID, { description: "Leading institution (institutions subgraph)." })
  @IsUUID()
  leadInstitutionId: string;

  @Field(() => ID, { nullable: true, description: "The wider programme it belongs to." })
  @IsOptional()
  @IsUUID()
  parentProgramId?: string | null;
}

@InputType({ description: "Changes to a programme; omitted fields stay as they are. SDG lists, when given, replace the old ones." })
export class UpdateProgramInput {
  @Field({ nullable: true, description: "Unique short code." })
  @Omittable()
  @Matches(CODE, { message: "must be 1–40 upper-case letters, digits, '.', '_' or '-'" })
  code?: string;

  @Field({ nullable: true, description: "Title in English." })
  @Omittable()
  @Length(2, 255)
  titleEn?: string;

  @Field(() => String, { nullable: true, description: "Title in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  titleId?: string | null;

  @Field(() => String, { nullable: true, description: "Summary in English." })
  @IsOptional()
  @Length(1, 10_000)
  summaryEn?: string | null;

  @Field(() => String, { nullable: true, description: "Summary in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 10_000)
  summaryId?: string | null;

  @Field(() => String, { nullable: true, description: "Theme in English." })
  @IsOptional()
  @Length(1, 120)
  themeEn?: string | null;

  @Field(() => String, { nullable: true, description: "Theme in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 120)
  themeId?: string | null;

  @Field(() => [Int], { nullable: true, description: "SDGs (1–17); replaces the current list." })
  @Omittable()
  @ArrayMaxSize(17)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgGoals?: number[];

  @Field(() => [String], { nullable: true, description: "SDG targets; replaces the current list." })
  @Omittable()
  @ArrayMaxSize(169)
  @Matches(SDG_TARGET, { each: true, message: "each must be an SDG target such as 4.6 or 6.b" })
  sdgTargets?: string[];

  @Field(() => CooperationModality, { nullable: true, description: "Modality." })
  @IsOptional()
  modality?: CooperationModality | null;

  @Field(() => ActivityStatus, { nullable: true, description: "Status." })
  @Omittable()
  status?: ActivityStatus;

  @Field({ nullable: true, description: "Publish (true) or withdraw to draft (false)." })
  @Omittable()
  @IsBoolean()
  published?: boolean;

  @Field(() => ID, { nullable: true, description: "Leading institution." })
  @Omittable()
  @IsUUID()
  leadInstitutionId?: string;

  @Field(() => ID, { nullable: true, description: "The wider programme it belongs to." })
  @IsOptional()
  @IsUUID()
  parentProgramId?: string | null;
}
