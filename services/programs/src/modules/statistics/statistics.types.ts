import { Field, Int, ObjectType } from "type-graphql";
import type { DayRange } from "../search/filter-values";

/** One bar of a dashboard chart. */
@ObjectType({ description: "One group of a breakdown and how many it counts." })
export class StatisticsBucket {
  @Field({ description: "What the group is: a country code, gender, role, year, SDG goal number, modality…, as the breakdown's description says." })
  key: string;

  @Field(() => Int, { description: "How many are in the group." })
  count: number;

  @Field(() => Int, {
    description:
      "How many of those counted are placeholders, or are in this group only by a value no source gives (see `isPlaceholder` and `placeholderFields` on the records).",
  })
  placeholderCount: number;
}

/** The part of the data the statistics cover, already validated. */
export interface StatisticsScope {
  /** On editions' planned start day. */
  starts?: DayRange;
  programId?: string;
  /** Leave drafts out (callers who may not see them). */
  publishedOnly?: boolean;
}

@ObjectType({
  description:
    "Aggregate figures for dashboards, counted in the database (no personal data). Participant figures count participations of every role and status; a person in two editions counts twice. Years are those of editions' planned start.",
})
export class CooperationStatistics {
  constructor(readonly scope: StatisticsScope) {}
}
