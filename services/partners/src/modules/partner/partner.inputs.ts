import { IsOptional, IsUUID, Length } from "class-validator";
import { IsCountryCode, Omittable } from "@sstc/common";
import { Field, ID, InputType } from "type-graphql";
import { PartnerKind } from "./partner.entity";

@InputType({ description: "A new diplomacy partner." })
export class CreatePartnerInput {
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

  @Field(() => PartnerKind, { description: "Kind of partner." })
  kind: PartnerKind;

  @Field(() => ID, { description: "The institution this partner is (institutions subgraph)." })
  @IsUUID()
  institutionId: string;

  @Field({ description: "Home country (ISO alpha-2)." })
  @IsCountryCode()
  homeCountryCode: string;

  @Field(() => ID, { nullable: true, description: "The partner this one is part of." })
  @IsOptional()
  @IsUUID()
  parentPartnerId?: string | null;
}

@InputType({ description: "Changes to a partner; omitted fields stay as they are." })
export class UpdatePartnerInput {
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

  @Field(() => PartnerKind, { nullable: true, description: "Kind of partner." })
  @Omittable()
  kind?: PartnerKind;

  @Field({ nullable: true, description: "Home country." })
  @Omittable()
  @IsCountryCode()
  homeCountryCode?: string;
}
