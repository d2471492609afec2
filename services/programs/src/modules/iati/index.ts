export * from "./iati-activity";
export * from "./iati-codelists";
export * from "./iati-xml-writer";
export * from "./iati-xml-reader";
export * from "./iati-xsd";
export { ORG_PREFIX, orgRef, equalPercentages } from "./iati-mapping";
export { importIatiActivities, httpGraphClient, type GraphClient, type ImportReport, type ImportOutcome } from "./iati-import";
