import { Field, Int, ObjectType } from "type-graphql";
import type { DayRange } from "../search/filter-values";
import { CountryRef, InstitutionRef } from "../external/external.entity";

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

  /*
   * Links to what a group counts, set only by the breakdowns by that
   * dimension (their descriptions say which); null elsewhere. Country and
   * Institution are resolved by the institutions subgraph, hence nullable.
   */
  @Field(() => CountryRef, { nullable: true, description: "The country the group is, in breakdowns by country (its `key` is the code); null in others." })
  country?: CountryRef | null;

  @Field(() => InstitutionRef, {
    nullable: true,
    description: "The institution the group is, in breakdowns by institution (its `key` is the id); null in others and for the group of no institution.",
  })
  institution?: InstitutionRef | null;

  @Field(() => Int, { nullable: true, description: "The SDG goal the group is, in breakdowns by SDG goal (its `key` as a number); null in others." })
  goal?: number | null;
}

/** The part of the data the statistics cover, already validated. */
export interface StatisticsScope {
  /** On editions' planned start day. */
  starts?: DayRange;
  programId?: string;
  editionId?: string;
  /** The participant's country for participations, the venue's for editions and programmes. */
  countryCode?: string;
  /** The sending institution for participations, the host or lead for editions and programmes. */
  institutionId?: string;
  /** Only participations in these roles (participant and people figures). */
  participationRoles?: string[];
  /** Leave drafts out (callers who may not see them). */
  publishedOnly?: boolean;
}

@ObjectType({
  description:
    "Aggregate figures for dashboards, counted in the database (no personal data). Participant figures count participations of every role and status (a person in two editions counts twice); people figures count distinct people. Years are those of editions' planned start.",
})
export class CooperationStatistics {
  constructor(readonly scope: StatisticsScope) {}
}
