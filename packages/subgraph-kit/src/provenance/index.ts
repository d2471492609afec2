export * from "./citation.entity";
export * from "./migration";
export * from "./resolver";
export * from "./seeding";
