import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to static files: served by Electron from app://focal/ (hence relative base './')
// and served by the browser harness for `npm run web` and the Playwright tests.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
