import { IsOptional, IsUUID, Length } from "class-validator";
import { Omittable } from "@sstc/common";
import { Field, ID, InputType } from "type-graphql";
import { PartnershipRole } from "./partnership.entity";

@InputType({ description: "A partner's role in a programme." })
export class CreateProgramPartnershipInput {
  @Field(() => ID, { description: "The programme (programs subgraph)." })
  @IsUUID()
  programId: string;

  @Field(() => ID, { description: "The partner." })
  @IsUUID()
  partnerId: string;

  @Field(() => PartnershipRole, { description: "Its role." })
  role: PartnershipRole;

  @Field(() => String, { nullable: true, description: "What it contributes, in English." })
  @IsOptional()
  @Length(1, 5000)
  contributionEn?: string | null;

  @Field(() => String, { nullable: true, description: "What it contributes, in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 5000)
  contributionId?: string | null;
}

@InputType({ description: "Changes to a programme partnership; omitted fields stay as they are." })
export class UpdateProgramPartnershipInput {
  @Field(() => PartnershipRole, { nullable: true, description: "Its role." })
  @Omittable()
  role?: PartnershipRole;

  @Field(() => String, { nullable: true, description: "Contribution in English." })
  @IsOptional()
  @Length(1, 5000)
  contributionEn?: string | null;

  @Field(() => String, { nullable: true, description: "Contribution in Bahasa Indonesia." })
  @IsOptional()
  @Length(1, 5000)
  contributionId?: string | null;
}
