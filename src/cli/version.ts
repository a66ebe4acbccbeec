import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest = require('../../package.json') as { version: string };

/** Vigil's version, from package.json. */
export const vigilVersion: string = manifest.version;
