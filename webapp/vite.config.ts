/// <reference types="vitest/config" />
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The platform serves the build from its classpath static/ folder, so it lands in the jar's classes.
// emptyOutDir stays off: static/ also holds the product images from src/main/resources.
const api = process.env.UNICORN_API ?? 'http://localhost:8095';
const apiPaths = ['/products', '/users', '/purchase', '/purchases', '/points', '/campaigns', '/me', '/auth', '/login', '/logout', '/images',
  '/sagas', '/dead-letters', '/wallets'];

const outDir = resolve(import.meta.dirname, '../target/classes/static');

/** Removes the previous build's files (not the images beside them), so no stale chunk ships. */
function cleanPreviousBuild(): Plugin {
  return {
    name: 'clean-previous-build',
    apply: 'build',
    buildStart() {
      rmSync(resolve(outDir, 'assets'), { recursive: true, force: true });
      rmSync(resolve(outDir, 'index.html'), { force: true });
    },
  };
}

export default defineConfig({
  plugins: [react(), cleanPreviousBuild()],
  build: {
    outDir,
    emptyOutDir: false,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
