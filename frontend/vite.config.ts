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
    // Monaco (the playground's editor) is one ~2.8 MB chunk by nature and loads only on
    // the playground page; the app's own chunks stay far below the default 500 kB.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // Two pages: the app, and the GraphQL playground the backend serves at GET /graphql/
      // (its own entry, so GraphiQL and its editor never load with the app).
      input: {
        app: fileURLToPath(new URL('./index.html', import.meta.url)),
        playground: fileURLToPath(new URL('./playground/index.html', import.meta.url)),
      },
      onwarn(warning, warn) {
        // GraphiQL ships React-compiler output marked "use no memo"; bundling it is fine.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // The playground's editor (Monaco) runs code-split ES module workers.
  worker: { format: 'es' },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
