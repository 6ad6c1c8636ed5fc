// Lighthouse (from npm) against Debian's Chromium, on the village report form of a running portal: signs in as
// the demo village head, then measures a cold load (cache and storage emptied) and a second load with the
// assets cached (and the service worker installed), and checks the budgets of issue #15. Run by .ci/lighthouse.
import fs from 'node:fs';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const [base, chrome, out] = process.argv.slice(2);
const budgets = { coldLcp: 2000, warmLcp: 1200, page: 8 * 1024, assets: 20 * 1024 };

const browser = await puppeteer.launch({ executablePath: chrome, headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'] });
try {
  const page = await browser.newPage();
  await page.goto(base + '/login');
  await page.type('#username', 'village');
  await page.type('#password', 'demo1234');
  await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  const form = await page.$eval('#month-heading ~ p a.button', link => link.href);
  // a server that has just started runs its code cold: open the form a few times first, as a day's use would
  for (let i = 0; i < 5; i++) {
    await page.goto(form);
  }

  // Lighthouse's mobile emulation with its default throttling, applied by DevTools so that the second run
  // really uses the browser's cache: 150 ms RTT (562.5 ms per request), 1.6 Mbps down, 750 kbps up, CPU 4x slower.
  const flags = { onlyCategories: ['performance'], throttlingMethod: 'devtools', output: 'json', logLevel: 'error' };
  const cold = await lighthouse(form, flags, undefined, page);
  const warm = await lighthouse(form, { ...flags, disableStorageReset: true }, undefined, page);
  fs.writeFileSync(out + '/cold.json', cold.report);
  fs.writeFileSync(out + '/warm.json', warm.report);

  const figures = run => {
    const audits = run.lhr.audits;
    const requests = audits['network-requests'].details.items;
    const documentRequest = requests.find(item => item.resourceType === 'Document');
    const assets = requests.filter(item => item !== documentRequest);
    return {
      lcp: audits['largest-contentful-paint'].numericValue,
      fcp: audits['first-contentful-paint'].numericValue,
      page: documentRequest ? documentRequest.transferSize : NaN,
      assets: assets.reduce((sum, item) => sum + (item.transferSize || 0), 0),
      list: assets.map(item => `${item.transferSize} B ${item.url.replace(base, '')}`),
    };
  };
  const c = figures(cold);
  const w = figures(warm);
  const rows = [
    ['LCP, cold load', c.lcp, budgets.coldLcp, 'ms'],
    ['LCP, assets cached', w.lcp, budgets.warmLcp, 'ms'],
    ['page transferred', c.page, budgets.page, 'B'],
    ['assets transferred, cold', c.assets, budgets.assets, 'B'],
  ];
  console.log(`Village report form ${form.replace(base, '')}, Lighthouse ${cold.lhr.lighthouseVersion}, ${cold.lhr.environment.hostUserAgent.replace(/.*(Chrome\/[\d.]+).*/, '$1')}`);
  console.log(`FCP cold ${c.fcp.toFixed(0)} ms, FCP cached ${w.fcp.toFixed(0)} ms`);
  console.log('cold assets: ' + c.list.join(', '));
  let failed = 0;
  for (const [name, value, budget, unit] of rows) {
    const ok = value <= budget;
    failed += ok ? 0 : 1;
    console.log(`${ok ? 'within' : 'OVER  '} ${name}: ${value.toFixed(0)} ${unit} (budget ${budget} ${unit})`);
  }
  console.log(`${rows.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
finally {
  // a browser that does not close within 10 s must not keep the command running
  await Promise.race([browser.close(), new Promise(done => setTimeout(done, 10000))]);
}
process.exit();
