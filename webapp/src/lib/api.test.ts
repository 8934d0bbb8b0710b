import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../test/server';
import { request } from './api';
import { setBearerToken } from './bearer';

afterEach(() => { document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'; });

describe('the API client', () => {
  it('sends the access token as a bearer and then needs no CSRF token', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    const { calls } = fakeApi({ 'DELETE /points': { body: {} } });
    setBearerToken('access-1');

    await request('/points', { method: 'DELETE', body: { account_id: 'derick', amount: 1 } });

    expect(calls[0].headers.get('Authorization')).toBe('Bearer access-1');
    expect(calls[0].headers.get('X-XSRF-TOKEN')).toBeNull();
  });

  it('without a token relies on the session cookie and sends the CSRF token on writes', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    const { calls } = fakeApi({ 'DELETE /points': { body: {} } });

    await request('/points', { method: 'DELETE', body: { account_id: 'derick', amount: 1 } });

    expect(calls[0].headers.get('Authorization')).toBeNull();
    expect(calls[0].headers.get('X-XSRF-TOKEN')).toBe('token-1');
  });
});
