// `npm start`: build what is missing or stale, then run `vigil serve`.
// The server is compiled by tsc into dist/; the web application by Vite into dist/web/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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
    process.stderr.write(`start: ${command} failed; nothing was started.\n`);
    process.exit(result.status ?? 1);
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
if (builtAt(at('dist/cli/main.js')) < newest(serverSources)) {
  run(process.execPath, [at('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
}

if (existsSync(at('src/web'))) {
  const webSources = [...shared, at('src/web'), at('vite.config.ts'), at('tsconfig.web.json')];
  if (builtAt(at('dist/web/index.html')) < newest(webSources)) {
    run(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build']);
  }
}

process.argv = [process.argv[0] ?? 'node', at('bin/vigil.js'), 'serve', ...process.argv.slice(2)];
await import(at('dist/cli/main.js'));
