import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// Built into admin/dist, which the server serves at `/`; in development Vite
// serves the admin and hands `/api` to the server on port 3000.
export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // What the first screen needs (everything index.html reaches without a dynamic import)
        // goes into two files: the libraries, which change seldom and stay cached, and the
        // admin's own code. Left to itself Rolldown cut it into ~25 small shared chunks, each one
        // more request before the customer list can render. The screens loaded on first use
        // (common/lazyPage) keep their own chunks.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // The labels shared with the server's CSV exports live in ../shared.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: {
      '/api': { target: `http://localhost:${process.env.PORT ?? 3000}`, changeOrigin: false },
    },
  },
});
