/*
 * Vigil's service worker: keeps the application shell (index.html and the hashed build files)
 * so that the app opens without a network. It never touches /api/: data and sessions always
 * go to the server, and nothing personal is ever cached here.
 *
 * - Install: cache "/" (the shell) and every file listed in /asset-manifest.json (written by
 *   the build), so that every page, chunk and locale is available offline after the first visit.
 * - Navigations: network first (a new deployment is seen at once), the cached shell when offline.
 * - Build files (/assets/, hashed names, immutable): cache first, then the network.
 * - A new build is noticed through the manifest's version; old files are then dropped.
 */
const cacheName = 'vigil-shell';
const shellUrl = '/';
const manifestUrl = '/asset-manifest.json';
const versionKey = '/__vigil-shell-version';

function isApi(url) {
  return url.pathname === '/api' || url.pathname.startsWith('/api/');
}

async function readManifest() {
  const response = await fetch(manifestUrl, { cache: 'no-store' });
  if (!response.ok) throw new Error(`asset manifest: HTTP ${response.status}`);
  const manifest = await response.json();
  const files = Array.isArray(manifest.files) ? manifest.files : [];
  return {
    version: String(manifest.version ?? ''),
    files: files.filter((file) => typeof file === 'string' && file.startsWith('/assets/')),
  };
}

/** Caches the shell and the build's files; drops files of older builds. */
async function refreshShell() {
  const cache = await caches.open(cacheName);
  const manifest = await readManifest();
  const stored = await cache.match(versionKey);
  const storedVersion = stored === undefined ? null : await stored.text();
  const shell = await fetch(shellUrl, { cache: 'no-store' });
  if (shell.ok) await cache.put(shellUrl, shell);
  if (storedVersion === manifest.version) return;
  const wanted = new Set(manifest.files);
  const missing = [];
  for (const file of manifest.files) {
    if ((await cache.match(file)) === undefined) missing.push(file);
  }
  await cache.addAll(missing);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !wanted.has(path)) await cache.delete(request);
  }
  await cache.put(versionKey, new Response(manifest.version));
}

self.addEventListener('install', (event) => {
  event.waitUntil(refreshShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

async function navigate(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      // The server answers every app path with the same index.html: keep the newest copy, and
      // look for a new build in the background.
      const cache = await caches.open(cacheName);
      await cache.put(shellUrl, response.clone());
      refreshShell().catch(() => undefined);
    }
    return response;
  } catch (error) {
    const cached = await caches.match(shellUrl);
    if (cached !== undefined) return cached;
    throw error;
  }
}

async function buildFile(request) {
  const cached = await caches.match(request);
  if (cached !== undefined) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(cacheName);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isApi(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(buildFile(request));
  }
});
