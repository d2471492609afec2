import { buildFederatedSchema } from "@sstc/common";
import { PartnerResolver, partnerReference } from "./modules/partner/partner.resolver";
import { AgreementPartyResolver, AgreementResolver, agreementReference } from "./modules/agreement/agreement.resolver";
import { ProgramPartnershipResolver, ProgramRefResolver } from "./modules/partnership/partnership.resolver";

/** The partners subgraph schema; the server, tests and composer all call this. */
export function buildPartnersSchema() {
  return buildFederatedSchema(
    { resolvers: [PartnerResolver, AgreementResolver, AgreementPartyResolver, ProgramPartnershipResolver, ProgramRefResolver] },
    { ...partnerReference, ...agreementReference },
  );
}
