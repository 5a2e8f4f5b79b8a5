import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// The client imports the shared contracts from ../functions/src/domain (types, zod schemas,
// zh-CN/en labels); zod resolves from the hoisted root node_modules. The dev server must be
// allowed to read outside web/.
// Element Plus is imported on demand: unplugin-vue-components resolves each <el-…> tag in a
// template to its component and its CSS, so a route ships only the components it uses.
export default defineConfig({
  root: '.',
  base: '/',
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  server: { fs: { allow: ['..'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // bench/web.mjs reads the manifest to sum what each route loads.
    manifest: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // zod ships comments Rollup cannot place; harmless, but noisy on every build.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod')) return;
        warn(warning);
      },
    },
  },
});
