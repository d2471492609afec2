import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertId, childPages, findOrFail, PageArgs, referencesByKey, seesDeleted, type SubgraphContext } from "@sstc/subgraph-kit";
import { publishedEditionSql, seesDrafts, visibleEditionOrNotFound, visibleEditionReference, visibleReference } from "../publication";
import { Edition, EditionConnection } from "./edition.entity";
import { EditionFilter, EditionOrder } from "./edition.filters";
import { searchEditions } from "./edition.search";
import { AMONG, idsWhere } from "../hidden-ids";
import { Program } from "../program/program.entity";
import { Activity, ActivityConnection } from "../activity/activity.entity";
import { Participation, ParticipationConnection } from "../participation/participation.entity";
import { Commitment, CommitmentConnection } from "../commitment/commitment.entity";
import { ParticipantCounts, participantCountsByEdition } from "../participation/participant-counts";
import { AdministrativeAreaRef, CountryRef, InstitutionRef, areaRef, countryRef, institutionRef } from "../external/external.entity";

@Resolver(() => Edition)
export class EditionResolver {
  /*
   * Internal plumbing for the partners subgraph, which records partnerships
   * for one edition without reading this subgraph's database: it asks, on the
   * caller's own account, which editions that caller may not see.
   */
  @Directive("@inaccessible")
  @Query(() => [ID], {
    description:
      "Internal: ids of the editions the caller may not see: drafts (an unpublished edition or programme) below the partner role, deleted ones below the editor role; of those in `among` when given. For the partners subgraph; not part of the public API.",
  })
  async hiddenEditionIds(
    @Arg("among", () => [ID], { nullable: true, description: AMONG }) among: string[] | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string[]> {
    const hidden: string[] = [];
    if (!seesDrafts(ctx)) hidden.push(`NOT (${publishedEditionSql("e")})`);
    if (!seesDeleted(ctx)) hidden.push("e.deletedAt IS NOT NULL");
    if (!hidden.length) return [];
    return idsWhere(ctx, Edition, "e", hidden.map((c) => `(${c})`).join(" OR "), among, true);
  }

  @Query(() => Edition, { nullable: true, description: "An edition by id." })
  async edition(@Arg("id", () => ID, { description: "Edition id." }) id: string, @Ctx() ctx: SubgraphContext) {
    return visibleEditionOrNotFound(ctx, await findOrFail(ctx, Edition, "id", assertId(id), "Edition"), id);
  }

  @Query(() => EditionConnection, {
    nullable: true,
    description: "Editions matching a filter, ordered as asked (earliest planned start first unless told otherwise), a page at a time.",
  })
  editions(
    @Args() page: PageArgs,
    @Arg("filter", () => EditionFilter, { nullable: true, description: "Conditions the editions must meet." }) filter: EditionFilter | undefined,
    @Arg("orderBy", () => EditionOrder, { nullable: true, description: "The order; by planned start ascending when omitted." })
    orderBy: EditionOrder | undefined,
    @Ctx() ctx: SubgraphContext,
  ) {
    return searchEditions(ctx, filter, orderBy, page);
  }

  @FieldResolver(() => Program, { nullable: true, description: "The programme this is an edition of; null when it is deleted or a draft you may not see." })
  async program(@Root() edition: Edition, @Ctx() ctx: SubgraphContext) {
    return visibleReference(ctx, await referencesByKey(ctx, Program, "id").load(edition.programId));
  }

  @FieldResolver(() => InstitutionRef, {
    nullable: true,
    description: "The institution hosting the edition; null when its record is deleted (editors and admins still see it, marked).",
  })
  hostInstitution(@Root() edition: Edition) {
    return institutionRef(edition.hostInstitutionId);
  }

  @FieldResolver(() => CountryRef, { nullable: true, description: "Country where the edition is held (resolved by the institutions subgraph)." })
  venueCountry(@Root() edition: Edition) {
    return countryRef(edition.venueCountryCode);
  }

  @FieldResolver(() => AdministrativeAreaRef, { nullable: true, description: "Province or city where the edition is held." })
  venueArea(@Root() edition: Edition) {
    return areaRef(edition.venueAreaId);
  }

  @FieldResolver(() => [CountryRef], { nullable: "items", description: "Countries invited to send participants (each resolved by the institutions subgraph)." })
  invitedCountries(@Root() edition: Edition) {
    return edition.invitedCountryCodes.map((code) => countryRef(code));
  }

  @FieldResolver(() => ActivityConnection, { description: "Sessions, workshops and visits, in programme order." })
  activities(@Root() edition: Edition, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Activity, { parent: "editionId", orderBy: ["sequence"] }, page).load(edition.id);
  }

  @Authorized("partner")
  @FieldResolver(() => ParticipationConnection, {
    nullable: true,
    description: "Who took part, by country (partner role and above: null with FORBIDDEN below it; aggregate counts are public in statistics).",
  })
  participations(@Root() edition: Edition, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Participation, { parent: "editionId", orderBy: ["countryCode"] }, page).load(edition.id);
  }

  @FieldResolver(() => ParticipantCounts, {
    description: "Who took part, counted by role and by country with no names (public; the participant list needs the partner role).",
  })
  participantCounts(@Root() edition: Edition, @Ctx() ctx: SubgraphContext) {
    return participantCountsByEdition(ctx).load(edition.id);
  }

  @FieldResolver(() => CommitmentConnection, { description: "Commitments made at the end of the edition." })
  commitments(@Root() edition: Edition, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return childPages(ctx, Commitment, { parent: "editionId", orderBy: ["countryCode"] }, page).load(edition.id);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the edition was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() edition: { deletedAt: Date | null }) {
    return edition.deletedAt ?? null;
  }
}

export const editionReference = {
  Edition: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) =>
      visibleEditionReference(ctx, await referencesByKey(ctx, Edition, "id").load(ref.id)),
  },
};
