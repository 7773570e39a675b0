/**
 * The pipeline, enforced: a module may import from its own phase and the
 * phases before it, never from one after it. `npm test` runs this check
 * (`npm run deps`), so an import against the pipeline fails CI.
 *
 * A second rule keeps the engine core (src/core.ts and what it is built from)
 * free of Node's built-ins, so that it runs in a browser.
 */
/** Phases in order; each may import the ones before it. */
const PHASES = [
  // Shared words and tools below every phase.
  ['domain', 'random', 'stats', 'format', 'io', 'utf8.ts', 'inputError.ts', 'version.ts'],
  ['params'],
  ['rules'],
  ['machines'],
  ['collect'],
  ['sim'],
  ['results'],
  ['analysis'],
  ['export'],
  ['report'],
  // The front doors: the library, the command line, the benchmark and the report page's scripts, over everything.
  ['core.ts', 'index.ts', 'library', 'cli', 'bench', 'page'],
];

const pathOf = (names) => `^src/(${names.map((n) => n.replace('.', '\\.')).join('|')})($|/)`;

const layering = PHASES.slice(0, -1).map((phase, i) => ({
  name: `pipeline-${phase[0]}`,
  comment: `${phase.join(', ')} may not import a later phase (${PHASES.slice(i + 1)
    .flat()
    .join(', ')})`,
  severity: 'error',
  from: { path: pathOf(phase) },
  to: { path: pathOf(PHASES.slice(i + 1).flat()) },
}));

/**
 * The engine core: what may run in a browser. Node's file loading, pools and
 * writing sit around it. This is a superset of what src/core.ts bundles (the
 * event log's replay and its fake names are core, but the page needs neither).
 */
const CORE = '^src/((core|utf8|inputError)\\.ts$|(domain|random|stats|rules|machines|collect)/|params/(?!load\\.ts$)|sim/(?!(pool|worker|memory)\\.ts$|executor/fromEnvironment\\.ts$))';

module.exports = {
  forbidden: [
    ...layering,
    {
      name: 'core-without-node',
      comment: 'the engine core runs in a browser: no Node built-in, and nothing outside the core',
      severity: 'error',
      from: { path: CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-stays-core',
      comment: 'the engine core imports only the core (file loading, pools and writing wrap it)',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^src/', pathNot: CORE },
    },
    {
      name: 'page-in-the-browser',
      comment: "the report page's scripts run in a browser: the engine core, number formatting and each other, nothing else",
      severity: 'error',
      from: { path: '^src/page/' },
      to: { path: '^src/', pathNot: `${CORE}|^src/(page|format)/` },
    },
    {
      name: 'page-without-node',
      comment: "the report page's scripts run in a browser: no Node built-in",
      severity: 'error',
      from: { path: '^src/page/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'every-module-has-a-phase',
      comment: 'a module of src/ sits in one of the phases above, so the rules know where it may import from',
      severity: 'error',
      from: { path: '^src/', pathNot: pathOf(PHASES.flat()) },
      to: {},
    },
    {
      name: 'no-unresolvable',
      comment: 'every import resolves',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'node', 'default'] },
  },
};
