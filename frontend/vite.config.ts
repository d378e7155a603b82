/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The Django backend serves the API, the WebSocket and the errors.csv downloads;
// in development Vite forwards those paths to it (same origin, so the session
// cookie and the CSRF cookie work exactly as in production).
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 8030,
    strictPort: true,
    proxy: {
      '/graphql': { target: backend, ws: true, changeOrigin: false },
      '/imports': { target: backend },
      '/exports': { target: backend },
      '/healthz': { target: backend },
      '/readyz': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
