import { BadUserInputError } from "./errors";
import { queryService } from "./internal-client";
import { PRINCIPAL_HEADER, signPrincipal, type Principal } from "./principal";

/** Where the other subgraphs are, and how to sign calls to them. */
export interface ServiceLinks {
  self: string;
  urls: Partial<Record<"programs" | "institutions" | "partners", string>>;
  secret: string;
  timeoutMs?: number;
}

/**
 * Calls another subgraph directly, signed the way the gateway signs (the
 * subgraphs answer nothing else), through the one service-to-service client
 * (`queryService`: deadline, error pass-through, masking).
 */
export async function callSubgraph<T = Record<string, unknown>>(
  links: ServiceLinks,
  service: keyof ServiceLinks["urls"],
  principal: Principal,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const url = links.urls[service];
  if (!url) throw new Error(`${links.self}: no URL configured for the ${service} subgraph`);
  return queryService<T>(url, query, variables, {
    service,
    timeoutMs: links.timeoutMs,
    headers: { [PRINCIPAL_HEADER]: await signPrincipal(links.secret, principal, query) },
  });
}

/** A reference to an entity another subgraph owns, and where in the input it was named. */
export interface ForeignReference {
  typename: "Institution" | "Country" | "AdministrativeArea" | "Person" | "Program" | "Partner";
  key: string;
  /** Input path for the error, e.g. "participations.3.personId". */
  field: string;
}

const KEY_FIELD: Record<ForeignReference["typename"], string> = {
  Institution: "id",
  Country: "code",
  AdministrativeArea: "id",
  Person: "id",
  Program: "id",
  Partner: "id",
};

/**
 * Refuses input that names entities which do not exist in their owning
 * subgraph: one `_entities` call per subgraph, however many references.
 * Throws BAD_USER_INPUT listing every dangling reference by input field.
 */
export async function assertReferencesExist(
  links: ServiceLinks,
  principal: Principal,
  owner: keyof ServiceLinks["urls"],
  references: ForeignReference[],
): Promise<void> {
  const unique = [...new Map(references.map((r) => [`${r.typename}:${r.key}`, r])).values()];
  if (!unique.length) return;
  const data = await callSubgraph<{ _entities: Array<{ __typename: string } | null> }>(
    links,
    owner,
    principal,
    "query ReferencesExist($r: [_Any!]!) { _entities(representations: $r) { __typename } }",
    { r: unique.map((r) => ({ __typename: r.typename, [KEY_FIELD[r.typename]]: r.key })) },
  );
  const missing = new Set(unique.filter((_, i) => !data._entities[i]).map((r) => `${r.typename}:${r.key}`));
  const dangling = references.filter((r) => missing.has(`${r.typename}:${r.key}`));
  if (dangling.length) {
    throw new BadUserInputError(`Unknown references: ${dangling.map((r) => `${r.field} names no ${r.typename} ${JSON.stringify(r.key)}`).join("; ")}.`, {
      fields: dangling.map((r) => ({ field: r.field, messages: [`no ${r.typename} ${r.key}`] })),
    });
  }
}
