import { copyFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const backend = 'http://localhost:8080'

// The API viewer at /api/docs (see the backend's ApiDocsController) runs Swagger UI from these files,
// served by the app itself: no CDN, and no inline script, so it works offline and under script-src 'self'.
function swaggerUiAssets() {
  const files = ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE']
  return {
    name: 'swagger-ui-assets',
    apply: 'build',
    closeBundle() {
      const target = fileURLToPath(new URL('./target/dist/api-docs/', import.meta.url))
      mkdirSync(target, { recursive: true })
      for (const file of files) {
        copyFileSync(fileURLToPath(new URL(`./node_modules/swagger-ui-dist/${file}`, import.meta.url)), target + file)
      }
    },
  }
}

export default defineConfig({
  plugins: [vue(), swaggerUiAssets()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  define: {
    // vue-i18n compile-time feature flags: Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/health': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
  },
})
