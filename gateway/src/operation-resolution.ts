import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCode } from "@sstc/service-kit";

/**
 * Refuses a document in which no operation can be chosen (an unknown
 * `operationName`, or several operations and none named) with HTTP 400 and
 * OPERATION_RESOLUTION_FAILURE, as Apollo Server does for a plain schema.
 * Behind a gateway Apollo Server leaves this to the gateway's executor, which
 * throws a bare error that would surface as a 500.
 */
export function operationResolutionPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : "Must provide operation name if query contains multiple operations.";
          throw new GraphQLError(message, { extensions: { code: ErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } } });
        },
      };
    },
  };
}
