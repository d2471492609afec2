import { Matches, type ValidationOptions } from "class-validator";

/** A calendar date as ISO 8601 text, e.g. 2023-11-13 (how every date of the graph travels). */
export const IsIsoDate = (options: ValidationOptions = {}) =>
  Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: "must be an ISO 8601 date such as 2023-11-13", ...options });

/** An upper-case ISO 3166-1 alpha-2 country code, e.g. ID. */
export const IsCountryCode = (options: ValidationOptions = {}) =>
  Matches(/^[A-Z]{2}$/, { message: "must be an upper-case ISO 3166-1 alpha-2 code such as ID", ...options });
