import { defineConfig } from 'vite';

// The client imports the shared contracts from ../functions/src/domain (types, zod schemas,
// zh-CN/en labels); zod resolves from the hoisted root node_modules. The dev server must be
// allowed to read outside web/.
export default defineConfig({
  root: '.',
  base: '/',
  server: { fs: { allow: ['..'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
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
