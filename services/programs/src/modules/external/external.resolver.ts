import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { childPages, PageArgs, type SubgraphContext } from "@sstc/subgraph-kit";
import { publishedEditionSql, publishedEditionsOnly, publishedOnly, seesDrafts } from "../publication";
import { CountryRef, InstitutionRef } from "./external.entity";
import { CountryCooperationStats, InstitutionCooperationStats } from "../statistics/cooperation-stats.types";
import { Program, ProgramConnection } from "../program/program.entity";
import { Edition, EditionConnection } from "../edition/edition.entity";
import { Participation, ParticipationConnection } from "../participation/participation.entity";
import { Commitment, CommitmentConnection } from "../commitment/commitment.entity";
import { cooperationStatsByCountry } from "../statistics/country-cooperation-stats";
import { cooperationStatsByInstitution } from "../statistics/institution-cooperation-stats";
import { deprecatedTwin } from "../deprecation";

const LED_PROGRAMS = "Programmes this institution leads (from the programs subgraph); those it hosted editions of are in `hostedEditions`.";

@Resolver(() => InstitutionRef)
export class InstitutionRefResolver {
  @FieldResolver(() => ProgramConnection, { nullable: true, description: LED_PROGRAMS })
  ledPrograms(@Root() institution: InstitutionRef, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Program, { parent: "leadInstitutionId", orderBy: ["code"], ...publishedOnly(ctx) }, page).load(institution.id);
  }

  @FieldResolver(() => ProgramConnection, { nullable: true, ...deprecatedTwin("ledPrograms", LED_PROGRAMS) })
  programs(@Root() institution: InstitutionRef, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return this.ledPrograms(institution, page, ctx);
  }

  @FieldResolver(() => EditionConnection, { nullable: true, description: "Editions this institution hosted, earliest first (from the programs subgraph)." })
  hostedEditions(@Root() institution: InstitutionRef, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Edition, { parent: "hostInstitutionId", orderBy: ["plannedStartDate"], ...publishedEditionsOnly(ctx) }, page).load(institution.id);
  }

  @FieldResolver(() => InstitutionCooperationStats, {
    nullable: true,
    description: "The institution's cooperation in numbers: editions hosted, programmes led, people sent (from the programs subgraph).",
  })
  cooperationStats(@Root() institution: InstitutionRef, @Ctx() ctx: SubgraphContext) {
    return cooperationStatsByInstitution(ctx).load(institution.id);
  }
}

@Resolver(() => CountryRef)
export class CountryRefResolver {
  @Authorized("partner")
  @FieldResolver(() => ParticipationConnection, {
    nullable: true,
    description: "Participations of people representing this country (partner role and above: null with FORBIDDEN below it).",
  })
  participations(@Root() country: CountryRef, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Participation, { parent: "countryCode", orderBy: ["editionId"] }, page).load(country.code);
  }

  @FieldResolver(() => CommitmentConnection, {
    nullable: true,
    description:
      "Commitments made for this country at the end of editions, oldest first (from the programs subgraph); those of deleted editions, and of drafts you may not see, left out.",
  })
  commitments(@Root() country: CountryRef, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    const editions = `SELECT ce.id FROM editions ce WHERE ce.deletedAt IS NULL${seesDrafts(ctx) ? "" : ` AND ${publishedEditionSql("ce")}`}`;
    return childPages(ctx, Commitment, { parent: "countryCode", orderBy: ["createdAt"], where: `t.editionId IN (${editions})` }, page).load(country.code);
  }

  @FieldResolver(() => CountryCooperationStats, { nullable: true, description: "The country's cooperation in numbers (from the programs subgraph)." })
  cooperationStats(@Root() country: CountryRef, @Ctx() ctx: SubgraphContext) {
    return cooperationStatsByCountry(ctx).load(country.code);
  }
}
