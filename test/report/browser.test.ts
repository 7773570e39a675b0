/// <reference lib="dom" />
/**
 * Every kind of report, opened from file:// in Debian's Chromium with the
 * network blocked: no console errors, no request attempted, every chart drawn
 * live with marks, the summary and the footer present, and a screenshot saved.
 * A scenario named <script>alert(1)</script> shows as text and opens no dialog.
 * No report is wider than the window at 1,400 and 800 px, nor than an A4
 * page's printable width when printed (each is printed to PDF beside its
 * screenshot); a scenario with an empirical claim-amount overlay, a 2-D sweep
 * and a comparison of five scenarios included. Each report's results.json and
 * every table's CSV download from the page and parse back.
 *
 * Without Chromium this test says it cannot run; in CI (CI=true) it fails instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
if (!available && !inCi) console.warn(`browser report test cannot run: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const SCREENSHOTS = resolve('test-output', 'reports');
const dir = mkdtempSync(join(tmpdir(), 'claimsim-reports-'));
const SMALL = ['--claims', '1500', '--set', 'world.teams=2', '--workers', '1'];

function claimsim(...args: string[]): void {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) throw new Error(`claimsim ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

const reports: Record<string, string> = {};
let browser: Browser | undefined;

beforeAll(async () => {
  if (!available) return;
  claimsim('run', 'scenarios/baseline.yaml', ...SMALL, '-r', '4', '--out', join(dir, 'run'));
  claimsim('compare', 'scenarios/baseline.yaml', 'scenarios/threshold-2500.yaml', ...SMALL, '-r', '3', '--out', join(dir, 'compare'));
  claimsim('sweep', 'scenarios/baseline.yaml', '--param', 'policy.threshold=500..2500:1000', ...SMALL, '-r', '2', '--out', join(dir, 'sweep'));
  // A 2-D sweep (its heatmap and step table) and a comparison of five scenarios, the widest of each kind.
  claimsim('sweep', 'scenarios/baseline.yaml', '--param', 'policy.threshold=500..2500:1000', '--param', 'fraud.share=0.05..0.15:0.05', ...SMALL, '-r', '2', '--out', join(dir, 'sweep2d'));
  claimsim('compare', ...['baseline', 'threshold-2500', 'fraud-surge', 'reimburse-all', 'accelerator-only'].map((s) => `scenarios/${s}.yaml`), ...SMALL, '-r', '2', '--out', join(dir, 'compare5'));
  claimsim('sensitivity', 'scenarios/baseline.yaml', '--param', 'fraud.share', '--param', 'screening.detectionRate', ...SMALL, '-r', '2', '--out', join(dir, 'sensitivity'));
  claimsim(
    'calibrate',
    'scenarios/baseline.yaml',
    '--target',
    'claims.fraudulentShare=0.12',
    '--free',
    'fraud.share',
    ...SMALL,
    '-r',
    '2',
    '--out',
    join(dir, 'calibrate'),
    '--overlay',
    join(dir, 'calibrated.yaml'),
  );
  // The widest parameter value there is: an empirical distribution of 1,001 amounts.
  const amounts = join(dir, 'amounts.csv');
  writeFileSync(amounts, `amount\n${Array.from({ length: 6000 }, (_, i) => (100 + ((i * 7919) % 50000) / 7).toFixed(2)).join('\n')}\n`);
  claimsim('fit', amounts, '--empirical', '--out', join(dir, 'empirical.yaml'), '--report-dir', join(dir, 'fit'));
  claimsim('run', join(dir, 'empirical.yaml'), ...SMALL, '-r', '2', '--out', join(dir, 'empirical'));
  const hostile = join(dir, 'hostile.yaml');
  writeFileSync(hostile, 'name: "<script>alert(1)</script>"\ndescription: "<img src=x onerror=alert(2)> & friends"\nextends: baseline\nparameters: {}\n');
  claimsim('run', hostile, ...SMALL, '-r', '2', '--out', join(dir, 'hostile'));
  for (const kind of ['run', 'compare', 'compare5', 'sweep', 'sweep2d', 'sensitivity', 'calibrate', 'fit', 'hostile', 'empirical']) reports[kind] = join(dir, kind, 'report.html');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(kind: string, width = 1100) {
  const page = await browser!.newPage({ acceptDownloads: true, viewport: { width, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  const file = pathToFileURL(reports[kind]!).href;
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // The network is blocked: only the report file itself may load.
  await page.route('**/*', (route) => {
    if (route.request().url() === file) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(file);
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.vega')).every((el) => (el as HTMLElement).dataset.rendered === 'live'), null, { timeout: 120_000 });
  return { page, errors, requests, dialogs };
}

