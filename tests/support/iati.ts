import { iati } from "@sstc/programs";

/**
 * The official IATI 2.03 schema folder for the XSD tests. In CI a missing
 * folder fails the tests (CI=true): the export must be checked against the
 * real schema there, never quietly skipped.
 */
export function schemaDirForTests(): string {
  const dir = iati.iatiSchemaDir();
  if (!dir) throw new Error("The IATI 2.03 schema files were not found: set IATI_SCHEMA_DIR to the folder holding iati-activities-schema.xsd (README, IATI).");
  return dir;
}

export const IATI_EXPORT = `query IatiExport($programCode: String, $filter: ProgramFilter) { iatiActivities(programCode: $programCode, filter: $filter) }`;
