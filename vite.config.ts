import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Emits `asset-manifest.json`: every hashed file of the build, so that the service worker can
 * cache the whole application shell (lazy chunks and locales included) on first load, and
 * notice a new build by its version.
 */
function assetManifest(): Plugin {
  return {
    name: 'vigil-asset-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((fileName) => fileName.startsWith('assets/'))
        .sort()
        .map((fileName) => `/${fileName}`);
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'asset-manifest.json',
        source: `${JSON.stringify({ version, files }, null, 2)}\n`,
      });
    },
  };
}

// The API server (`node bin/vigil.js serve`, PORT=8090) answers /api during development.
const apiTarget = process.env.VIGIL_API_URL ?? 'http://127.0.0.1:8090';

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react(), assetManifest()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Every supported browser knows <link rel="modulepreload">; the polyfill would be dead code.
    modulePreload: { polyfill: false },
    // The CSP allows data: only for images; keep fonts and other assets as files.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Named, stable vendor chunks: the framework every page needs, and the table library
        // that only the (lazy) list pages load.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
            },
            {
              name: 'data',
              test: /node_modules[\\/](@tanstack[\\/](react-query|query-core)|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
            },
            { name: 'table', test: /node_modules[\\/]@tanstack[\\/](react-table|table-core)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
