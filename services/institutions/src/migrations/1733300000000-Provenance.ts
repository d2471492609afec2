import { provenanceMigration } from "@sstc/subgraph-kit";

/** Placeholder columns on every record table (people already had isPlaceholder), and the citations table. */
export const Provenance1733300000000 = provenanceMigration("Provenance1733300000000", [
  "administrative_areas",
  "institutions",
  { table: "people", alreadyHas: ["isPlaceholder"] },
]);
