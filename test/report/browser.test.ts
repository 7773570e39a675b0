/// <reference lib="dom" />
/**
 * Every kind of report, opened from file:// in Debian's Chromium with the
 * network blocked: no console errors, no request attempted, every chart drawn
 * live with marks, the summary and the footer present, and a screenshot saved.
 * A scenario named <script>alert(1)</script> shows as text and opens no dialog.
 *
 * Without Chromium this test says it cannot run; in CI (CI=true) it fails instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  const hostile = join(dir, 'hostile.yaml');
  writeFileSync(hostile, 'name: "<script>alert(1)</script>"\ndescription: "<img src=x onerror=alert(2)> & friends"\nextends: baseline\nparameters: {}\n');
  claimsim('run', hostile, ...SMALL, '-r', '2', '--out', join(dir, 'hostile'));
  for (const kind of ['run', 'compare', 'sweep', 'sensitivity', 'calibrate', 'hostile']) reports[kind] = join(dir, kind, 'report.html');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(kind: string) {
  const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
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

  it.each(['run', 'compare', 'sweep', 'sensitivity', 'calibrate'])(
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
