// The end-to-end scenarios of the web store, each a function of a guarded page (see browser.mjs).
import assert from 'node:assert/strict';
import { screenshots, seriousViolations } from './browser.mjs';

const TIMEOUT = { timeout: 15_000 };
const AIR = 'Unicorn Air (2023 Model)';

async function accessible(page, name) {
  // judged at rest: a button that was just enabled fades in its colour (MUI transitions), and axe
  // would measure the contrast of a colour half way (spinners, which never end, do not count)
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'
    || animation.effect?.getComputedTiming().endTime === Infinity), null, TIMEOUT);
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `axe-core: serious or critical violations on ${name}: ${JSON.stringify(violations, null, 2)}`);
}

async function figure(page, testId) {
  const text = await page.getByTestId(testId).textContent();
  return Number(text.replace(/[^\d]/g, ''));
}

async function waitForFigure(page, testId, value) {
  await page.waitForFunction(([id, v]) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el !== null && Number(el.textContent.replace(/[^\d]/g, '')) === v;
  }, [testId, value], TIMEOUT);
}

export async function logIn(g, username, password) {
  const { page } = g;
  await page.goto('/');
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: false }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('principal').filter({ hasText: username }).waitFor(TIMEOUT);
}

export async function logOut(g) {
  await g.page.getByRole('button', { name: 'Log out' }).click();
  await g.page.getByRole('link', { name: 'Log in' }).waitFor(TIMEOUT);
}

function card(page) {
  return page.getByRole('article', { name: AIR });
}

/** `/` renders the catalogue with the Unicorn Air at 1700, with no console error, for anyone. */
export async function catalogueRendersForAnyone(g) {
  const { page } = g;
  g.expect(401, /^\/me$/);
  await page.goto('/');
  await card(page).waitFor(TIMEOUT);
  assert.equal(await card(page).getByTestId('price').getAttribute('aria-label'), 'Price 1700');
  assert.match(await card(page).getByTestId('price').textContent(), /1,?700/);
  await accessible(page, 'the store (logged out)');
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Log in' }).waitFor(TIMEOUT);
  await accessible(page, 'the log-in page');
  return [...await screenshots(page, 'login')];
}

/** derick buys one Unicorn Air: wallet -1700, stock -1, points +170 once the projection has them. */
export async function shopperBuysAUnicorn(g) {
  const { page } = g;
  await logIn(g, 'derick', 'unicorn');
  await page.goto('/');
  await card(page).getByTestId('stock').waitFor(TIMEOUT);
  await page.getByTestId('points').filter({ hasText: /\d/ }).waitFor(TIMEOUT);
  await page.getByTestId('wallet').filter({ hasText: /\d/ }).waitFor(TIMEOUT);
  const wallet = await figure(page, 'wallet');
  const points = await figure(page, 'points');
  const stock = Number((await card(page).getByTestId('stock').textContent()).replace(/[^\d]/g, ''));
  await accessible(page, 'the store');
  const files = await screenshots(page, 'store');

  await card(page).getByRole('button', { name: 'Buy' }).click();
  await card(page).getByText('You earned 170 points.', { exact: false }).waitFor(TIMEOUT);
  await waitForFigure(page, 'wallet', wallet - 1700);
  await card(page).getByTestId('stock').filter({ hasText: `${stock - 1} in stock` }).waitFor(TIMEOUT);
  await waitForFigure(page, 'points', points + 170);
  return files;
}

/** derick redeems 20 points: the balance drops by 20 and the history's newest line says so. */
export async function shopperRedeemsPoints(g) {
  const { page } = g;
  await page.getByRole('tab', { name: 'Points' }).click();
  await page.getByTestId('points-balance').waitFor(TIMEOUT);
  // a deep link: the platform answers a page's path with index.html, and the session holds
  await page.reload();
  await page.getByTestId('points-balance').waitFor(TIMEOUT);
  assert.equal(new URL(page.url()).pathname, '/points-centre');
  await page.getByRole('table', { name: 'Points history' }).waitFor(TIMEOUT);
  await page.getByRole('region', { name: 'Balance over time' }).locator('.recharts-line-curve').waitFor({ ...TIMEOUT, state: 'attached' });
  const before = await figure(page, 'points-balance');
  await accessible(page, 'the points centre');
  const files = await screenshots(page, 'points');

  await page.getByLabel('Points to redeem').fill('20');
  await page.getByRole('button', { name: 'Redeem' }).click();
  await page.getByText('Redeemed 20 points.').waitFor(TIMEOUT);
  await waitForFigure(page, 'points-balance', before - 20);
  const newest = page.getByRole('table', { name: 'Points history' }).getByRole('row').nth(1);
  await newest.filter({ hasText: 'Redeemed' }).filter({ hasText: '20' }).waitFor(TIMEOUT);

  g.expect(409, /^\/points$/);
  await page.getByLabel('Points to redeem').fill('999999');
  await page.getByRole('button', { name: 'Redeem' }).click();
  await page.getByText('Not enough points: you asked for', { exact: false }).waitFor(TIMEOUT);
  return files;
}

