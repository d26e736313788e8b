import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

/** `API_TARGET=http://127.0.0.1:3100 vite --config apps/web/vite.config.mts` points the dev proxy at another API. */
const apiTarget = process.env.API_TARGET || `http://127.0.0.1:${process.env.API_PORT || 3000}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
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
