import type { Express, NextFunction, Request, RequestHandler, Response } from "express";
import { buildSchema, type GraphQLFormattedError } from "graphql";
import { ErrorCode, sendGraphqlError, type ExecuteOperation, type Principal } from "@sstc/service-kit";
import type { GatewayContext } from "../gateway";
import { DATASETS, type Dataset, type ListDataset } from "./datasets";
import { FORMATS, type Table } from "./formats";
import { ParameterError, readParameters, type ExportParameters, type QueryString } from "./parameters";

export interface ExportRoutesOptions {
  /** The supergraph the gateway serves: the filters' parameters are read from its input types. */
  supergraphSdl: string;
  /** The most rows one export may hold (EXPORT_MAX_ROWS); a larger one is refused. */
  maxRows: number;
  /** The `first` of each page a list export reads (EXPORT_PAGE_SIZE). */
  pageSize: number;
  /** What runs before /graphql: CORS, then authentication and the rate limit, which set res.locals as for a GraphQL request. */
  guards: RequestHandler[];
  /** The rate limiter of /graphql, run once more for every page after the first. */
  rateLimiter: RequestHandler;
  context: (req: Request, res: Response) => Promise<GatewayContext>;
  execute: ExecuteOperation<GatewayContext>;
}

/** A GraphQL answer that refuses the export: its status and errors, sent as they are. */
class Refusal {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
  ) {}
}

/** The HTTP status of an export the graph answered with errors, by the first error's code. */
const STATUS_OF: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.GRAPHQL_VALIDATION_FAILED]: 400,
  [ErrorCode.GRAPHQL_PARSE_FAILED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.SERVICE_TIMEOUT]: 504,
};

/**
 * GET /export/<dataset>.<format>: the dashboard statistics and the
 * catalogue's programme and edition lists as CSV or XLSX, with the filter
 * in the query string. Every export is read through the gateway's own
 * Apollo Server as the caller, so the caller sees exactly what the graph
 * would show them (drafts, roles), and each operation meets the same
 * parsing, depth, alias and cost limits; the request passes the same
 * authentication and rate limit as /graphql, and each page after the first
 * counts once more against the caller's rate limit, as the same reads through
 * /graphql would. Nothing is sent before the whole export is read: a refusal
 * (bad parameters, too many rows, an error from the graph, the rate limit)
 * is a JSON error in GraphQL's shape with its code, never half a file.
 */
