import { provenanceMigration } from "@sstc/subgraph-kit";

/** Placeholder columns on every record table, and the citations table. */
export const Provenance1733300000000 = provenanceMigration("Provenance1733300000000", ["partners", "agreements", "agreement_parties", "program_partnerships"]);
