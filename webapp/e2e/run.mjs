// End-to-end tests of the web store against a running platform:
//   BASE_URL=http://localhost:8095 node e2e/run.mjs
// Exit code 0 when every scenario passed; screenshots under SCREENSHOT_DIR (default ../target/screenshots).
import { guardedPage, launch } from './browser.mjs';
import * as s from './scenarios.mjs';

const baseURL = process.env.BASE_URL ?? 'http://localhost:8095';

// one shopper's story then the operator's, in one browser context (one session), in this order
const STORY = [
  s.catalogueRendersForAnyone,
  s.shopperBuysAUnicorn,
  s.shopperRedeemsPoints,
  s.failedPurchaseShowsItsReason,
  s.shopperSeesPurchases,
  s.operatorEditsACampaign,
  s.operatorSeesAConflictingEdit,
  s.operatorRunsOperations,
];

// every scenario, every run: there is no switch that leaves one out
const story = STORY;

const browser = await launch();
let failed = 0;
const shots = [];
try {
  const g = await guardedPage(browser, baseURL);
  for (const scenario of story) {
    const started = Date.now();
    try {
      shots.push(...await scenario(g));
      const errors = g.errors();
      if (errors.length > 0) {
        throw new Error(`console errors:\n  ${errors.join('\n  ')}`);
      }
      console.log(`PASS ${scenario.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${scenario.name}: ${error.stack ?? error}`);
      console.log(`  failed responses so far: ${JSON.stringify(g.failedResponses())}`);
      await g.page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '../target/screenshots'}/FAILED-${scenario.name}.png`, fullPage: true }).catch(() => {});
      break; // the story builds on each step
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots: ${shots.map((f) => f.split('/').pop()).join(', ')}`);
console.log(failed === 0 ? `e2e: all ${STORY.length} scenarios passed` : 'e2e: FAILED');
process.exit(failed === 0 ? 0 : 1);