describe.skipIf(!available && !inCi)('reports in a real browser', () => {
  it('Chromium is there (CI installs it)', () => {
    expect(available, `no Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`).toBe(true);
  });

  it.each(['run', 'compare', 'compare5', 'sweep', 'sweep2d', 'sensitivity', 'calibrate', 'fit'])(
    'the %s report opens offline and draws every chart',
    async (kind) => {
      const { page, errors, requests, dialogs } = await open(kind);
      const charts = await page.$$eval('.vega', (els) => els.map((el) => el.querySelectorAll('svg .role-mark, svg path, svg rect, canvas').length));
      expect(charts.length).toBeGreaterThan(0);
      for (const marks of charts) expect(marks).toBeGreaterThan(0);
      expect((await page.textContent('#summary'))!.length).toBeGreaterThan(200);
      expect(await page.textContent('#reproduce')).toContain('seed');
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${kind}.png`), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.close();
    },
    300_000,
  );

  /** A4 is 210 mm, 793.7 CSS px; Chromium prints with 0.4 in (38.4 px) margins each side. */
  const A4_PRINTABLE_PX = Math.floor((210 / 25.4) * 96 - 2 * 0.4 * 96);

  it.each(['run', 'compare', 'compare5', 'sweep', 'sweep2d', 'sensitivity', 'calibrate', 'fit'])(
    'the %s report hands over results.json and every table as CSV, from the page',
    async (kind) => {
      const { page, errors, requests } = await open(kind);
      const take = async (source: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button.download[data-source="${source}"]`)]);
        return readFileSync((await download.path())!, 'utf8');
      };
      // A reader unfolds a folded table before downloading it.
      await page.$$eval('details', (folds) => {
        for (const d of folds) (d as HTMLDetailsElement).open = true;
      });
      expect(await take('results-json')).toBe(readFileSync(join(dir, kind, 'results.json'), 'utf8'));
      const tables = await page.$$eval('div.table', (divs) => divs.map((d) => ({ id: d.id.replace(/^table-/, ''), rows: d.querySelectorAll('tbody tr').length })));
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        const rows = parse(await take(`csv-${table.id}`), { columns: true }) as Record<string, string>[];
        expect(rows.length, table.id).toBeGreaterThan(0);
        // The headline's CSV is the shown table with raw values: one row per row shown.
        if (table.id === 'headline') expect(rows.length).toBe(table.rows);
      }
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    },
    300_000,
  );

  it.each(['run', 'compare', 'compare5', 'sweep', 'sweep2d', 'sensitivity', 'calibrate', 'fit', 'empirical'])(
    'the %s report fits 1,400 px, 800 px and an A4 page',
    async (kind) => {
      const widths: Record<string, number> = {};
      for (const width of [1400, 800]) {
        const { page } = await open(kind, width);
        widths[`${width} px`] = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width === 800) await page.screenshot({ path: join(SCREENSHOTS, `${kind}-800.png`), fullPage: true });
        await page.close();
      }
      const { page } = await open(kind, A4_PRINTABLE_PX);
      await page.emulateMedia({ media: 'print' });
      widths.A4 = await page.evaluate(() => document.documentElement.scrollWidth);
      mkdirSync(SCREENSHOTS, { recursive: true });
      const pdf = await page.pdf({ path: join(SCREENSHOTS, `${kind}.pdf`), format: 'A4' });
      // The first page's MediaBox is A4's 595 x 842 points.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595(\.\d+)? 842(\.\d+)?\]/);
      await page.close();
      expect(widths).toEqual({ '1400 px': Math.min(widths['1400 px']!, 1400), '800 px': Math.min(widths['800 px']!, 800), A4: Math.min(widths.A4!, A4_PRINTABLE_PX) });
    },
    300_000,
  );

  it('shows a hostile scenario name as text and opens no dialog', async () => {
    const { page, errors, dialogs, requests } = await open('hostile');
    expect(await page.textContent('h1')).toContain('<script>alert(1)</script>');
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 300_000);
});
