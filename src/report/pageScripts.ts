/**
 * The browser bundles a report carries: the engine (page/engine.ts with the
 * claimsim core) that the what-if panel runs in Web Workers, and the panel's
 * script (page/panel.ts). `npm run build` writes them beside the compiled
 * page/ modules (dist/page/*.bundle.js), so an installed claimsim needs no
 * bundler; run from the sources (the tests), they are bundled here on first
 * use with esbuild, from the same entry points.
 *
 * Phase: report. It names page/ by path, not by import: the page is built
 * for the browser and embedded as text.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PageScripts {
  /** The Web Worker's source (started from a blob). */
  readonly engine: string;
  /** The panel's source (an inline script). */
  readonly panel: string;
}

const ENTRIES = ['engine', 'panel'] as const;
const pageDir = fileURLToPath(new URL('../page/', import.meta.url));
const bundleFile = (name: string) => `${pageDir}${name}.bundle.js`;

let cached: Promise<PageScripts> | undefined;

/** The two bundles: the built ones when they are there, else bundled now from the sources. */
export function pageScripts(): Promise<PageScripts> {
  cached ??= ENTRIES.every((name) => existsSync(bundleFile(name)))
    ? Promise.resolve({ engine: readFileSync(bundleFile('engine'), 'utf8'), panel: readFileSync(bundleFile('panel'), 'utf8') })
    : bundleAll();
  return cached;
}

/** Bundles each entry for the browser: one self-running script each, minified, no Node built-in allowed (esbuild refuses one). */
async function bundleAll(): Promise<PageScripts> {
  // A development dependency: only the build and a run from the sources come here.
  const { build } = await import('esbuild');
  const extension = existsSync(`${pageDir}engine.ts`) ? 'ts' : 'js';
  const bundled = await Promise.all(
    ENTRIES.map(async (name) => {
      const out = await build({
        entryPoints: [`${pageDir}${name}.${extension}`],
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        write: false,
        logLevel: 'silent',
      });
      return out.outputFiles[0]!.text;
    }),
  );
  return { engine: bundled[0]!, panel: bundled[1]! };
}

/** Writes the bundles beside the compiled page/ modules: the last step of `npm run build`. */
export async function writePageBundles(): Promise<void> {
  const scripts = await bundleAll();
  writeFileSync(bundleFile('engine'), scripts.engine);
  writeFileSync(bundleFile('panel'), scripts.panel);
}
