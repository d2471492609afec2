import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { getNamedType, getNullableType, GraphQLError, isCompositeType, isListType, isObjectType, type DocumentNode, type GraphQLSchema } from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import { ErrorCode } from "@sstc/service-kit";

/**
 * The size a list without a page size (`first`) is assumed to have: the
 * statistics breakdowns, an audit entry's changes, an edition's invited
 * countries. They are small and bounded by what the graph holds, not by the
 * client, so they are counted as if each were a page of the default size.
 */
export const ASSUMED_LIST_SIZE = 20;

/** The request header that asks for the operation's cost in the response's `extensions.cost`. */
export const COST_HEADER = "x-sstc-cost";

/** A cursor connection: an object type holding a page of items (`nodes`, `edges`) and its `pageInfo`. */
function isConnectionType(type: unknown): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return "pageInfo" in fields && ("nodes" in fields || "edges" in fields);
}

/**
 * The cost model, in the manner of the GraphQL cost specification and
 * demand control: what an operation costs is the number of objects it can
 * return. Each object costs 1 and each scalar or enum 0; a list costs its
 * size times the cost of one item. A connection's size is its `first`
 * argument as the operation will run it — a literal, a variable, or the
 * schema's default (`first: Int = 20`, also for an explicit null) — and its
 * `nodes` and `edges` are that many items each; `pageInfo` and `totalCount` belong to the connection
 * object itself. Other lists count {@link ASSUMED_LIST_SIZE} items.
 */
const estimateCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return 0;
  const parentIsConnection = isConnectionType(type);
  // Part of the connection object, which its field has counted already.
  if (parentIsConnection && field.name === "pageInfo") return 0;
  const item = 1 + childComplexity;
  // One item of the page: the connection field multiplies it by its size.
  if (parentIsConnection && (field.name === "nodes" || field.name === "edges")) return item;
  const firstArg = field.args.find((arg) => arg.name === "first");
  if (isConnectionType(named) && firstArg) {
    // An explicit null runs as the default page, as leaving `first` out does.
    const fallback = typeof firstArg.defaultValue === "number" ? firstArg.defaultValue : ASSUMED_LIST_SIZE;
    const first = typeof args.first === "number" ? Math.max(args.first, 0) : fallback;
    return 1 + first * childComplexity;
  }
  return isListType(getNullableType(field.type)) ? ASSUMED_LIST_SIZE * item : item;
};

/**
 * What an operation costs under the cost model above, with its variables
 * coerced as execution will coerce them. Throws the GraphQLError of a
 * variable that cannot be coerced, or of a document too large to weigh.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string | null): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [estimateCost] });
}

/**
 * Refuses, before anything runs, an operation costing more than `maxCost`,
 * with GRAPHQL_VALIDATION_FAILED (HTTP 400) and a message giving the cost and
 * the limit. A request sending the {@link COST_HEADER} header gets the cost
 * and the limit back in `extensions.cost`, so a client can see how close it
 * is.
 */
export function costLimitPlugin<C extends BaseContext>(maxCost: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ request }) {
      let estimated: number | undefined;
      return {
        async didResolveOperation({ schema, document, operation, operationName }) {
          // No operation to weigh: operationResolutionPlugin refuses the request.
          if (!operation) return;
          try {
            estimated = operationCost(schema, document, request.variables, operationName);
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            // A variable that execution would refuse is refused here as it would be there.
            if (error.message.startsWith('Variable "$'))
              throw new GraphQLError(error.message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
            // The library's ceiling on fields weighed (fragments spread many times over).
            throw new GraphQLError(`The operation is too large to weigh: ${error.message}`, {
              extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } },
            });
          }
          if (estimated > maxCost) {
            throw new GraphQLError(
              `The operation costs ${estimated}, more than the limit of ${maxCost}: ask for smaller pages (\`first\`) or fewer nested lists.`,
              { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, cost: { estimated, limit: maxCost }, http: { status: 400 } } },
            );
          }
        },
        async willSendResponse({ response }) {
          if (estimated === undefined || !request.http?.headers.get(COST_HEADER) || response.body.kind !== "single") return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { estimated, limit: maxCost } };
        },
      };
    },
  };
}
