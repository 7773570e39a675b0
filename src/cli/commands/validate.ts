/** `claimsim validate SCENARIO...`: check scenario files without running them. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadScenario } from '../../params/load.js';
import { ScenarioError } from '../../params/problems.js';
import { reportFailure } from '../errors.js';

interface ValidateArgs {
  scenarios: string[];
  set: string[];
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <scenarios..>',
  describe: 'Check scenario files; exit 2 listing every problem',
  builder: (yargs: Argv) =>
    yargs
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Scenario files' })
      .option('set', { type: 'string', array: true, default: [], describe: 'Check with these overrides applied' })
      .example('$0 validate scenarios/*.yaml', 'check every bundled scenario') as unknown as Argv<ValidateArgs>,
  handler: (args: ArgumentsCamelCase<ValidateArgs>) => {
    let failed = false;
    for (const file of args.scenarios) {
      try {
        const s = loadScenario(file, { set: args.set });
        process.stdout.write(`ok: ${file} (${s.name})\n`);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        reportFailure(e);
        failed = true;
      }
    }
    if (failed) process.exitCode = 2;
  },
};
