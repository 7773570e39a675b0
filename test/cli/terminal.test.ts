import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimsim-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('terminalSafe', () => {
  it('drops control sequences that would drive a terminal, keeps text, tabs and line breaks', () => {
    expect(terminalSafe('pwned\x1b]0;owned\x07\x1b[2J')).toBe('pwned]0;owned[2J');
    expect(terminalSafe('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalSafe('\x9b31m red')).toBe('31m red');
    expect(terminalSafe('plain $1,000 – ok')).toBe('plain $1,000 – ok');
  });
});

describe('the command line never passes a scenario\'s control characters to the terminal', () => {
  // YAML double-quoted escapes: ESC ] 0 ; ... BEL sets the terminal title, ESC [ 2 J clears the screen.
  const file = join(dir, 'escape-name.yaml');
  writeFileSync(file, 'name: "pwned\\e]0;owned\\a\\e[2J\\e[31m"\ndescription: d\nextends: baseline\nparameters: {}\n');
  // The same sequences in a parameter's name, which the error message quotes.
  const badKey = join(dir, 'escape-key.yaml');
  writeFileSync(badKey, 'name: n\ndescription: d\nextends: baseline\nparameters:\n  "pwned\\e]0;owned\\a\\e[2J": 1\n');

  it.each([
    ['validate (the name on stdout)', ['validate', file]],
    ['validate of an unknown parameter (the problem on stderr)', ['validate', badKey]],
    ['run with an unknown --set path (the problem on stderr)', ['run', file, '--set', 'pwned\x1b[2J=1']],
  ])('%s', (_label, args) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.stdout + r.stderr).toMatch(/pwned/);
    expect(r.stdout, 'stdout').not.toMatch(/[\x1b\x07\x9b]/);
    expect(r.stderr, 'stderr').not.toMatch(/[\x1b\x07\x9b]/);
  });
});
