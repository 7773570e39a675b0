/**
 * `claimsim fit` as the command line meets it: the command module is parsed
 * by yargs here (main.ts registers it separately), its output captured, and
 * its refusals checked to be usage errors that the CLI turns into exit 2;
 * the report it writes shows what it printed, and `claimsim report` on its
 * folder rebuilds that report exactly.
 */
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import yargs from 'yargs';
import { parse } from 'yaml';
import { defaultFitOverlayPath, fitCommand } from '../../src/cli/commands/fit.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { reportFailure, UsageError } from '../../src/cli/errors.js';
import { loadScenario } from '../../src/params/load.js';
import { ScenarioError } from '../../src/params/problems.js';

const FIXTURES = join('test', 'fixtures', 'fit');
const dir = mkdtempSync(join(tmpdir(), 'claimsim-fit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Each call writes its results.json and fits.csv into its own temporary folder, never into the repository. */
const REPORTS = mkdtempSync(join(tmpdir(), 'claimsim-fit-reports-'));
let reportRuns = 0;

/** Runs `claimsim fit ...args` in this process; returns what it printed, or the error it failed with. */
async function fit(...args: string[]): Promise<{ stdout: string; error?: unknown }> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await yargs(['fit', ...args, ...(args.includes('--report-dir') ? [] : ['--report-dir', join(REPORTS, String(++reportRuns))])])
      .command(fitCommand)
      .strict()
      .fail((message, error) => {
        throw error ?? new Error(message);
      })
      .parseAsync();
    return { stdout };
  } catch (error) {
    return { stdout, error };
  } finally {
    vi.restoreAllMocks();
  }
}

/** A CSV of n amounts from two humps (0.7 around $100, 0.3 around $10,000), spread by normal scores. */
function twoHumpCsv(file: string, n: number): string {
  const rows = ['claim,amount'];
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log((i + 0.5) / n)) * Math.cos(i * 2.399963); // a deterministic spread, roughly normal
    rows.push(`c${i},${((i % 10 < 7 ? 100 : 10_000) * Math.exp(0.5 * z)).toFixed(2)}`);
  }
  const path = join(dir, file);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

