import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "The part of the data statistics cover; all of it when omitted." })
export class StatisticsFilter {
  @Field(() => Int, { nullable: true, description: "Only editions whose planned start is in this year or later (for programmes: with such an edition)." })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: "Only editions whose planned start is in this year or earlier (for programmes: with such an edition)." })
  yearTo?: number | null;

  @Field(() => ID, { nullable: true, description: "Only this programme and its editions." })
  programId?: string | null;
}
