import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { OrderInput } from "@sstc/subgraph-kit";
import { ActivityStatus } from "../program/program.enums";
import { SharedFilter } from "../search/shared.filters";

@InputType({
  description: "Which editions to list; every given condition applies. Programme conditions (modality, SDG, lead, partner) apply to the edition's programme.",
})
export class EditionFilter extends SharedFilter {
  @Field(() => String, {
    nullable: true,
    description:
      "Words that must all occur in the edition's title or its programme's title or summary, in English or Bahasa Indonesia; case-insensitive, `%` and `_` match themselves.",
  })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: "Only editions of this programme." })
  programId?: string | null;

  @Field(() => ActivityStatus, { nullable: true, description: "Only editions with this status." })
  status?: ActivityStatus | null;
}

export enum EditionOrderField {
  START_DATE = "START_DATE",
  TITLE = "TITLE",
}
registerEnumType(EditionOrderField, {
  name: "EditionOrderField",
  description: "What editions can be ordered by.",
  valuesConfig: {
    START_DATE: { description: "Planned first day." },
    TITLE: { description: "The title in the order's `lang`." },
  },
});

@InputType({ description: "The order of an edition list; ties are broken by id, so paging is stable." })
export class EditionOrder extends OrderInput(EditionOrderField, EditionOrderField.START_DATE) {}
