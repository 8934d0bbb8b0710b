/** Display formats shared by every page: whole numbers with separators, dates in the reader's locale. */

const NUMBER = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function amount(value: number): string {
  return NUMBER.format(value);
}

export function date(iso: string): string {
  return DATE.format(new Date(iso));
}

export function dateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from now until the instant, a part day counting whole (0 or less when past). */
export function daysUntil(iso: string, now: number = Date.now()): number {
  return Math.ceil((new Date(iso).getTime() - now) / DAY_MS);
}
