import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

const r = (p: string) => resolve(__dirname, p);

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Two entry points over the same core: the Electron shell and the loopback web transport.
        input: { index: r('src-main/index.ts'), web: r('src-main/web/cli.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ESM or chunks: one CommonJS file with its imports bundled.
      rollupOptions: {
        input: { index: r('src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: r('src-renderer'),
    plugins: [react()],
    resolve: { alias: { '@contract': r('src-main/contract/index.ts') } },
    build: {
      outDir: r('out/renderer'),
      rollupOptions: { input: r('src-renderer/index.html') },
    },
  },
});
