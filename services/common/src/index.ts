import "reflect-metadata";

export * from "./config";
export * from "./data-source";
export * from "./errors";
export * from "./federation";
export * from "./ids";
export * from "./internal-client";
export * from "./language";
export * from "./loaders";
export * from "./pagination";
export * from "./record";
export * from "./server";
export * from "./sorting";
export * from "./subgraph";
export * from "./demo-ids";
