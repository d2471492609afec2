import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { referencesByKey, type SubgraphContext } from "@sstc/subgraph-kit";
import { visibleEditionReference } from "../publication";
import { Participation } from "./participation.entity";
import { Edition } from "../edition/edition.entity";
import { AdministrativeAreaRef, CountryRef, InstitutionRef, PersonRef, areaRef, countryRef, institutionRef, personRef } from "../external/external.entity";

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Edition, { nullable: true, description: "The edition taken part in; null when it is deleted or a draft you may not see." })
  async edition(@Root() participation: Participation, @Ctx() ctx: SubgraphContext) {
    return visibleEditionReference(ctx, await referencesByKey(ctx, Edition, "id").load(participation.editionId));
  }

  @FieldResolver(() => PersonRef, {
    nullable: true,
    description: "Who took part; null when the person's record is deleted (editors and admins still see it, marked).",
  })
  person(@Root() participation: Participation) {
    return personRef(participation.personId);
  }

  @FieldResolver(() => CountryRef, { nullable: true, description: "The country the person represents (resolved by the institutions subgraph)." })
  country(@Root() participation: Participation) {
    return countryRef(participation.countryCode);
  }

  @FieldResolver(() => InstitutionRef, { nullable: true, description: "The institution that sent the person." })
  institution(@Root() participation: Participation) {
    return institutionRef(participation.institutionId);
  }

  @FieldResolver(() => AdministrativeAreaRef, { nullable: true, description: "The province, regency or city the person represents (Indonesian participants)." })
  area(@Root() participation: Participation) {
    return areaRef(participation.areaId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When the participation was deleted; null while it is live. Only editors and admins ever see a deleted one (through references).",
  })
  deletedAt(@Root() participation: { deletedAt: Date | null }) {
    return participation.deletedAt ?? null;
  }
}
