/** `claimsim scenarios`: list the bundled scenarios with their one-line descriptions. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { BUNDLED_SCENARIOS_DIR, loadScenario } from '../../params/load.js';

export const scenariosCommand: CommandModule = {
  command: 'scenarios',
  describe: 'List the bundled scenarios',
  handler: () => {
    const files = readdirSync(BUNDLED_SCENARIOS_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort((a, b) => (a === 'baseline.yaml' ? -1 : b === 'baseline.yaml' ? 1 : a.localeCompare(b)));
    const rows = files.map((f) => {
      const s = loadScenario(join(BUNDLED_SCENARIOS_DIR, f));
      return [join('scenarios', f), s.description] as const;
    });
    const width = Math.max(...rows.map((r) => r[0].length));
    for (const [file, description] of rows) process.stdout.write(`${file.padEnd(width)}  ${description}\n`);
  },
};
