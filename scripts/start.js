// `npm start`: build what is missing or stale, then run `vigil serve`.
import path from 'node:path';
import { buildIfStale } from './build-if-stale.js';

const root = buildIfStale({ web: true });
process.argv = [
  process.argv[0] ?? 'node',
  path.join(root, 'bin/vigil.js'),
  'serve',
  ...process.argv.slice(2),
];
await import(path.join(root, 'dist/cli/main.js'));
