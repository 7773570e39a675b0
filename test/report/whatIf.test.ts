/// <reference lib="dom" />
/**
 * The what-if panel and the downloads, in Debian's Chromium with the network
 * blocked. Moving levers in a report reruns the engine in the page's Web
 * Workers; the rerun's per-replication metrics and summary (downloaded as
 * what-if.json) must equal, to the last digit, those `claimsim run --set`
 * writes for the same claims, replications and seed, for several lever
 * settings and for one scenario of a comparison; the table shown must say the
 * same numbers. results.json, every table's CSV and a chart's SVG download
 * from the page and parse back to the report's numbers. The time of a rerun of
 * 20,000 claims x 5 replications is written to test-output/what-if.json.
 *
 * Without Chromium this test says it cannot run; in CI (CI=true) it fails instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChange, formatValue } from '../../src/format/values.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
if (!available && !inCi) console.warn(`what-if browser test cannot run: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const OUT = resolve('test-output', 'reports');
const dir = mkdtempSync(join(tmpdir(), 'claimsim-what-if-'));
const RUN = ['--claims', '2000', '-r', '3', '--seed', '11', '--set', 'world.teams=3', '--workers', '1'];

type Results = { metrics: Record<string, { description: string }>; perReplication: Record<string, number[]>; summary: Record<string, { mean: number }>; scenarios?: Results[] };

function claimsim(...args: string[]): void {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) throw new Error(`claimsim ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}
const results = (name: string): Results => JSON.parse(readFileSync(join(dir, name, 'results.json'), 'utf8')) as Results;

/** The lever settings tried, each with the `--set`s that say the same on the command line. */
const SETTINGS: Record<string, Record<string, string | boolean>> = {
  threshold: { 'policy.threshold': '2500' },
  'no screening': { 'screening.enabled': false },
  'more fraud, insurance for all, no waiver': { 'fraud.share': '0.2', 'policy.insurance.requiredOfAll': true, 'policy.reimbursement.waiverForInsured': false },
};
const sets = (levers: Record<string, string | boolean>) => Object.entries(levers).flatMap(([path, value]) => ['--set', `${path}=${value}`]);

let browser: Browser | undefined;