/** A purchase derick cannot pay for is refused with its reason, and wallet and stock stay. */
export async function failedPurchaseShowsItsReason(g) {
  const { page } = g;
  g.expect(409, /^\/purchase$/);
  await page.getByRole('tab', { name: 'Store' }).click();
  await card(page).getByTestId('stock').waitFor(TIMEOUT);
  const wallet = await figure(page, 'wallet');
  assert.ok(wallet < 1700, `derick should now hold less than 1700, holds ${wallet}`);
  const stock = await card(page).getByTestId('stock').textContent();
  await card(page).getByRole('button', { name: 'Buy' }).click();
  const alert = card(page).getByRole('alert');
  await alert.filter({ hasText: 'Not enough money in your wallet.' }).waitFor(TIMEOUT);
  assert.match(await alert.textContent(), /costs 1700/);
  assert.equal(await card(page).getByTestId('stock').textContent(), stock);
  assert.equal(await figure(page, 'wallet'), wallet);
  assert.equal(await card(page).getByRole('button', { name: 'Buy' }).isEnabled(), true, 'the Buy button must not keep spinning');
  return [];
}

/** derick's purchases list the completed one with its saga steps. */
export async function shopperSeesPurchases(g) {
  const { page } = g;
  await page.getByRole('tab', { name: 'Purchases' }).click();
  await page.getByRole('article').first().waitFor(TIMEOUT);
  await page.getByTestId('purchase-status').filter({ hasText: 'completed' }).first().waitFor(TIMEOUT);
  await page.getByText('Award points:', { exact: false }).first().waitFor(TIMEOUT);
  await accessible(page, 'the purchases page');
  return screenshots(page, 'purchases');
}

async function replaceEditorText(page, text) {
  const editor = page.getByRole('textbox', { name: 'Campaign 1 as JSON' });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

async function dryRun(page) {
  await page.getByRole('button', { name: 'Run' }).click();
  const result = page.getByTestId('dry-run-result');
  await result.waitFor(TIMEOUT);
  return result;
}

/** The operator edits campaign UnicornStore/1 from a tenth to a fifth: the dry run of 1700 goes 170 -> 340. */
export async function operatorEditsACampaign(g) {
  const { page } = g;
  await logOut(g);
  await logIn(g, 'admin', 'unicorn-admin');
  await page.getByRole('tab', { name: 'Campaigns' }).click();
  await page.getByRole('heading', { name: 'UnicornStore / 1' }).waitFor(TIMEOUT);
  await accessible(page, 'the campaign centre');
  const files = await screenshots(page, 'campaigns');

  await page.getByRole('link', { name: 'Edit UnicornStore / 1' }).click();
  await page.getByRole('textbox', { name: 'Campaign 1 as JSON' }).waitFor(TIMEOUT);
  await (await dryRun(page)).filter({ hasText: 'would earn 170 points' }).waitFor(TIMEOUT);
  // the stored document, as the editor loaded it (with the session's cookie), minus its read-only version
  const { version: _version, ...document } = await page.evaluate(async () =>
    (await fetch('/campaigns/1?client=UnicornStore', { headers: { Accept: 'application/json' } })).json());

  g.expect(400, /^\/campaigns\/1$/);
  const refused = structuredClone(document);
  refused.rules[0].variable = '$..amount';
  await replaceEditorText(page, JSON.stringify(refused, null, 2));
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('editor-problems').filter({ hasText: '/rules/0/variable' }).waitFor(TIMEOUT);
  assert.match(await page.getByTestId('editor-problems').textContent(), /Line \d+/);

  const fifth = structuredClone(document);
  fifth.rules[0].action.formula = '$.amount/5';
  await replaceEditorText(page, JSON.stringify(fifth, null, 2));
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved as version', { exact: false }).waitFor(TIMEOUT);
  await (await dryRun(page)).filter({ hasText: 'would earn 340 points' }).waitFor(TIMEOUT);
  await accessible(page, 'the campaign editor');
  files.push(...await screenshots(page, 'campaign-editor'));

  await replaceEditorText(page, JSON.stringify(document, null, 2));
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved as version', { exact: false }).waitFor(TIMEOUT);
  await (await dryRun(page)).filter({ hasText: 'would earn 170 points' }).waitFor(TIMEOUT);
  return files;
}

/** Someone else saves the campaign while the operator edits it: the save is a 412, the edits stay, the newer version is offered. */
export async function operatorSeesAConflictingEdit(g) {
  const { page } = g;
  g.expect(412, /^\/campaigns\/1$/);
  const { version: _version, ...document } = await page.evaluate(async () =>
    (await fetch('/campaigns/1?client=UnicornStore', { headers: { Accept: 'application/json' } })).json());
  const mine = structuredClone(document);
  mine.rules[0].action.formula = '$.amount/8';
  await replaceEditorText(page, JSON.stringify(mine, null, 2));

  const elsewhere = await page.evaluate(async () => {
    const current = await fetch('/campaigns/1?client=UnicornStore', { headers: { Accept: 'application/json' } });
    const xsrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.substring(11) ?? '';
    const saved = await fetch('/campaigns/1?client=UnicornStore', {
      method: 'PATCH',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag'), 'X-XSRF-TOKEN': decodeURIComponent(xsrf) },
      body: JSON.stringify({ description: 'changed in another tab' }),
    });
    return saved.status;
  });
  assert.equal(elsewhere, 200, 'the other tab saves first');

  await page.getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByTestId('conflict');
  await conflict.filter({ hasText: 'Someone saved this campaign after you opened it' }).waitFor(TIMEOUT);
  await page.getByLabel('The newer version').filter({ hasText: 'changed in another tab' }).waitFor(TIMEOUT);
  assert.match(await page.getByRole('textbox', { name: 'Campaign 1 as JSON' }).textContent(), /\$\.amount\/8/, 'my edits are kept');
  await page.getByRole('button', { name: 'Load the newer version' }).click();
  await page.getByRole('textbox', { name: 'Campaign 1 as JSON' }).filter({ hasText: 'changed in another tab' }).waitFor(TIMEOUT);
  return [];
}

/** Starts a rebuild of every account; while another one runs (409), follows that one to its end first. Its report's region. */
async function startRebuild(g) {
  const { page } = g;
  g.expect(409, /^\/points\/projection\/rebuild$/);
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/points/projection/rebuild', TIMEOUT);
    await page.getByRole('button', { name: 'Start rebuild' }).click();
    const response = await answer;
    if (response.status() === 202) {
      return page.getByRole('region', { name: `Rebuild ${(await response.json()).job_id}` });
    }
    assert.equal(response.status(), 409, `the rebuild's start answered ${response.status()}`);
    await page.getByRole('button', { name: 'Follow the running rebuild' }).click();
    await page.getByTestId('rebuild-state').filter({ hasNotText: 'RUNNING' }).waitFor({ timeout: 60_000 });
  }
  throw new Error('a rebuild kept running: no room to start one');
}

