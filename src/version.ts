/** The engine's name and version, as recorded in every result. */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

export const ENGINE = { name: pkg.name, version: pkg.version } as const;
