// Prints the size of every JavaScript and CSS file of the web build (raw and gzipped) and the
// initial JavaScript of the shell: the entry script of dist/web/index.html plus the chunks it
// modulepreloads; and the initial JavaScript of the public dashboard (/public). Exits non-zero
// when either exceeds its budget (gzipped).
//
//   node scripts/bundle-size.js            (after `npm run build:web`)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetBytes = 200 * 1024;
const publicBudgetBytes = 300 * 1024;
const root = fileURLToPath(new URL('../dist/web/', import.meta.url));

function filesUnder(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function sizes(path) {
  const content = readFileSync(path);
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

let html;
try {
  html = readFileSync(join(root, 'index.html'), 'utf8');
} catch {
  process.stderr.write('dist/web/index.html is missing: run `npm run build:web` first.\n');
  process.exit(2);
}

// The entry (<script type="module" src>) and its <link rel="modulepreload" href> chunks.
const initial = new Set();
for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
  const isEntry = tag.startsWith('<script') && /\btype="module"/.test(tag);
  const isPreload = tag.startsWith('<link') && /\brel="modulepreload"/.test(tag);
  const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
  if ((isEntry || isPreload) && url !== undefined && url.startsWith('/')) {
    initial.add(url.slice(1));
  }
}
if (initial.size === 0) {
  process.stderr.write('No entry script found in dist/web/index.html.\n');
  process.exit(2);
}

const rows = filesUnder(root)
  .map((path) => relative(root, path).split('\\').join('/'))
  .filter((file) => /\.(js|css)$/.test(file) && file !== 'sw.js')
  .map((file) => ({ file, ...sizes(join(root, file)), initial: initial.has(file) }))
  .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);

const width = Math.max(...rows.map((row) => row.file.length), 10);
const line = (file, raw, gzip, mark) =>
  `${file.padEnd(width)}  ${raw.padStart(10)}  ${gzip.padStart(10)}  ${mark}`;
const out = [line('file', 'raw', 'gzip', 'initial'), '-'.repeat(width + 34)];
for (const row of rows) {
  out.push(line(row.file, kb(row.raw), kb(row.gzip), row.initial ? 'yes' : ''));
}

const initialJs = rows.filter((row) => row.initial && row.file.endsWith('.js'));
const missing = [...initial].filter((file) => !rows.some((row) => row.file === file));
const total = initialJs.reduce((sum, row) => sum + row.gzip, 0);
const allJs = rows.filter((row) => row.file.endsWith('.js')).reduce((sum, r) => sum + r.gzip, 0);
out.push('-'.repeat(width + 34));
out.push(
  `all JavaScript (gzip): ${kb(allJs)} in ${rows.filter((r) => r.file.endsWith('.js')).length} files`,
);
out.push(
  `initial JavaScript (gzip): ${kb(total)} in ${initialJs.length} files; budget ${kb(budgetBytes)}`,
);
process.stdout.write(`${out.join('\n')}\n`);

// The public dashboard (no sign-in): the shell's initial files, the public area's chunk and
// every chunk it imports statically, and the heaviest language's messages (main and public
// namespaces). The chart and map drawings are lazy chunks fetched after the first paint.
const staticImport = /\b(?:import|export)\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g;
function staticClosure(start) {
  const seen = new Set();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(root, file), 'utf8');
    for (const match of source.matchAll(staticImport)) queue.push(`assets/${match[1]}`);
  }
  return seen;
}
const publicEntry = rows.find((row) => /^assets\/public-area-[\w-]+\.js$/.test(row.file));
const byFile = new Map(rows.map((row) => [row.file, row]));
let publicTotal = 0;
if (publicEntry === undefined) {
  process.stderr.write(
    'No public-area chunk in the build: the public dashboard is not measured.\n',
  );
} else {
  const files = new Set([...initialJs.map((row) => row.file), ...staticClosure(publicEntry.file)]);
  const messages = Math.max(
    ...['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((language) =>
      rows
        .filter((row) => new RegExp(`^assets/${language}-[\\w-]+\\.js$`).test(row.file))
        .reduce((sum, row) => sum + row.gzip, 0),
    ),
  );
  const code = [...files].reduce((sum, file) => sum + (byFile.get(file)?.gzip ?? 0), 0);
  publicTotal = code + messages;
  process.stdout.write(
    `public dashboard initial JavaScript (gzip): ${kb(publicTotal)} (${String(files.size)} files + messages ${kb(messages)}); budget ${kb(publicBudgetBytes)}\n`,
  );
}

if (missing.length > 0) {
  process.stderr.write(`index.html names files that do not exist: ${missing.join(', ')}\n`);
  process.exit(1);
}
if (total > budgetBytes) {
  process.stderr.write(`Initial JavaScript is over budget by ${kb(total - budgetBytes)}.\n`);
  process.exit(1);
}
if (publicTotal > publicBudgetBytes) {
  process.stderr.write(
    `Public dashboard JavaScript is over budget by ${kb(publicTotal - publicBudgetBytes)}.\n`,
  );
  process.exit(1);
}
