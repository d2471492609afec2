import { callSubgraph, type SubgraphContext } from "@sstc/subgraph-kit";
import type { PartnershipRole } from "@sstc/vocabularies";

/** Internal query of the partners subgraph (hidden from the public API there). */
const PROGRAM_IDS_BY_PARTNER = `query ProgramIdsByPartner($partnerId: ID!, $role: PartnershipRole) {
  programIdsByPartner(partnerId: $partnerId, role: $role)
}`;

/**
 * The ids of the programmes a partner takes part in (optionally in one
 * role). Partnerships live in the partners subgraph's database, which this
 * subgraph never reads, so it asks the partners subgraph over HTTP — once
 * per distinct partner and role in a request.
 */
export function programIdsOfPartner(ctx: SubgraphContext, partner: { id: string; role?: PartnershipRole }): Promise<string[]> {
  const loader = ctx.loaders.get<string, string[]>("Partner.programIds", (keys) =>
    Promise.all(
      keys.map(async (key) => {
        const [partnerId, role] = JSON.parse(key) as [string, PartnershipRole | null];
        // On the caller's own account: the internal query is no way around their role.
        const data = await callSubgraph<{ programIdsByPartner: string[] }>(ctx.links, "partners", ctx.principal, PROGRAM_IDS_BY_PARTNER, { partnerId, role });
        return data.programIdsByPartner;
      }),
    ),
  );
  return loader.load(JSON.stringify([partner.id, partner.role ?? null]));
}
