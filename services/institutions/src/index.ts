import "reflect-metadata";
import { HotQueryIndexes1733500000000 } from "./migrations/1733500000000-HotQueryIndexes";
import { AuditEntry, AuditTrail1732800000000, Citation, type SubgraphDefinition } from "@sstc/subgraph-kit";
import { Provenance1733300000000 } from "./migrations/1733300000000-Provenance";
import { InitialInstitutions1732600000000 } from "./migrations/1732600000000-InitialInstitutions";
import { PublicCapacity1733100000000 } from "./migrations/1733100000000-PublicCapacity";
import { InstitutionSlugs1733200000000 } from "./migrations/1733200000000-InstitutionSlugs";
import { Country } from "./modules/country/country.entity";
import { AdministrativeArea } from "./modules/area/area.entity";
import { Institution } from "./modules/institution/institution.entity";
import { Person } from "./modules/person/person.entity";
import { buildInstitutionsSchema } from "./schema";
import { seedInstitutions } from "./seed/demo";

export const institutionsSubgraph: SubgraphDefinition = {
  name: "institutions",
  entities: [Country, AdministrativeArea, Institution, Person, Citation, AuditEntry],
  migrations: [
    InitialInstitutions1732600000000,
    AuditTrail1732800000000,
    PublicCapacity1733100000000,
    InstitutionSlugs1733200000000,
    Provenance1733300000000,
    HotQueryIndexes1733500000000,
  ],
  buildSchema: buildInstitutionsSchema,
  isEmpty: async (db) => (await db.getRepository(Country).count()) === 0,
  seed: seedInstitutions,
};

export { buildInstitutionsSchema };
