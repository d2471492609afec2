import { Arg, ID, Int } from "type-graphql";

/** The `id` argument of an update or delete: the record it acts on (`RecordIdArg("Partner")` describes it as "Partner id."). */
export const RecordIdArg = (label: string) => Arg("id", () => ID, { description: `${label} id.` });

/** The `version` argument of an update or delete: the version the caller read, checked by the write (a stale one is CONFLICT). */
export const VersionArg = () => Arg("version", () => Int, { description: "The version you last read." });
