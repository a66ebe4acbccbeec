#!/usr/bin/env node
// `npm run bench -- <name>`: runs bench/<name>/main.ts with tsx. See bench/README.md.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const benchDir = path.join(root, 'bench');
const namePattern = /^[a-z0-9-]+$/;

/** Benchmarks are the folders bench/<name>/ holding a main.ts. */
function availableBenchmarks() {
  if (!existsSync(benchDir)) return [];
  return readdirSync(benchDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && namePattern.test(entry.name))
    .filter((entry) => existsSync(path.join(benchDir, entry.name, 'main.ts')))
    .map((entry) => entry.name)
    .sort();
}

const say = (line) => process.stderr.write(`${line}\n`);

function fail(message) {
  const names = availableBenchmarks();
  say(`bench: ${message}`);
  say('usage: npm run bench -- <name>');
  say(names.length === 0 ? 'no benchmarks found in bench/' : `available: ${names.join(', ')}`);
  process.exit(2);
}

const [name, ...rest] = process.argv.slice(2);
if (name === undefined || name === '') fail('no benchmark name given');
if (!namePattern.test(name)) fail(`invalid benchmark name "${name}" (use only a-z, 0-9 and -)`);
if (!availableBenchmarks().includes(name)) fail(`unknown benchmark "${name}"`);

// Benchmarks measure Vigil as it ships where threads are involved (the import loads the
// compiled server from dist/): a stale or missing build is rebuilt first.
buildIfStale({ web: false });

const entry = path.join('bench', name, 'main.ts');
const child = spawn('npx', ['--no', '--', 'tsx', entry, ...rest], { cwd: root, stdio: 'inherit' });
child.on('error', (error) => {
  say(`bench: could not start tsx: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal !== null) {
    say(`bench: ${name} was stopped by ${signal}`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