describe('claimsim fit', () => {
  const csv = twoHumpCsv('history.csv', 2000);

  it('prints both fits, chooses by AIC and writes an overlay that loads', async () => {
    const out = join(dir, 'history-fit.yaml');
    const r = await fit(csv, '--out', out);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toContain(`${csv}: 2,000 amounts in column "amount"`);
    expect(r.stdout).toMatch(/^fit +parameters +lnL \(USD\) +AIC +KS D +chosen$/m);
    expect(r.stdout).toMatch(/^lognormal +median \$[\d,.k]+, sigma [\d.]+ +-[\d.]+ +[\d.]+ +0\.\d{4}$/m);
    expect(r.stdout).toMatch(/^2-lognormal mixture +0\.70 x median \$\d+, sigma 0\.\d\d \+ 0\.30 x median \$[\d,]+, sigma 0\.\d\d +-[\d.]+ +[\d.]+ +0\.\d{4} +\*$/m);
    expect(r.stdout).toContain('Chosen: the two-component lognormal mixture (AIC');
    expect(r.stdout).toContain(`Overlay: ${out} (extends baseline; sets claimAmount.mixture to the mixture)`);
    const s = loadScenario(out);
    expect(s.name).toBe('history-fit');
    expect(s.parameters.claimAmount.mixture).toHaveLength(2);
    expect(s.meta['claimAmount.mixture']!.source).toContain('sha256 ');
  });

  it('defaults the overlay to ./<csv name>-fit.yaml', () => {
    expect(defaultFitOverlayPath('data/claims.csv')).toBe('claims-fit.yaml');
    expect(defaultFitOverlayPath('export.2024.csv')).toBe('export.2024-fit.yaml');
  });

  it('with --empirical and --base, writes claimAmount.empirical over that base', async () => {
    const out = join(dir, 'empirical.yaml');
    const r = await fit(csv, '--out', out, '--empirical', '--base', 'threshold-2500');
    expect(r.error).toBeUndefined();
    expect(r.stdout).toContain('sets claimAmount.empirical to 2,000 amounts');
    const s = loadScenario(out);
    expect(s.parameters.claimAmount.empirical).toHaveLength(2000);
    expect(s.parameters.policy.threshold).toBe(2500);
  });

  it('reads another column with --column', async () => {
    const out = join(dir, 'paid.yaml');
    const r = await fit(join(FIXTURES, 'claims.csv'), '--column', 'paid_usd', '--out', out);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toContain('12 amounts in column "paid_usd"');
    expect(parse(readFileSync(out, 'utf8')).parameters.claimAmount.mixture.source).toContain('column "paid_usd"');
  });

  it('refuses bad rows with their line numbers, exit 2 and nothing written; --skip-bad skips and counts them', async () => {
    const out = join(dir, 'bad.yaml');
    const r = await fit(join(FIXTURES, 'bad-rows.csv'), '--out', out);
    expect(r.error).toBeInstanceOf(UsageError);
    const message = (r.error as Error).message;
    expect(message).toMatch(/bad-rows\.csv: 7 bad rows in column "amount": line 5 has "abc", not a number; line 6 has an empty amount; line 7 /);
    expect(message).toContain('line 13 is blank');
    expect(existsSync(out)).toBe(false);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(reportFailure(r.error)).toBe(2);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]![0])).toMatch(/^error: .*bad-rows\.csv: 7 bad rows.*\n$/);

    const skipped = await fit(join(FIXTURES, 'bad-rows.csv'), '--out', out, '--skip-bad');
    expect(skipped.error).toBeUndefined();
    expect(skipped.stdout).toContain('10 amounts in column "amount"; 7 bad rows skipped (first at line 5)');
    expect(loadScenario(out).meta['claimAmount.mixture']!.source).toContain('7 bad rows skipped');
  });

  it.each([
    [['claims.csv'], /claims\.csv: no column "amount" in the header/],
    [['empty.csv'], /empty\.csv: is empty/],
    [['too-few.csv'], /too-few\.csv: only 3 usable amounts/],
    [['nowhere.csv'], /nowhere\.csv: no such file/],
  ])('refuses %j with a usage error naming the file', async ([name], pattern) => {
    const out = join(dir, 'refused.yaml');
    const r = await fit(join(FIXTURES, name!), '--out', out);
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toMatch(pattern);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a --base that is a path or cannot be found, before writing', async () => {
    const out = join(dir, 'nobase.yaml');
    const path = await fit(csv, '--out', out, '--base', '../baseline');
    expect(path.error).toBeInstanceOf(UsageError);
    expect((path.error as Error).message).toMatch(/--base must name a scenario/);
    const missing = await fit(csv, '--out', out, '--base', 'no-such-scenario');
    expect(missing.error).toBeInstanceOf(UsageError);
    expect((missing.error as Error).message).toMatch(/--base: scenario "no-such-scenario" not found/);
    expect(existsSync(out)).toBe(false);
  });

  it('finds a base beside the overlay', async () => {
    writeFileSync(join(dir, 'local-base.yaml'), 'name: local-base\ndescription: a local variant\nextends: baseline\nparameters:\n  policy:\n    threshold: 750\n');
    const r = await fit(csv, '--out', join(dir, 'fitted.yaml'), '--base', 'local-base');
    expect(r.error).toBeUndefined();
    expect(loadScenario(join(dir, 'fitted.yaml')).parameters.policy.threshold).toBe(750);
  });

  it('refuses fitted values the base would refuse, blaming the overlay it did not write', async () => {
    // Amounts over $1e9 give a median the schema calls implausible.
    const rows = ['amount', ...Array.from({ length: 20 }, (_, i) => String(2e12 * (1 + i / 10)))];
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, rows.join('\n'));
    const out = join(dir, 'huge-fit.yaml');
    const r = await fit(huge, '--out', out);
    expect(r.error).toBeInstanceOf(ScenarioError);
    expect((r.error as Error).message).toContain(`${out} (not written)`);
    expect((r.error as Error).message).toContain('medianUsd: is implausibly large');
    expect(existsSync(out)).toBe(false);
  });
});

