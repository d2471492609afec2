import { assertIsoDate, BadUserInputError } from "@sstc/subgraph-kit";

/** Years a cooperation record can plausibly fall in; anything else is a typo. */
export const MIN_YEAR = 1945;
export const MAX_YEAR = 2100;

/** Refuses a year outside {@link MIN_YEAR}–{@link MAX_YEAR}. */
export function assertYear(year: number, argument: string): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new BadUserInputError(`"${argument}" must be a year from ${MIN_YEAR} to ${MAX_YEAR}; got ${year}.`, { argument });
  }
  return year;
}

/** A closed range of ISO days; either end may be open. */
export interface DayRange {
  from?: string;
  to?: string;
}

/**
 * The day range of a filter given as a year or as from/to days (not both);
 * refuses a range that ends before it starts.
 */
export function dayRange(
  input: { year?: number | null; from?: string | null; to?: string | null },
  names: { year: string; from: string; to: string },
): DayRange | undefined {
  const hasYear = input.year !== undefined && input.year !== null;
  if (hasYear && (input.from || input.to)) {
    throw new BadUserInputError(`Give either "${names.year}" or "${names.from}"/"${names.to}", not both.`, { argument: names.year });
  }
  if (hasYear) {
    const year = assertYear(input.year!, names.year);
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  const from = input.from ? assertIsoDate(input.from, names.from) : undefined;
  const to = input.to ? assertIsoDate(input.to, names.to) : undefined;
  if (from && to && from > to) throw new BadUserInputError(`"${names.to}" (${to}) is before "${names.from}" (${from}).`, { argument: names.to });
  return from || to ? { from, to } : undefined;
}
