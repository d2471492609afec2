import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { rowsByKey, type SubgraphContext } from "@sstc/common";
import { Participation } from "./participation.entity";
import { Edition } from "../edition/edition.entity";
import { AdministrativeAreaRef, CountryRef, InstitutionRef, PersonRef, areaRef, countryRef, institutionRef, personRef } from "../references/references.entity";

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Edition, { description: "The edition taken part in." })
  edition(@Root() participation: Participation, @Ctx() ctx: SubgraphContext) {
    return rowsByKey(ctx, Edition, "id").load(participation.editionId);
  }

  @FieldResolver(() => PersonRef, { description: "Who took part." })
  person(@Root() participation: Participation) {
    return personRef(participation.personId);
  }

  @FieldResolver(() => CountryRef, { description: "The country the person represents." })
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
}
