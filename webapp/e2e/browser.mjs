// Browser plumbing of the end-to-end tests: Debian's Chromium through playwright-core, a console
// guard that fails on any error except the HTTP 4xx a scenario expects, axe-core and screenshots.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS, headless: true });
}

/**
 * A page whose console and uncaught errors are recorded. Chromium logs every failed response as
 * "Failed to load resource"; such a line is allowed only for a response the scenario expected.
 */
export async function guardedPage(browser, baseURL, width = 1280) {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const failedResponses = [];
  const expected = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failedResponses.push({ url: response.url(), status: response.status(), method: response.request().method() });
    }
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') {
      return;
    }
    const url = message.location()?.url ?? '';
    const loadFailure = /Failed to load resource: the server responded with a status of (\d+)/.exec(message.text());
    if (loadFailure !== null && expected.some((e) => e.status === Number(loadFailure[1]) && e.path.test(new URL(url, baseURL).pathname))) {
      return;
    }
    errors.push(`console: ${message.text()} (${url})`);
  });
  return {
    page,
    context,
    /** Allows Chromium's log line for this status on a path matching the pattern. */
    expect(status, path) {
      expected.push({ status, path });
    },
    errors: () => [...errors],
    failedResponses: () => [...failedResponses],
  };
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function screenshotDir() {
  const dir = process.env.SCREENSHOT_DIR ?? join(process.cwd(), '..', 'target', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Screenshots of the page at 1280 px and at 375 px wide: <name>-1280.png, <name>-375.png. */
export async function screenshots(page, name) {
  const dir = screenshotDir();
  const files = [];
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    // from the top (a sticky header is drawn where the page was scrolled), after two animation
    // frames: the layout after the resize has been painted
    await page.evaluate(() => new Promise((done) => {
      window.scrollTo(0, 0);
      requestAnimationFrame(() => requestAnimationFrame(done));
    }));
    const file = join(dir, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (width === 375 && overflow > 0) {
      throw new Error(`${name} is ${overflow}px wider than a 375px screen`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return files;
}
