import { Field, InputType, registerEnumType } from "type-graphql";
import { OrderInput } from "@sstc/subgraph-kit";
import { ActivityStatus } from "./program.enums";
import { SharedFilter } from "../search/shared.filters";

@InputType({
  description:
    "Which programmes to list; every given condition applies. Conditions on editions (host, country, year, dates) must hold for one and the same edition of the programme.",
})
export class ProgramFilter extends SharedFilter {
  @Field(() => String, {
    nullable: true,
    description:
      "Words that must all occur in the programme's title or summary, in English or Bahasa Indonesia; case-insensitive, `%` and `_` match themselves.",
  })
  search?: string | null;

  @Field(() => ActivityStatus, { nullable: true, description: "Only programmes with this status." })
  status?: ActivityStatus | null;
}

export enum ProgramOrderField {
  CODE = "CODE",
  TITLE = "TITLE",
  START_DATE = "START_DATE",
}
registerEnumType(ProgramOrderField, {
  name: "ProgramOrderField",
  description: "What programmes can be ordered by.",
  valuesConfig: {
    CODE: { description: "The programme code." },
    TITLE: { description: "The title in the order's `lang`." },
    START_DATE: { description: "Planned start of the programme's first edition; programmes without editions come last either way." },
  },
});

@InputType({ description: "The order of a programme list; ties are broken by id, so paging is stable." })
export class ProgramOrder extends OrderInput(ProgramOrderField, ProgramOrderField.CODE) {}
