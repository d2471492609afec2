import { buildFederatedSchema } from "@sstc/common";
import { CountryResolver, countryReference } from "./modules/country/country.resolver";
import { AreaResolver, areaReference } from "./modules/area/area.resolver";
import { InstitutionResolver, institutionReference } from "./modules/institution/institution.resolver";
import { PersonResolver, personReference } from "./modules/person/person.resolver";

/** The institutions subgraph schema; the server, tests and composer all call this. */
export function buildInstitutionsSchema() {
  return buildFederatedSchema(
    { resolvers: [CountryResolver, AreaResolver, InstitutionResolver, PersonResolver] },
    { ...countryReference, ...areaReference, ...institutionReference, ...personReference },
  );
}
