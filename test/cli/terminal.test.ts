import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal.js';

describe('terminalSafe', () => {
  it('drops control sequences that would drive a terminal, keeps text, tabs and line breaks', () => {
    expect(terminalSafe('pwned\x1b]0;owned\x07\x1b[2J')).toBe('pwned]0;owned[2J');
    expect(terminalSafe('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalSafe('\x9b31m red')).toBe('31m red');
    expect(terminalSafe('plain $1,000 – ok')).toBe('plain $1,000 – ok');
  });
});
