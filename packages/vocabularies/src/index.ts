// Code lists that more than one subgraph declares in its schema. Federation composes a shared enum
// only when every declaration is identical, so each is written once, here, and each subgraph
// registers it from this package.
export * from "./partnership-role";
