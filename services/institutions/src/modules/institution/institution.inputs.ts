import { IsOptional, IsUrl, IsUUID, Length } from "class-validator";
import { IsCountryCode, Omittable } from "@sstc/common";
import { Field, ID, InputType } from "type-graphql";
import { InstitutionType } from "./institution.entity";

@InputType({ description: "A new institution." })
export class CreateInstitutionInput {
  @Field({ description: "Name in English." })
  @Length(2, 255)
  nameEn: string;

  @Field(() => String, { nullable: true, description: "Name in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  nameId?: string | null;

  @Field(() => String, { nullable: true, description: "Short name." })
  @IsOptional()
  @Length(1, 40)
  acronym?: string | null;

  @Field(() => InstitutionType, { description: "What kind of body it is." })
  type: InstitutionType;

  @Field({ description: "ISO 3166-1 alpha-2 code of its country." })
  @IsCountryCode()
  countryCode: string;

  @Field(() => ID, { nullable: true, description: "Administrative area it is in." })
  @IsOptional()
  @IsUUID()
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: "The institution it is part of." })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: "Public website (https)." })
  @IsOptional()
  @IsUrl({ protocols: ["https", "http"], require_protocol: true })
  website?: string | null;
}

@InputType({ description: "Changes to an institution; omitted fields stay as they are, null clears an optional field." })
export class UpdateInstitutionInput {
  @Field({ nullable: true, description: "Name in English." })
  @Omittable()
  @Length(2, 255)
  nameEn?: string;

  @Field(() => String, { nullable: true, description: "Name in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  nameId?: string | null;

  @Field(() => String, { nullable: true, description: "Short name." })
  @IsOptional()
  @Length(1, 40)
  acronym?: string | null;

  @Field(() => InstitutionType, { nullable: true, description: "What kind of body it is." })
  @Omittable()
  type?: InstitutionType;

  @Field({ nullable: true, description: "ISO 3166-1 alpha-2 code of its country." })
  @Omittable()
  @IsCountryCode()
  countryCode?: string;

  @Field(() => ID, { nullable: true, description: "Administrative area it is in." })
  @IsOptional()
  @IsUUID()
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: "The institution it is part of." })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: "Public website." })
  @IsOptional()
  @IsUrl({ protocols: ["https", "http"], require_protocol: true })
  website?: string | null;
}
