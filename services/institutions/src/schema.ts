import { auditTrailResolver, buildFederatedSchema, historyResolver, provenanceResolver, SourceRef } from "@sstc/subgraph-kit";
import { Institution } from "./modules/institution/institution.entity";
import { InstitutionMutations } from "./modules/institution/institution.mutations";
import { Person } from "./modules/person/person.entity";
import { AdministrativeArea } from "./modules/area/area.entity";
import { PersonMutations } from "./modules/person/person.mutations";
import { CountryResolver, countryReference } from "./modules/country/country.resolver";
import { AreaResolver, areaReference } from "./modules/area/area.resolver";
import { InstitutionResolver, institutionReference } from "./modules/institution/institution.resolver";
import { PersonResolver, personReference } from "./modules/person/person.resolver";

/** The institutions subgraph schema; the server, tests and composer all call this. */
export function buildInstitutionsSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        CountryResolver,
        AreaResolver,
        InstitutionResolver,
        PersonResolver,
        InstitutionMutations,
        PersonMutations,
        historyResolver(Institution),
        historyResolver(Person),
        ...[AdministrativeArea, Institution, Person].map((type) => provenanceResolver(type, SourceRef)),
        auditTrailResolver("institutions"),
      ],
    },
    { ...countryReference, ...areaReference, ...institutionReference, ...personReference },
  );
}
