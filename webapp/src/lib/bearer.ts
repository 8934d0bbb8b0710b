/**
 * The access token of a shopper or operator logged in at the identity provider (aws): held in
 * memory for the API client; oidc-client-ts keeps the user in sessionStorage, so a reload of the
 * tab restores it and closing the tab forgets it. Without one, requests rely on the session cookie.
 */
let token: string | undefined;

export function setBearerToken(value: string | undefined): void {
  token = value;
}

export function bearerToken(): string | undefined {
  return token;
}
