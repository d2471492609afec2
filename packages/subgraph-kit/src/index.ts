import "reflect-metadata";

// What a subgraph needs on top of the service kit (re-exported, so a subgraph imports from one
// place): its data source, records and editing, pagination, DataLoaders, bilingual fields, input
// validation, federation helpers and the subgraph server itself.
export * from "@sstc/service-kit";
export * from "./authorization";
export * from "./bilingual";
export * from "./data-source";
export * from "./editing";
export * from "./federation";
export * from "./foreign-references";
export * from "./ids";
export * from "./input-fields";
export * from "./language";
export * from "./loaders";
export * from "./pagination";
export * from "./record";
export * from "./slugs";
export * from "./scalars";
export * from "./sorting";
export * from "./subgraph";
export * from "./validation";
export * from "./where";
export * from "./provenance";
