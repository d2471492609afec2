import "reflect-metadata";
import { AuditEntry, AuditTrail1732800000000, Citation, type SubgraphDefinition } from "@sstc/subgraph-kit";
import { Provenance1733300000000 } from "./migrations/1733300000000-Provenance";
import { EditionPartnerships1733400000000 } from "./migrations/1733400000000-EditionPartnerships";
import { InitialPartners1732600000000 } from "./migrations/1732600000000-InitialPartners";
import { Partner } from "./modules/partner/partner.entity";
import { Agreement, AgreementParty } from "./modules/agreement/agreement.entity";
import { ProgramPartnership } from "./modules/partnership/partnership.entity";
import { buildPartnersSchema } from "./schema";
import { seedPartners } from "./seed/demo";
import { LiveUniqueness1733000000000 } from "./migrations/1733000000000-LiveUniqueness";
import { PartnerProfiles1733200000000 } from "./migrations/1733200000000-PartnerProfiles";

export const partnersSubgraph: SubgraphDefinition = {
  name: "partners",
  entities: [Partner, Agreement, AgreementParty, ProgramPartnership, Citation, AuditEntry],
  migrations: [
    InitialPartners1732600000000,
    AuditTrail1732800000000,
    LiveUniqueness1733000000000,
    PartnerProfiles1733200000000,
    Provenance1733300000000,
    EditionPartnerships1733400000000,
  ],
  buildSchema: buildPartnersSchema,
  isEmpty: async (db) => (await db.getRepository(Partner).count({ withDeleted: true })) === 0,
  seed: seedPartners,
};

export { buildPartnersSchema };
