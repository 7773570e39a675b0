import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalSafe, visible } from '../../src/cli/terminal.js';

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

  it('drops bidirectional controls, which would make a line read other than it is', () => {
    expect(terminalSafe('abc\u202edcba\u202c \u2066x\u2069 \u200f\u061c')).toBe('abcdcba x ');
    expect(visible('ru\u202en\x1b[2J')).toBe('ru\\u{202e}n\\u{1b}[2J');
  });
});

/** Anything that would drive a terminal or turn text around. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe("yargs' own messages are escaped like claimsim's", () => {
  const claimsim = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });

  it.each([
    ['an unknown option', ['validate', 'scenarios/baseline.yaml', '--pwned\x1b]0;owned\x07\u202e=1'], /^error: Unknown argument: pwned\]0;owned\n/],
    ['an unknown command', ['pwned\x1b[2J\u202e'], /^error: Unknown argument: pwned\[2J\n/],
    ['a misspelt command with escapes', ['ru\u202en'], /^error: Unknown command "ru\\u\{202e\}n"\. Did you mean run\?\n/],
    ['a missing argument', ['validate'], /^error: Not enough non-option arguments: got 0, need at least 1\n/],
  ])('%s', (_label, args, message) => {
    const r = claimsim(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Run "claimsim --help" for usage\.\n$/);
    expect(r.stderr, 'stderr').not.toMatch(UNSAFE);
    expect(r.stdout, 'stdout').not.toMatch(UNSAFE);
  });

  it('a mistyped command gets a "did you mean"', () => {
    const r = claimsim('rnu', 'scenarios/baseline.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: Unknown command "rnu". Did you mean run?\nRun "claimsim --help" for usage.\n');
    expect(claimsim('valdate', 'scenarios/baseline.yaml').stderr).toMatch(/^error: Unknown command "valdate"\. Did you mean validate\?\n/);
  });
});

describe("the command line never passes a scenario's control characters to the terminal", () => {
  // YAML double-quoted escapes: ESC ] 0 ; ... BEL sets the terminal title, ESC [ 2 J clears the screen.
  const file = join(dir, 'escape-name.yaml');
  writeFileSync(file, 'name: "pwned\\e]0;owned\\a\\e[2J\\e[31m"\ndescription: d\nextends: baseline\nparameters: {}\n');
  // The same sequences in a parameter's name, which the error message quotes.
  const badKey = join(dir, 'escape-key.yaml');
  writeFileSync(badKey, 'name: n\ndescription: d\nextends: baseline\nparameters:\n  "pwned\\e]0;owned\\a\\e[2J": 1\n');

  it.each([
    // Such a name is refused; the problem says which character, without printing it.
    ['validate of a name with escapes (the problem on stderr)', ['validate', file], /name: contains the control character U\+001B \(character 6\)/],
    ['validate of an unknown parameter (the problem on stderr)', ['validate', badKey], /pwned/],
    ['run with an unknown --set path (the problem on stderr)', ['run', 'scenarios/baseline.yaml', '--set', 'pwned\x1b[2J=1'], /pwned/],
  ])('%s', (_label, args, shown) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toMatch(shown);
    expect(r.stdout, 'stdout').not.toMatch(/[\x1b\x07\x9b]/);
    expect(r.stderr, 'stderr').not.toMatch(/[\x1b\x07\x9b]/);
  });
});
