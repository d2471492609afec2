import { Field, Int, ObjectType } from "type-graphql";
import type { SubgraphContext } from "@sstc/subgraph-kit";
import { CountryRef } from "../external/external.entity";
import { Participation, ParticipationRole } from "./participation.entity";

/*
 * Who took part in an edition, counted without naming anyone: public, while
 * the participant list itself needs the partner role. One GROUP BY over
 * (edition, role, country) answers every breakdown for every edition of a
 * request.
 */

@ObjectType({ description: "How many participations an edition has in one role." })
export class ParticipantCountByRole {
  @Field(() => ParticipationRole, { description: "The role." })
  role: ParticipationRole;

  @Field(() => Int, { description: "Participations in that role." })
  count: number;
}

@ObjectType({ description: "How many participations an edition has from one country." })
export class ParticipantCountByCountry {
  @Field(() => CountryRef, { nullable: true, description: "The country represented (resolved by the institutions subgraph)." })
  country: CountryRef | null;

  @Field(() => Int, { description: "Participations of people representing that country." })
  count: number;
}

@ObjectType({
  description:
    "An edition's participants counted by role and by country, with no names (public; the list itself needs the partner role). Counts participations of every status; a person in two roles counts twice.",
})
export class ParticipantCounts {
  @Field(() => Int, { description: "All participations of the edition." })
  total: number;

  @Field(() => [ParticipantCountByRole], { description: "Participations per role, largest first (ties by role)." })
  byRole: ParticipantCountByRole[];

  @Field(() => [ParticipantCountByCountry], { description: "Participations per represented country, largest first (ties by country code)." })
  byCountry: ParticipantCountByCountry[];
}

type Group = { editionId: string; role: ParticipationRole; countryCode: string; count: string | number };

function tally<K extends string>(groups: Group[], key: (g: Group) => K): Array<[K, number]> {
  const counts = new Map<K, number>();
  for (const g of groups) counts.set(key(g), (counts.get(key(g)) ?? 0) + Number(g.count));
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The request's loader of participant counts per edition: one GROUP BY statement for all editions asked about. */
export function participantCountsByEdition(ctx: SubgraphContext) {
  return ctx.loaders.get<string, ParticipantCounts>("Edition.participantCounts", async (editionIds) => {
    const groups: Group[] = await ctx.db
      .getRepository(Participation)
      .createQueryBuilder("p")
      .select("p.editionId", "editionId")
      .addSelect("p.role", "role")
      .addSelect("p.countryCode", "countryCode")
      .addSelect("COUNT(*)", "count")
      .where("p.editionId IN (:...editionIds)", { editionIds: [...editionIds] })
      .groupBy("p.editionId")
      .addGroupBy("p.role")
      .addGroupBy("p.countryCode")
      .getRawMany();
    return editionIds.map((editionId) => {
      const own = groups.filter((g) => g.editionId === editionId);
      return Object.assign(new ParticipantCounts(), {
        total: own.reduce((sum, g) => sum + Number(g.count), 0),
        byRole: tally(own, (g) => g.role).map(([role, count]) => Object.assign(new ParticipantCountByRole(), { role, count })),
        byCountry: tally(own, (g) => g.countryCode).map(([code, count]) => Object.assign(new ParticipantCountByCountry(), { country: { code }, count })),
      });
    });
  });
}
