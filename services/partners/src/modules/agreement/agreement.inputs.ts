import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, ValidateNested } from "class-validator";
import { DateScalar, inputFields } from "@sstc/subgraph-kit";
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

const fields = inputFields({
  titleEn: { type: () => String, description: "Title in English.", create: "required", checks: [Length(2, 255)] },
  titleId: { type: () => String, description: "Title in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 255)] },
  summaryEn: {
    type: () => String,
    description: { create: "What it covers, in English.", update: "Summary in English." },
    create: "clearable",
    checks: [Length(1, 5000)],
  },
  summaryId: {
    type: () => String,
    description: { create: "What it covers, in Bahasa Indonesia.", update: "Summary in Bahasa Indonesia." },
    create: "clearable",
    checks: [Length(1, 5000)],
  },
  kind: { type: () => AgreementKind, description: "Legal form.", create: "required" },
  signedOn: { type: () => DateScalar, description: "Day signed.", create: "clearable" },
  expiresOn: { type: () => DateScalar, description: "Day it expires.", create: "clearable" },
  parties: {
    type: () => [AgreementPartyInput],
    description: "The parties (at least two).",
    create: "required",
    checks: [ArrayMinSize(2), ArrayMaxSize(50), ValidateNested({ each: true })],
  },
});

@InputType({ description: "A new agreement between partners." })
export class CreateAgreementInput {
  @fields.titleEn.create titleEn: string;
  @fields.titleId.create titleId?: string | null;
  @fields.summaryEn.create summaryEn?: string | null;
  @fields.summaryId.create summaryId?: string | null;
  @fields.kind.create kind: AgreementKind;
  @fields.signedOn.create signedOn?: string | null;
  @fields.expiresOn.create expiresOn?: string | null;
  @fields.parties.create parties: AgreementPartyInput[];
}

@InputType({ description: "Changes to an agreement; omitted fields stay as they are." })
export class UpdateAgreementInput {
  @fields.titleEn.update titleEn?: string;
  @fields.titleId.update titleId?: string | null;
  @fields.summaryEn.update summaryEn?: string | null;
  @fields.summaryId.update summaryId?: string | null;
  @fields.kind.update kind?: AgreementKind;
  @fields.signedOn.update signedOn?: string | null;
  @fields.expiresOn.update expiresOn?: string | null;
}
