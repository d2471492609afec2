import { auditTrailResolver, buildFederatedSchema, historyResolver, provenanceResolver, SourceRef } from "@sstc/subgraph-kit";
import { Partner } from "./modules/partner/partner.entity";
import { PartnerMutations } from "./modules/partner/partner.mutations";
import { Agreement, AgreementParty } from "./modules/agreement/agreement.entity";
import { AgreementMutations } from "./modules/agreement/agreement.mutations";
import { ProgramPartnership } from "./modules/partnership/partnership.entity";
import { ProgramPartnershipMutations } from "./modules/partnership/partnership.mutations";
import { PartnerResolver, partnerReference } from "./modules/partner/partner.resolver";
import { AgreementPartyResolver, AgreementResolver, agreementReference } from "./modules/agreement/agreement.resolver";
import { EditionRefResolver, ProgramPartnershipResolver, ProgramRefResolver } from "./modules/partnership/partnership.resolver";
import { InstitutionRefResolver } from "./modules/external/external.resolver";

/** The partners subgraph schema; the server, tests and composer all call this. */
export function buildPartnersSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        PartnerResolver,
        AgreementResolver,
        AgreementPartyResolver,
        ProgramPartnershipResolver,
        ProgramRefResolver,
        EditionRefResolver,
        InstitutionRefResolver,
        PartnerMutations,
        AgreementMutations,
        ProgramPartnershipMutations,
        historyResolver(Partner),
        historyResolver(Agreement),
        historyResolver(ProgramPartnership),
        ...[Partner, Agreement, AgreementParty, ProgramPartnership].map((type) => provenanceResolver(type, SourceRef)),
        auditTrailResolver("partners"),
      ],
    },
    { ...partnerReference, ...agreementReference },
  );
}
