import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, ValidateNested } from "class-validator";
import { IsIsoDate, Omittable } from "@sstc/common";
import { Field, ID, InputType } from "type-graphql";
import { AgreementKind } from "./agreement.entity";

@InputType({ description: "A partner taking part in an agreement." })
export class AgreementPartyInput {
  @Field(() => ID, { description: "The partner." })
  @IsUUID()
  partnerId: string;

  @Field(() => String, { nullable: true, description: "Its role, e.g. signatory." })
  @IsOptional()
  @Length(1, 80)
  role?: string | null;
}

@InputType({ description: "A new agreement between partners." })
export class CreateAgreementInput {
  @Field({ description: "Title in English." })
  @Length(2, 255)
  titleEn: string;

  @Field(() => String, { nullable: true, description: "Title in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  titleId?: string | null;

  @Field(() => String, { nullable: true, description: "What it covers, in English." })
  @IsOptional()
  @Length(1, 5000)
  summaryEn?: string | null;

  @Field(() => String, { nullable: true, description: "What it covers, in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 5000)
  summaryId?: string | null;

  @Field(() => AgreementKind, { description: "Legal form." })
  kind: AgreementKind;

  @Field(() => String, { nullable: true, description: "Day signed (ISO 8601)." })
  @IsOptional()
  @IsIsoDate()
  signedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Day it expires (ISO 8601)." })
  @IsOptional()
  @IsIsoDate()
  expiresOn?: string | null;

  @Field(() => [AgreementPartyInput], { description: "The parties (at least two)." })
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  parties: AgreementPartyInput[];
}

@InputType({ description: "Changes to an agreement; omitted fields stay as they are." })
export class UpdateAgreementInput {
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
  @Length(1, 5000)
  summaryEn?: string | null;

  @Field(() => String, { nullable: true, description: "Summary in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 5000)
  summaryId?: string | null;

  @Field(() => AgreementKind, { nullable: true, description: "Legal form." })
  @Omittable()
  kind?: AgreementKind;

  @Field(() => String, { nullable: true, description: "Day signed." })
  @IsOptional()
  @IsIsoDate()
  signedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Day it expires." })
  @IsOptional()
  @IsIsoDate()
  expiresOn?: string | null;
}
