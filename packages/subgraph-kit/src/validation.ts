import { IsDefined, ValidateBy, ValidateIf, type ValidationOptions } from "class-validator";
import { BadUserInputError } from "@sstc/service-kit";

// Text hygiene and case folding belong with the other value formats.
export * from "./text";

/*
 * One definition of each value format, shared by the input validators
 * (class-validator decorators on mutation inputs) and the argument checks
 * of filters and lookups, so that what a filter refuses can never be stored.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
const daysInMonth = (year: number, month: number) => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** True for a real calendar day written YYYY-MM-DD, years 0001–9999 (what a SQL DATE column holds). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** What a date must be, in every refusal of one. */
export const DATE_MESSAGE = "must be a real calendar day written YYYY-MM-DD (years 0001–9999), such as 2023-11-13";

/** Refuses anything but a real calendar day written YYYY-MM-DD, naming the argument. */
export function assertIsoDate(value: string, argument: string): string {
  if (!isIsoDate(value)) throw new BadUserInputError(`"${argument}" ${DATE_MESSAGE}; got ${JSON.stringify(value)}.`, { argument });
  return value;
}

/** True for an ISO 3166-1 alpha-2 code in its canonical, upper-case form, e.g. ID. */
export const isCountryCode = (value: unknown): value is string => typeof value === "string" && /^[A-Z]{2}$/.test(value);

const COUNTRY_MESSAGE = "must be an upper-case ISO 3166-1 alpha-2 code such as ID";

/** An upper-case ISO 3166-1 alpha-2 country code, e.g. ID (stored codes are always canonical). */
export const IsCountryCode = (options: ValidationOptions = {}) =>
  ValidateBy({ name: "isCountryCode", validator: { validate: (value) => isCountryCode(value), defaultMessage: () => COUNTRY_MESSAGE } }, options);

/**
 * Reads a country code used to look something up (a filter, `country(code)`):
 * the same definition as {@link IsCountryCode}, after upper-casing ASCII
 * letters, so "lk" finds Sri Lanka while only "LK" can be stored.
 */
export function assertCountryCode(code: string, argument = "countryCode"): string {
  const canonical = /^[a-z]{2}$/i.test(code) ? code.toUpperCase() : code;
  if (!isCountryCode(canonical)) {
    throw new BadUserInputError(`"${argument}" must be an ISO 3166-1 alpha-2 code such as "ID"; got ${JSON.stringify(code)}.`, { argument });
  }
  return canonical;
}

/**
 * For an optional input field whose column is NOT NULL: it may be left
 * out (it keeps its value, or the column default), but an explicit null is
 * refused instead of reaching the database. Use in place of `@IsOptional()`,
 * which lets null through; `@IsOptional()` stays for nullable columns,
 * where null clears the value.
 */
export function Omittable(options: ValidationOptions = {}): PropertyDecorator {
  const given = ValidateIf((_object, value) => value !== undefined, options);
  // IsDefined is the one check class-validator runs even with skipMissingProperties, which type-graphql turns on.
  const notNull = IsDefined({ message: "must not be null; leave it out to keep the current or default value", ...options });
  return (target, property) => {
    given(target, property as string);
    notNull(target, property as string);
  };
}

// Create and update inputs derive their fields from one definition built on the checks above.
