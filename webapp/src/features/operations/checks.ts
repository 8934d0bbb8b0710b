/**
 * The platform's input rules, checked before a request is sent (the API refuses the same with a
 * 400): identifiers (platform.domain.Identifiers), required texts and whole numbers in a range
 * (platform.web.JsonFields), and the limits of the catalogue and wallet changes (CatalogueAdmin).
 */
export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

export const MAX_TEXT = 500;
export const MAX_PRICE = 100_000_000;
export const MAX_STOCK_CHANGE = 1_000_000;
export const MAX_MONEY_CHANGE = 100_000_000;

const IDENTIFIER = /^[A-Za-z0-9._@-]{1,64}$/;

export function checkIdentifier(text: string, what = 'an id'): Check<string> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, message: `Enter ${what}.` };
  }
  return IDENTIFIER.test(trimmed) ? { ok: true, value: trimmed }
    : { ok: false, message: 'Use 1-64 characters: letters, digits, ".", "_", "@" or "-".' };
}

export function checkText(text: string, max = MAX_TEXT): Check<string> {
  if (text.trim() === '') {
    return { ok: false, message: 'Required.' };
  }
  return text.length <= max ? { ok: true, value: text } : { ok: false, message: `At most ${max} characters.` };
}

/** A whole number from min to max; {@code notZero} refuses 0 (a wallet change must change something). */
export function checkWhole(text: string, min: number, max: number, notZero = false): Check<number> {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) {
    return { ok: false, message: 'Enter a whole number.' };
  }
  const value = Number(trimmed);
  if (value < min || value > max) {
    return { ok: false, message: `From ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.` };
  }
  return notZero && value === 0 ? { ok: false, message: 'Must not be 0.' } : { ok: true, value };
}

/** The message a field shows once its form was submitted, else a blank line that keeps the layout still. */
export function helper(touched: boolean, check: Check<unknown>): { error: boolean; helperText: string } {
  return touched && !check.ok ? { error: true, helperText: check.message } : { error: false, helperText: ' ' };
}
