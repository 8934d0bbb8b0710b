// The web store's log-in in the aws profile, in Chromium: authorization code with PKCE at the
// issuer the platform names in GET /auth/config (a loopback one in the tests), then the API with
// the access token as a bearer, restored from sessionStorage after a reload.
//   BASE_URL=http://localhost:8095 SUBJECT=pkce-shopper node e2e/pkce.mjs
import { guardedPage, launch } from './browser.mjs';

const TIMEOUT = { timeout: 15_000 };
const baseURL = process.env.BASE_URL ?? 'http://localhost:8095';
const subject = process.env.SUBJECT ?? 'pkce-shopper';

const browser = await launch();
let passed = false;
try {
  const g = await guardedPage(browser, baseURL);
  g.expect(401, /^\/me$/); // before the log-in
  g.expect(404, /^\/users\/balance\//); // a new shopper has no wallet yet
  g.expect(404, /^\/points$/); // nor points
  const { page } = g;
  const bearerMe = page.waitForRequest((request) => new URL(request.url()).pathname === '/me'
    && (request.headers().authorization ?? '').startsWith('Bearer '), TIMEOUT);

  await page.goto('/login');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/', TIMEOUT);
  await page.getByTestId('principal').filter({ hasText: subject }).waitFor(TIMEOUT);
  await bearerMe;

  await page.goto('/purchase-history'); // a reload: the user comes back from sessionStorage
  await page.getByRole('heading', { name: 'My purchases' }).waitFor(TIMEOUT);
  await page.getByTestId('principal').filter({ hasText: subject }).waitFor(TIMEOUT);
  const errors = g.errors();
  if (errors.length > 0) {
    throw new Error(`console errors:\n  ${errors.join('\n  ')}`);
  }
  passed = true;
  console.log('PASS log in with the authorization code and PKCE, then call the API with the bearer token');
} catch (error) {
  console.log(`FAIL ${error.stack ?? error}`);
} finally {
  await browser.close();
}
console.log(passed ? 'e2e-pkce: passed' : 'e2e-pkce: FAILED');
process.exit(passed ? 0 : 1);
