#!/usr/bin/env node
// Entry point for the `vigil` command. The TypeScript sources are compiled to dist/ by
// `npm install` (prepare) and `npm start`; point at the compiled CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('vigil: the build is missing; run `npm run build` first.\n');
  process.exit(70);
}
await import(main);
