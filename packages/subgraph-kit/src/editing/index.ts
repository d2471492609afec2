export * from "./audit.entity";
export * from "./audit.migration";
export * from "./history";
export * from "./records";
export * from "./references";
export * from "./transactions";
export * from "./live-unique";
export * from "./arguments";
