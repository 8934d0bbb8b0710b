import { UserManager, WebStorageStateStore, type INavigator, type User } from 'oidc-client-ts';
import { setBearerToken } from '../../lib/bearer';

/** How the store logs in, as GET /auth/config answers: the session form, or the identity provider with PKCE. */
export type AuthConfig =
  | { mode: 'session' }
  | {
    mode: 'oidc';
    authority: string;
    client_id: string;
    scope: string;
    redirect_uri?: string;
    authorization_endpoint?: string;
    token_endpoint?: string;
  };

export type OidcConfig = Extract<AuthConfig, { mode: 'oidc' }>;

/** Where the identity provider sends the shopper back (the Cognito client's callback URL). */
export const CALLBACK_PATH = '/login/callback';

/** The browser's own navigation, apart so that tests can watch where the store sends the shopper. */
export const browser = {
  go(url: string): void {
    window.location.assign(url);
  },
};

const redirects: INavigator = {
  prepare: async () => ({
    navigate: async ({ url }) => {
      browser.go(url);
      return new Promise(() => undefined); // the page is leaving
    },
    close: () => undefined,
  }),
  callback: async () => undefined,
};

let managers: { key: string; manager: UserManager } | undefined;

/** The oidc-client-ts manager of this configuration: a public client (no secret), code flow with PKCE. */
export function managerFor(config: OidcConfig): UserManager {
  const key = JSON.stringify(config);
  if (managers?.key !== key) {
    const metadataSeed = {
      ...(config.authorization_endpoint !== undefined && { authorization_endpoint: config.authorization_endpoint }),
      ...(config.token_endpoint !== undefined && { token_endpoint: config.token_endpoint }),
    };
    managers = {
      key,
      manager: new UserManager({
        authority: config.authority,
        client_id: config.client_id,
        redirect_uri: config.redirect_uri ?? `${window.location.origin}${CALLBACK_PATH}`,
        response_type: 'code',
        scope: config.scope,
        metadataSeed,
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        automaticSilentRenew: false,
      }, redirects),
    };
  }
  return managers.manager;
}

function use(user: User | null): User | null {
  const current = user !== null && !user.expired ? user : null;
  setBearerToken(current?.access_token);
  return current;
}

/** Takes up the user this tab logged in before (sessionStorage), if still valid. */
export async function restoreLogin(config: OidcConfig): Promise<void> {
  use(await managerFor(config).getUser());
}

/** Sends the shopper to the identity provider; `from` is where to come back to. */
export async function startLogin(config: OidcConfig, from: string): Promise<void> {
  await managerFor(config).signinRedirect({ state: { from } });
}

/** On the callback page: trades the code (and the PKCE verifier) for tokens; answers where to go next. */
export async function completeLogin(config: OidcConfig, url: string): Promise<string> {
  const user = use(await managerFor(config).signinRedirectCallback(url));
  const state = user?.state as { from?: string } | undefined;
  return state?.from ?? '/';
}

/** Forgets the tokens of this tab. */
export async function endLogin(config: OidcConfig): Promise<void> {
  setBearerToken(undefined);
  await managerFor(config).removeUser();
}
