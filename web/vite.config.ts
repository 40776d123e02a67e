import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Where `npm run dev` forwards `/api`: the local stack by default, any API origin on demand. */
const apiOrigin = process.env.EES_API_ORIGIN ?? 'http://127.0.0.1:3001';

// The Host header is kept (changeOrigin: false) so the API's same-origin check sees the
// browser's Origin and Host agree, as they do behind CloudFront.
const apiProxy = {
  '/api': { target: apiOrigin, changeOrigin: false },
};

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser the portal supports has native modulepreload: skip the polyfill bytes.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: apiProxy,
    // The SPA imports the API's zod contracts from functions/contracts, outside web/.
    fs: { allow: [repoRoot] },
  },
  preview: {
    proxy: apiProxy,
  },
});
