import { describe, expect, it } from 'vitest';
import { checkQuantity } from './quantity';

describe('the quantity input', () => {
  it('refuses an empty quantity', () => expect(checkQuantity('  ', 4).ok).toBe(false));
  it('refuses zero and negative quantities', () => {
    expect(checkQuantity('0', 4)).toEqual({ ok: false, message: 'Buy at least 1.' });
    expect(checkQuantity('-2', 4)).toEqual({ ok: false, message: 'Buy at least 1.' });
  });
  it('refuses fractions and words', () => {
    expect(checkQuantity('1.5', 4).ok).toBe(false);
    expect(checkQuantity('two', 4).ok).toBe(false);
  });
  it('refuses more than the API allows at once', () => expect(checkQuantity('101', 500)).toEqual({ ok: false, message: 'At most 100 at a time.' }));
  it('refuses more than is in stock', () => expect(checkQuantity('5', 4)).toEqual({ ok: false, message: 'Only 4 in stock.' }));
  it('accepts a whole number within stock', () => expect(checkQuantity(' 2 ', 4)).toEqual({ ok: true, value: 2 }));
});
