import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { explain } from './problems';

describe('a problem in words', () => {
  it('names a known refusal and keeps the server detail', () => {
    const words = explain(new ApiError(409, {
      type: 'https://unicorn.store/problems/insufficient-funds', detail: "The wallet of 'bob' holds 800; the purchase costs 1700.",
    }));
    expect(words.headline).toBe('Not enough money in your wallet.');
    expect(words.detail).toContain('holds 800');
    expect(words.retryable).toBe(false);
  });
  it('offers a retry when the outcome is unknown', () => {
    const words = explain(new ApiError(503, { type: 'https://unicorn.store/problems/outcome-unknown' }));
    expect(words.headline).toMatch(/not be charged twice/);
    expect(words.retryable).toBe(true);
  });
  it('lists every refused field of an invalid request', () => {
    const words = explain(new ApiError(400, { type: 'https://unicorn.store/problems/invalid-request', errors: [{ field: 'quantity', message: 'must be 1-100' }] }));
    expect(words.headline).toBe('Please correct the highlighted input.');
    expect(words.fields).toEqual([{ field: 'quantity', message: 'must be 1-100' }]);
  });
  it('explains a network failure', () => expect(explain(new ApiError(0, {})).headline).toMatch(/cannot be reached/));
});