describe('fit results', () => {
  it('writes results.json and fits.csv that agree with each other', async () => {
    const reportDir = join(REPORTS, 'agree');
    const out = join(REPORTS, 'agree-fit.yaml');
    const r = await fit(join(FIXTURES, 'claims.csv'), '--column', 'paid_usd', '--out', out, '--report-dir', reportDir);
    expect(r.error).toBeUndefined();
    const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8'));
    expect(results.kind).toBe('fit');
    expect(results.input.amounts).toBe(12);
    const csv = readFileSync(join(reportDir, 'fits.csv'), 'utf8').trim().split('\r\n');
    // Header, one lognormal row, two mixture rows.
    expect(csv).toHaveLength(4);
    const lognormal = csv[1]!.split(',');
    expect(Number(lognormal[7])).toBe(results.comparison.lognormal.aic);
    expect(csv.filter((line) => line.endsWith(',true')).length).toBe(results.comparison.chosen === 'lognormal' ? 1 : 2);
  });
});

/** Runs `claimsim report ...args` in this process; returns what it printed. */
async function report(...args: string[]): Promise<string> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await yargs(['report', ...args])
      .command(reportCommand)
      .strict()
      .parseAsync();
    return stdout;
  } finally {
    vi.restoreAllMocks();
  }
}

describe('the fit report', () => {
  const csv = twoHumpCsv('reported.csv', 1500);
  const reportDir = join(REPORTS, 'reported');
  let printed = '';

  it('is written beside results.json, and the command says where', async () => {
    const r = await fit(csv, '--out', join(REPORTS, 'reported-fit.yaml'), '--report-dir', reportDir);
    expect(r.error).toBeUndefined();
    printed = r.stdout;
    expect(printed).toContain(`Results: ${join(reportDir, 'results.json')}\n`);
    expect(printed).toContain(`Report: ${join(reportDir, 'report.html')}\n`);
    expect(existsSync(join(reportDir, 'report.html'))).toBe(true);
  });

  it("shows both fits' AIC and KS D as the command printed them", () => {
    const html = readFileSync(join(reportDir, 'report.html'), 'utf8');
    const rows = printed.split('\n').filter((line) => /^(lognormal|2-lognormal mixture) /.test(line));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      // The last columns of the terminal's table: lnL, AIC, KS D (and a * for the chosen fit).
      const [lnL, aic, ks] = row.replace(/ +\*$/, '').trim().split(/ +/).slice(-3);
      expect(aic).toMatch(/^\d+\.\d$/);
      expect(ks).toMatch(/^0\.\d{4}$/);
      expect(html).toContain(`<td class="num">${lnL}</td><td class="num">${aic}</td><td class="num">${ks}</td>`);
    }
  });

  it('is rebuilt by claimsim report from the folder, byte for byte', async () => {
    const before = readFileSync(join(reportDir, 'report.html'), 'utf8');
    const current = () => readlinkSync(join(reportDir, '.claimsim', 'current'));
    const written = current();
    const out = await report(reportDir);
    // A new output, not the old file left in place.
    expect(current()).not.toBe(written);
    expect(out).toBe(`report: ${join(reportDir, 'report.html')}\n`);
    expect(readFileSync(join(reportDir, 'report.html'), 'utf8')).toBe(before);
    // and the results and fits it was built beside are kept
    expect(JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')).kind).toBe('fit');
    expect(existsSync(join(reportDir, 'fits.csv'))).toBe(true);
  });
});
