/** The quantity rule of POST /purchase (an integer 1-100), plus the stock the shopper can see. */
export const MAX_QUANTITY = 100;

export type QuantityCheck = { ok: true; value: number } | { ok: false; message: string };

export function checkQuantity(text: string, stock: number): QuantityCheck {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, message: 'Enter how many to buy.' };
  }
  if (!/^-?\d+$/.test(trimmed)) {
    return { ok: false, message: 'Enter a whole number.' };
  }
  const value = Number(trimmed);
  if (value < 1) {
    return { ok: false, message: 'Buy at least 1.' };
  }
  if (value > MAX_QUANTITY) {
    return { ok: false, message: `At most ${MAX_QUANTITY} at a time.` };
  }
  if (value > stock) {
    return { ok: false, message: stock === 0 ? 'Out of stock.' : `Only ${stock} in stock.` };
  }
  return { ok: true, value };
}
