import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

/** `API_TARGET=http://127.0.0.1:3100 vite --config apps/web/vite.config.mts` points the dev proxy at another API. */
const apiTarget = process.env.API_TARGET || `http://127.0.0.1:${process.env.API_PORT || 3000}`;

const libs = (path: string) => fileURLToPath(new URL(`../../libs/${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  // The libraries by their package names, as in apps/web/tsconfig.json. What the web may import from them
  // (pure modules only: formatters, the metric registry, chart builders, presets) is fenced by eslint.config.mjs.
  resolve: {
    alias: [
      { find: '@creator-ops/reports/charts', replacement: libs('reports/src/charts/index.ts') },
      { find: '@creator-ops/reports/period-presets', replacement: libs('reports/src/period-presets.ts') },
      { find: '@creator-ops/monitoring/types', replacement: libs('monitoring/src/types.ts') },
      { find: /^@creator-ops\/([a-z]+)$/, replacement: libs('$1/src/index.ts') },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // echarts (~270 kB gzip) loads only with the first chart; its own chunk stays cached across releases.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ }] },
      },
    },
  },
  server: { proxy: { '/api': apiTarget } },
});
