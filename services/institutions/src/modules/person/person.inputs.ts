import { IsEmail, IsUUID, Length, Matches } from "class-validator";
import { inputFields } from "@sstc/subgraph-kit";
import { ID, InputType } from "type-graphql";
import { Gender } from "./person.entity";

const fields = inputFields({
  fullName: { type: () => String, description: "Full name.", create: "required", checks: [Length(2, 160)] },
  positionEn: { type: () => String, description: "Position in English.", create: "clearable", checks: [Length(2, 255)] },
  positionId: { type: () => String, description: "Position in Bahasa Indonesia.", create: "clearable", checks: [Length(2, 255)] },
  institutionId: {
    type: () => ID,
    description: "Institution the person works for.",
    create: "required",
    // Null detaches the person from its institution (the column is nullable).
    update: "clearable",
    checks: [IsUUID()],
  },
  email: { type: () => String, description: "Email address.", create: "clearable", checks: [IsEmail()] },
  phone: {
    type: () => String,
    description: { create: "Phone number, international format.", update: "Phone number." },
    create: "clearable",
    checks: [Matches(/^\+?[0-9 ()-]{6,40}$/, { message: "must be a phone number such as +62-21-555-0100" })],
  },
  gender: { type: () => Gender, description: "Gender.", create: "clearable" },
  publicCapacity: {
    type: () => Boolean,
    description: {
      create:
        "True when the person acts in a public capacity (an office holder, a speaker at a public event), which makes their name, position and institution public; false when omitted.",
      update: "True when the person acts in a public capacity, which makes their name, position and institution public.",
    },
    create: "omittable",
  },
});

@InputType({ description: "A new person." })
export class CreatePersonInput {
  @fields.fullName.create fullName: string;
  @fields.positionEn.create positionEn?: string | null;
  @fields.positionId.create positionId?: string | null;
  @fields.institutionId.create institutionId: string;
  @fields.email.create email?: string | null;
  @fields.phone.create phone?: string | null;
  @fields.gender.create gender?: Gender | null;
  @fields.publicCapacity.create publicCapacity?: boolean;
}

@InputType({ description: "Changes to a person; omitted fields stay as they are, null clears an optional field." })
export class UpdatePersonInput {
  @fields.fullName.update fullName?: string;
  @fields.positionEn.update positionEn?: string | null;
  @fields.positionId.update positionId?: string | null;
  @fields.institutionId.update institutionId?: string;
  @fields.email.update email?: string | null;
  @fields.phone.update phone?: string | null;
  @fields.gender.update gender?: Gender | null;
  @fields.publicCapacity.update publicCapacity?: boolean;
}
