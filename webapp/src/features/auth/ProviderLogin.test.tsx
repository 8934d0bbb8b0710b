import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { derick, fakeApi, problem, renderApp } from '../../test/server';
import { browser } from './oidc';

const CONFIG = {
  mode: 'oidc', authority: 'https://issuer.test/pool', client_id: 'web-store', scope: 'openid email profile',
  redirect_uri: 'http://store.test/login/callback',
};
const METADATA = {
  issuer: 'https://issuer.test/pool', authorization_endpoint: 'https://issuer.test/oauth2/authorize',
  token_endpoint: 'https://issuer.test/oauth2/token', jwks_uri: 'https://issuer.test/pool/jwks.json',
};

/** An unsigned ID token: oidc-client-ts reads its claims, the platform never sees it. */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'none' })}.${part(claims)}.`;
}

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('logging in at the identity provider (aws)', () => {
  it('shows no password form and sends the shopper to the provider with a PKCE challenge', async () => {
    fakeApi({
      'GET /auth/config': { body: CONFIG },
      'GET /pool/.well-known/openid-configuration': { body: METADATA },
      'GET /me': problem(401, 'unauthorized', 'log in'),
    });
    const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined);
    renderApp('/login');

    await userEvent.click(await screen.findByRole('button', { name: 'Log in' }));

    await waitFor(() => expect(go).toHaveBeenCalledOnce());
    expect(screen.queryByLabelText(/Password/)).not.toBeInTheDocument();
    const url = new URL(go.mock.calls[0][0]);
    expect(url.origin + url.pathname).toBe(METADATA.authorization_endpoint);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('web-store');
    expect(url.searchParams.get('redirect_uri')).toBe(CONFIG.redirect_uri);
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('trades the code for tokens at the callback, then calls the API with the access token as a bearer', async () => {
    let tokenRequest: unknown;
    const { calls } = fakeApi({
      'GET /auth/config': { body: CONFIG },
      'GET /pool/.well-known/openid-configuration': { body: METADATA },
      'POST /oauth2/token': ({ body }) => {
        tokenRequest = body;
        const now = Math.floor(Date.now() / 1000);
        return { body: { access_token: 'access-1', token_type: 'Bearer', expires_in: 3600,
          id_token: idToken({ iss: METADATA.issuer, aud: 'web-store', sub: 'derick', iat: now, exp: now + 3600 }) } };
      },
      'GET /me': ({ headers }) => (headers.get('Authorization') === 'Bearer access-1' ? { body: derick }
        : problem(401, 'unauthorized', 'log in')),
      'GET /products': { body: [] },
      'GET /users/balance/derick': { body: { username: 'derick', balance: 3300 } },
      'GET /points': { body: { account_id: 'derick', balance: 0, balance_entries: [] } },
    });
    const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined);
    const first = renderApp('/login');
    await userEvent.click(await screen.findByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(go).toHaveBeenCalledOnce());
    const state = new URL(go.mock.calls[0][0]).searchParams.get('state');
    first.unmount();

    renderApp(`/login/callback?code=code-1&state=${state}`);

    expect(await screen.findByTestId('principal')).toHaveTextContent('derick');
    const form = new URLSearchParams(String(tokenRequest));
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('code-1');
    expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(form.get('client_secret')).toBeNull();
    const me = calls.filter((c) => c.path === '/me').at(-1)!;
    expect(me.headers.get('Authorization')).toBe('Bearer access-1');
    expect(sessionStorage.length).toBeGreaterThan(0);
  });
});