export function mountExports(app: Express, options: ExportRoutesOptions) {
  const schema = buildSchema(options.supergraphSdl, { assumeValidSDL: true });

  app.get("/export/:file", ...options.guards, async (req: Request, res: Response, _next: NextFunction) => {
    const [name, format, ...rest] = String(req.params.file).split(".");
    const dataset = DATASETS[name];
    const render = FORMATS[format];
    if (!dataset || !render || rest.length) {
      const names = Object.keys(DATASETS).flatMap((d) => Object.keys(FORMATS).map((f) => `/export/${d}.${f}`));
      return sendGraphqlError(res, 404, ErrorCode.NOT_FOUND, `No such export; there are ${names.join(", ")}.`);
    }
    let parameters: ExportParameters;
    try {
      parameters = readParameters(schema, req.query as QueryString, dataset.filterType, dataset.kind === "list" ? dataset.orderType : undefined);
    } catch (error) {
      if (error instanceof ParameterError) return sendGraphqlError(res, 400, ErrorCode.BAD_USER_INPUT, error.message);
      throw error;
    }
    const context = await options.context(req, res);
    const run = async (variables: Record<string, unknown>) => {
      const response = await options.execute({ query: dataset.query, variables }, context);
      if (response.body.kind !== "single") throw new Error("an export operation answered incrementally");
      const { data, errors } = response.body.singleResult;
      if (errors?.length) {
        const status = response.http.status ?? STATUS_OF[String(errors[0].extensions?.code)] ?? 500;
        throw new Refusal(status, errors);
      }
      return { data: data as Record<string, unknown>, cacheControl: response.http.headers.get("cache-control") };
    };

    let table: Table;
    let cacheControl: string | undefined;
    try {
      const variables = { filter: parameters.filter, ...(parameters.lang ? { lang: parameters.lang } : {}) };
      if (dataset.kind === "single") {
        const answer = await run(variables);
        cacheControl = answer.cacheControl;
        table = tableOf(name, dataset, dataset.rows(answer.data));
      } else {
        const listVariables = { ...variables, ...(parameters.orderBy ? { orderBy: parameters.orderBy } : {}) };
        const read = await readAllPages(dataset, listVariables, options, run, () => chargePage(options.rateLimiter, req, res));
        if (!read) return; // the rate limiter has answered
        cacheControl = read.cacheControl;
        table = tableOf(name, dataset, read.rows);
      }
    } catch (error) {
      if (error instanceof Refusal) return res.status(error.status).type("application/json").json({ errors: error.errors });
      if (error instanceof TooManyRows)
        return sendGraphqlError(
          res,
          400,
          ErrorCode.BAD_USER_INPUT,
          `The export would hold ${error.rows} rows, more than the limit of ${options.maxRows}; narrow the filter (e.g. by year) and export the parts.`,
        );
      throw error;
    }

    const rendered = await render(table);
    const principal = res.locals.principal as Principal;
    // Authenticated answers are the caller's own (drafts, roles): never stored by a shared cache. Public ones are cached as the graph's.
    res.set("Cache-Control", principal.role === "public" ? (cacheControl ?? "no-store") : "private, no-store");
    res.vary("Authorization").vary("X-API-Key").vary("Accept-Language");
    res.attachment(`sstc-${name}-${new Date().toISOString().slice(0, 10)}.${format}`);
    res.type(rendered.contentType).send(rendered.body);
  });
}

function tableOf(name: string, dataset: Dataset, rows: unknown[]): Table {
  return { name, headers: dataset.columns.map((c) => c.header), rows: rows.map((row) => dataset.columns.map((c) => c.value(row))) };
}

class TooManyRows extends Error {
  constructor(readonly rows: number) {
    super(`${rows} rows`);
  }
}

/**
 * Reads every page of a list export. Refuses (TooManyRows) as soon as the
 * first page's `totalCount` is past `maxRows`, or the rows read are (records
 * added while paging). Returns null when the rate limiter refused a page and
 * has answered the request.
 */
async function readAllPages(
  dataset: ListDataset,
  variables: Record<string, unknown>,
  { maxRows, pageSize }: { maxRows: number; pageSize: number },
  run: (variables: Record<string, unknown>) => Promise<{ data: Record<string, unknown>; cacheControl?: string }>,
  chargeNextPage: () => Promise<boolean>,
): Promise<{ rows: unknown[]; cacheControl?: string } | null> {
  const rows: unknown[] = [];
  let after: string | null = null;
  let cacheControl: string | undefined;
  for (;;) {
    const answer = await run({ ...variables, first: pageSize, after });
    cacheControl ??= answer.cacheControl;
    const connection = dataset.connection(answer.data);
    if (!connection) break;
    if (connection.totalCount > maxRows) throw new TooManyRows(connection.totalCount);
    rows.push(...connection.nodes);
    if (rows.length > maxRows) throw new TooManyRows(rows.length);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    if (!(await chargeNextPage())) return null;
    after = connection.pageInfo.endCursor;
  }
  return { rows, cacheControl };
}

/**
 * Counts one more request against the caller's rate limit by running the
 * limiter again; false when it refused and has answered with 429.
 */
function chargePage(limiter: RequestHandler, req: Request, res: Response): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    Promise.resolve(limiter(req, res, (error?: unknown) => (error ? reject(error) : resolve(true)))).then(() => resolve(false), reject);
  });
}
