import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "@sstc/subgraph-kit";
import { CooperationStatistics, StatisticsBucket } from "./statistics.types";
import { StatisticsFilter } from "./statistics.filters";
import { readStatisticsFilter } from "./statistics.scope";
import { breakdowns, GENDER_NOT_RECORDED, INSTITUTION_NOT_RECORDED, totals } from "./statistics.queries";
import { seesDrafts } from "../publication";
import { deprecatedTwin } from "../deprecation";

/** Descriptions of the fields that have a deprecated twin, which shares them. */
const DESCRIPTIONS = {
  programCount: "Programmes in scope (with a year range: those with an edition in it).",
  programsByYear: "Programmes with an edition starting in each year (key: e.g. 2023; a programme counts under each of its years).",
  programsByModality: "Programmes by modality (key: a CooperationModality value, or NONE).",
  programsBySdgGoal: "Programmes by SDG goal (key and `goal`: goal number; a programme counts under each of its goals).",
};

/*
 * The root query only validates the filter; each selected field then runs
 * its own GROUP BY, so a dashboard pays only for the charts it shows.
 */
@Resolver(() => CooperationStatistics)
export class StatisticsResolver {
  @Query(() => CooperationStatistics, {
    nullable: true,
    description:
      "Dashboard statistics, counted in the database: participants, people, programmes and editions broken down by country, institution, gender, role, year, SDG goal and modality.",
  })
  statistics(
    @Arg("filter", () => StatisticsFilter, {
      nullable: true,
      description: "The years, programme, edition, country or institution to count; everything when omitted.",
    })
    filter: StatisticsFilter | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    // Drafts count only for those who may see them.
    return new CooperationStatistics({ ...readStatisticsFilter(filter), publishedOnly: !seesDrafts(ctx) });
  }

  @FieldResolver(() => Int, { description: DESCRIPTIONS.programCount })
  programCount(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return totals.programCount(ctx, stats.scope);
  }

  @FieldResolver(() => Int, deprecatedTwin("programCount", DESCRIPTIONS.programCount))
  programmeCount(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return totals.programCount(ctx, stats.scope);
  }

  @FieldResolver(() => Int, { description: "Editions in scope." })
  editionCount(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return totals.editionCount(ctx, stats.scope);
  }

  @FieldResolver(() => Int, { description: "Participations in editions in scope, every role and status." })
  participationCount(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return totals.participationCount(ctx, stats.scope);
  }

  @FieldResolver(() => Int, {
    description: "Distinct people with a participation in scope: a person in two editions counts once (compare `participationCount`).",
  })
  personCount(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return totals.personCount(ctx, stats.scope);
  }

  @FieldResolver(() => Int, { description: "Of `programCount`, the programmes that are placeholders (demo data no source documents)." })
  placeholderProgramCount(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return totals.placeholderProgramCount(ctx, stats.scope);
  }

  @FieldResolver(() => Int, { description: "Of `editionCount`, the editions that are placeholders." })
  placeholderEditionCount(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return totals.placeholderEditionCount(ctx, stats.scope);
  }

  @FieldResolver(() => Int, {
    description:
      "Of `participationCount`, the participations that are placeholders (those only partly documented are counted per breakdown, in `placeholderCount`).",
  })
  placeholderParticipationCount(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return totals.placeholderParticipationCount(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], {
    description: "Participations by the country the person represents (key: ISO 3166-1 alpha-2 code; `country` links to the Country).",
  })
  participantsByCountry(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.participantsByCountry(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], {
    description: `Participations by sending institution (key: the institution's id, or ${INSTITUTION_NOT_RECORDED} when none is recorded; \`institution\` links to the Institution).`,
  })
  participantsByInstitution(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.participantsByInstitution(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], {
    description:
      "Distinct people by the country they represent (key: ISO 3166-1 alpha-2 code; `country` links to the Country); a person who represented two countries counts under each.",
  })
  peopleByCountry(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.peopleByCountry(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], {
    description: `Distinct people by the gender recorded on their participations (key: FEMALE, MALE, UNDISCLOSED, or ${GENDER_NOT_RECORDED}); a person recorded differently in two editions counts under each.`,
  })
  peopleByGender(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.peopleByGender(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], {
    description: "Participations by recorded gender (key: FEMALE, MALE, UNDISCLOSED, or NOT_RECORDED when none is recorded).",
  })
  participantsByGender(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.participantsByGender(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], { description: "Participations by role (key: a ParticipationRole value)." })
  participantsByRole(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.participantsByRole(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], { description: "Participations by the year of their edition's planned start (key: e.g. 2023)." })
  participantsByYear(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.participantsByYear(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], { description: "Editions by the year of their planned start (key: e.g. 2023)." })
  editionsByYear(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.editionsByYear(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], { description: "Editions by their programme's modality (key: a CooperationModality value, or NONE)." })
  editionsByModality(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.editionsByModality(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], {
    description: "Editions by the SDG goals of their programme (key and `goal`: goal number; an edition counts under each goal).",
  })
  editionsBySdgGoal(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.editionsBySdgGoal(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], {
    description: "Editions by the country they are held in (key: ISO 3166-1 alpha-2 code; `country` links to the Country).",
  })
  editionsByHostCountry(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.editionsByHostCountry(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], { description: DESCRIPTIONS.programsByYear })
  programsByYear(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.programsByYear(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], { description: DESCRIPTIONS.programsByModality })
  programsByModality(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.programsByModality(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], { description: DESCRIPTIONS.programsBySdgGoal })
  programsBySdgGoal(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.programsBySdgGoal(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], deprecatedTwin("programsByYear", DESCRIPTIONS.programsByYear))
  programmesByYear(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.programsByYear(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], deprecatedTwin("programsByModality", DESCRIPTIONS.programsByModality))
  programmesByModality(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.programsByModality(ctx, stats.scope);
  }

  @FieldResolver(() => [StatisticsBucket], deprecatedTwin("programsBySdgGoal", DESCRIPTIONS.programsBySdgGoal))
  programmesBySdgGoal(@Root() stats: CooperationStatistics, @Ctx() ctx: SubgraphContext) {
    return breakdowns.programsBySdgGoal(ctx, stats.scope);
  }
}
