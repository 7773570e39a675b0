/**
 * A fit's overlay names the CSV's column and file in its source; a name with
 * a bracketed word in it ("amount [usd]") must not read as a citation of a
 * reference the scenario does not define, or the overlay would not load.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFits } from '../../../src/analysis/fit/compareFits.js';
import { fitOverlay } from '../../../src/analysis/fit/overlayFile.js';
import { parseClaimAmounts } from '../../../src/analysis/fit/readAmounts.js';
import { loadScenario } from '../../../src/params/load.js';
import { citedKeys } from '../../../src/params/references.js';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-fit-citations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a fit of a CSV whose names hold bracketed words', () => {
  it('writes an overlay that cites nothing and loads, keeping the names readable', () => {
    // 80 amounts from a fixed pattern over two orders of magnitude.
    const text = ['id,amount [usd]', ...Array.from({ length: 80 }, (_, i) => `${i},${(50 * Math.exp(((i * 37) % 80) / 20)).toFixed(2)}`)].join('\n');
    const file = 'claims [q3].csv';
    const data = { ...parseClaimAmounts(text, file, { column: 'amount [usd]' }), sha256: createHash('sha256').update(text).digest('hex') };
    const overlay = fitOverlay({ name: 'fitted', base: 'baseline', data, comparison: compareFits(data.values) });
    const path = join(dir, 'fitted.yaml');
    writeFileSync(path, overlay.text);
    const source = loadScenario(path).meta['claimAmount.mixture']!.source;
    expect(citedKeys(source)).toEqual([]);
    expect(source).toContain('column "amount (usd)" of claims (q3).csv');
  });
});