/** The operator opens Operations: sagas, then a projection rebuild to DONE with its report, then restocks the Unicorn Air and the store shows it. */
export async function operatorRunsOperations(g) {
  const { page } = g;
  await page.getByRole('tab', { name: 'Operations' }).click();
  const sagas = page.getByRole('region', { name: 'Sagas failed' });
  await sagas.getByText('No failed sagas.').or(sagas.getByRole('article').first()).waitFor(TIMEOUT);
  assert.equal(new URL(page.url()).pathname, '/operations/sagas');
  await accessible(page, 'the sagas console');
  const files = await screenshots(page, 'operations-sagas');

  g.expect(404, /^\/points\/projection\/rebuild$/); // the latest rebuild, before any has run
  await page.getByRole('tab', { name: 'Projection rebuild' }).click();
  await page.getByText('No rebuild has run yet.').or(page.getByTestId('rebuild-state')).first().waitFor(TIMEOUT);
  const job = await startRebuild(g);
  await job.getByTestId('rebuild-state').filter({ hasText: 'DONE' }).waitFor({ timeout: 60_000 });
  const progress = await job.getByTestId('rebuild-progress').textContent();
  assert.match(progress, /^(\d+) of \1 accounts/, `every account replayed: ${progress}`);
  // the views followed the stream all along (derick bought and redeemed): each rebuilt balance is the live one
  await job.getByText('No differences: every balance view matches the event store.').waitFor(TIMEOUT);
  assert.equal(await job.getByRole('progressbar', { name: 'Rebuild progress' }).getAttribute('aria-valuenow'), '100');
  await accessible(page, 'the projection rebuild');
  files.push(...await screenshots(page, 'operations-rebuild'));

  await page.getByRole('tab', { name: 'Catalogue' }).click();
  const air = page.getByRole('listitem', { name: AIR });
  const before = Number((await air.getByTestId('product-figures').textContent()).replace(/^.*· /, '').replace(/[^\d]/g, ''));
  const restock = air.getByRole('form', { name: `Restock ${AIR}` });
  await restock.getByLabel('Quantity to add').fill('2');
  await restock.getByRole('button', { name: 'Restock' }).click();
  const outcome = restock.getByText(/Restocked: \d+ in stock now\./);
  await outcome.waitFor(TIMEOUT);
  const stock = Number((await outcome.textContent()).replace(/[^\d]/g, ''));
  assert.equal(stock, before + 2, 'the restock added 2');
  await accessible(page, 'the catalogue console');
  files.push(...await screenshots(page, 'operations-catalogue'));

  await page.getByRole('tab', { name: 'Store' }).click();
  await card(page).getByTestId('stock').filter({ hasText: `${stock} in stock` }).waitFor(TIMEOUT);
  return files;
}
