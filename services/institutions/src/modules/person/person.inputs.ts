import { IsEmail, IsOptional, IsUUID, Length, Matches } from "class-validator";
import { Omittable } from "@sstc/common";
import { Field, ID, InputType } from "type-graphql";
import { Gender } from "./person.entity";

@InputType({ description: "A new person." })
export class CreatePersonInput {
  @Field({ description: "Full name." })
  @Length(2, 160)
  fullName: string;

  @Field(() => String, { nullable: true, description: "Position in English." })
  @IsOptional()
  @Length(2, 255)
  positionEn?: string | null;

  @Field(() => String, { nullable: true, description: "Position in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  positionId?: string | null;

  @Field(() => ID, { description: "Institution the person works for." })
  @IsUUID()
  institutionId: string;

  @Field(() => String, { nullable: true, description: "Email address." })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number, international format." })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,40}$/, { message: "must be a phone number such as +62-21-555-0100" })
  phone?: string | null;

  @Field(() => Gender, { nullable: true, description: "Gender." })
  @IsOptional()
  gender?: Gender | null;
}

@InputType({ description: "Changes to a person; omitted fields stay as they are, null clears an optional field." })
export class UpdatePersonInput {
  @Field({ nullable: true, description: "Full name." })
  @Omittable()
  @Length(2, 160)
  fullName?: string;

  @Field(() => String, { nullable: true, description: "Position in English." })
  @IsOptional()
  @Length(2, 255)
  positionEn?: string | null;

  @Field(() => String, { nullable: true, description: "Position in Bahasa Indonesia." })
  @IsOptional()
  @Length(2, 255)
  positionId?: string | null;

  @Field(() => ID, { nullable: true, description: "Institution the person works for." })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @Field(() => String, { nullable: true, description: "Email address." })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number." })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,40}$/, { message: "must be a phone number such as +62-21-555-0100" })
  phone?: string | null;

  @Field(() => Gender, { nullable: true, description: "Gender." })
  @IsOptional()
  gender?: Gender | null;
}
