// Builds what is missing or stale before Vigil runs from dist/ (`npm start`, benchmarks).
// The server is compiled by tsc into dist/; the web application by Vite into dist/web/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);

/** Newest modification time under the given paths (files or folders), in ms. */
function newest(paths) {
  let latest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) {
        if (name !== 'node_modules') visit(path.join(entry, name));
      }
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return latest;
}

function builtAt(file) {
  return existsSync(file) ? statSync(file).mtimeMs : -1;
}

function run(command, args) {
  process.stdout.write(`> ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    // Thrown, not exited: the build lock is released on the way out.
    throw new Error(`build: ${command} failed; nothing was started.`);
  }
}

/**
 * Runs `build` holding a lock folder, so that servers started together (the browser tests
 * start several) do not write dist/ at the same time and serve each other's half-built files.
 * A lock older than ten minutes is left over from a killed build and is taken over.
 */
function whileLocked(build) {
  const lock = at('dist', '.build-lock');
  mkdirSync(at('dist'), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - builtAt(lock) > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) {
        process.stderr.write(`build: ${lock} is held by another build; remove it if none runs.\n`);
        process.exit(1);
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const shared = [at('src/shared'), at('src/core'), at('package.json')];
const serverSources = [
  ...shared,
  at('src/server'),
  at('src/cli'),
  at('tsconfig.json'),
  at('tsconfig.build.json'),
];
const webSources = [...shared, at('src/web'), at('vite.config.ts'), at('tsconfig.web.json')];
const serverStale = () => builtAt(at('dist/cli/main.js')) < newest(serverSources);
const webStale = () =>
  existsSync(at('src/web')) && builtAt(at('dist/web/index.html')) < newest(webSources);

/**
 * Builds the server (and, with `web`, the web application) when missing or older than its
 * sources; exits with status 1, saying why, when a build fails. Returns the project root.
 */
export function buildIfStale({ web }) {
  const webNeeded = () => web && webStale();
  if (serverStale() || webNeeded()) {
    try {
      // Checked again inside the lock: another start may have built meanwhile.
      whileLocked(() => {
        if (serverStale()) {
          run(process.execPath, [
            at('node_modules/typescript/bin/tsc'),
            '-p',
            'tsconfig.build.json',
          ]);
        }
        if (webNeeded()) run(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build']);
      });
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  }
  return root;
}