beforeAll(async () => {
  if (!available) return;
  claimsim('run', 'scenarios/baseline.yaml', ...RUN, '--out', join(dir, 'run'));
  for (const [name, levers] of Object.entries(SETTINGS)) claimsim('run', 'scenarios/baseline.yaml', ...RUN, ...sets(levers), '--out', join(dir, name));
  claimsim('compare', 'scenarios/baseline.yaml', 'scenarios/threshold-2500.yaml', ...RUN, '--out', join(dir, 'compare'));
  claimsim('run', 'scenarios/threshold-2500.yaml', ...RUN, '--set', 'policy.stepIn.onSilence=false', '--out', join(dir, 'compare-silence'));
  // The size the README states the rerun time for: the baseline's 20,000 claims, 5 replications.
  claimsim('run', 'scenarios/baseline.yaml', '-r', '5', '--seed', '3', '--out', join(dir, 'full'));
  claimsim('run', 'scenarios/baseline.yaml', '-r', '5', '--seed', '3', '--set', 'policy.threshold=2500', '--out', join(dir, 'full-2500'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(name: string) {
  const page = await browser!.newPage({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const file = pathToFileURL(join(dir, name, 'report.html')).href;
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    if (route.request().url() === file) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(file);
  return { page, errors, requests };
}

/** Sets the levers, waits for the rerun, and returns what the page downloads as what-if.json. */
async function whatIf(page: Page, levers: Record<string, string | boolean>): Promise<Results & { changed: Record<string, unknown> }> {
  await page.waitForSelector('#what-if:is([data-state="ready"], [data-state="done"])', { timeout: 60_000 });
  const before = Number((await page.getAttribute('#what-if', 'data-reruns')) ?? 0);
  for (const [path, value] of Object.entries(levers)) {
    const input = `#what-if input[data-path="${path}"]`;
    if (typeof value === 'boolean') await page.setChecked(input, value);
    else await page.fill(input, value);
    await page.dispatchEvent(input, 'change');
  }
  await page.waitForFunction((n) => Number(document.getElementById('what-if')!.dataset.reruns ?? 0) > n, before, { timeout: 120_000 });
  return JSON.parse(await downloaded(page, '#what-if button.what-if-download')) as Results & { changed: Record<string, unknown> };
}

async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readFileSync((await download.path())!, 'utf8');
}

/** The what-if table's cells, row by row. */
const shownRows = (page: Page) => page.$$eval('#what-if table.what-if-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent ?? '')));

describe.skipIf(!available && !inCi)('the what-if panel and downloads in a real browser', () => {
  it('Chromium is there (CI installs it)', () => {
    expect(available, `no Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`).toBe(true);
  });

  it.each(Object.keys(SETTINGS))('the page reruns "%s" to exactly what claimsim run --set writes', async (name) => {
    const { page, errors, requests } = await open('run');
    const rerun = await whatIf(page, SETTINGS[name]!);
    const cli = results(name);
    expect(rerun.perReplication).toEqual(cli.perReplication);
    expect(rerun.summary).toEqual(cli.summary);
    expect(Object.keys(rerun.changed).sort()).toEqual(Object.keys(SETTINGS[name]!).sort());
    // The table shows the same figures: the net cost as the command line has it, and its change from the report's run.
    const base = results('run');
    const net = (await shownRows(page)).find((row) => row[0] === base.metrics['marketplace.netCost']!.description)!;
    expect(net[1]).toBe(formatValue(base.summary['marketplace.netCost']!.mean, 'USD'));
    expect(net[2]).toBe(formatValue(cli.summary['marketplace.netCost']!.mean, 'USD'));
    const d = cli.perReplication['marketplace.netCost']!.map((v, i) => v - base.perReplication['marketplace.netCost']![i]!);
    expect(net[3]).toBe(formatChange(d.reduce((a, b) => a + b, 0) / d.length, 'USD'));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('varies one scenario of a comparison against its own run', async () => {
    const { page, errors } = await open('compare');
    await page.waitForSelector('#what-if[data-state="ready"]', { timeout: 60_000 });
    await page.selectOption('#what-if select[name="scenario"]', '1');
    // Choosing the scenario shows its own values: threshold-2500's threshold.
    expect(await page.inputValue('#what-if input[data-path="policy.threshold"]')).toBe('2500');
    const rerun = await whatIf(page, { 'policy.stepIn.onSilence': false });
    const cli = results('compare-silence');
    expect(rerun.perReplication).toEqual(cli.perReplication);
    expect(rerun.summary).toEqual(cli.summary);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what it refuses and runs nothing', async () => {
    const { page } = await open('run');
    await page.waitForSelector('#what-if[data-state="ready"]', { timeout: 60_000 });
    await page.fill('#what-if input[data-path="fraud.share"]', '1.5');
    await page.dispatchEvent('#what-if input[data-path="fraud.share"]', 'change');
    await page.waitForSelector('#what-if[data-state="invalid"]', { timeout: 60_000 });
    expect(await page.textContent('#what-if .what-if-status')).toContain('fraud.share');
    await page.close();
  });

  it('reruns 20,000 claims x 5 replications like the command line, and records how long it took', async () => {
    const { page, errors } = await open('full');
    const seconds: number[] = [];
    // The first rerun starts the workers; the ones after are what a reader moving levers waits for.
    for (const threshold of ['2500', '1000', '2500']) {
      const rerun = await whatIf(page, { 'policy.threshold': threshold });
      seconds.push(Number(await page.getAttribute('#what-if', 'data-seconds')));
      if (threshold === '2500') expect(rerun.summary).toEqual(results('full-2500').summary);
      else expect(rerun.summary).toEqual(results('full').summary);
    }
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'what-if.json'), `${JSON.stringify({ claims: 20_000, replications: 5, secondsPerRerun: seconds, chromium: browser!.version() }, null, 2)}\n`);
    await (await page.$('#what-if'))!.screenshot({ path: join(OUT, 'what-if.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hands over results.json, each table as CSV and each chart as SVG, all from the page', async () => {
    const { page, errors, requests } = await open('run');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.vega')).every((el) => (el as HTMLElement).dataset.rendered === 'live'), null, { timeout: 120_000 });
    expect(await downloaded(page, 'button.download[data-source="results-json"]')).toBe(readFileSync(join(dir, 'run', 'results.json'), 'utf8'));
    const r = JSON.parse(readFileSync(join(dir, 'run', 'results.json'), 'utf8')) as Results & { summary: Record<string, { mean: number; ciLow: number | null }> };
    const headline = parse(await downloaded(page, 'button.download[data-source="csv-headline"]'), { columns: true }) as Record<string, string>[];
    expect(headline.length).toBeGreaterThan(5);
    for (const row of headline) expect(Number(row.mean)).toBe(r.summary[row.metric!]!.mean);
    const tables = await page.$$eval('button.download[data-source^="csv-"]', (bs) => bs.map((b) => (b as HTMLElement).dataset.source!));
    for (const source of tables) {
      const rows = parse(await downloaded(page, `button.download[data-source="${source}"]`), { columns: true }) as unknown[];
      expect(rows.length, source).toBeGreaterThan(0);
    }
    // vega-embed's own export, offered by each live chart: its SVG is the chart drawn in the page.
    await page.click('#chart-cost-distribution .vega-embed summary');
    const svg = await downloaded(page, '#chart-cost-distribution .vega-actions a[download$=".svg"]');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
