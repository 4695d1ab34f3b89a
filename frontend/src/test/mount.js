// Test helper: the app's router and i18n mounted at a path, the way a user opens a page.
import { defineComponent, h } from 'vue'
import { getActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { RouterView, createMemoryHistory } from 'vue-router'
import App from '@/App.vue'
import { createAppI18n } from '@/i18n/index.js'
import { createAppRouter } from '@/router/index.js'

/**
 * Opens `path` through the app's router (with its access guard) and waits until the page has loaded.
 * Mounts the routed page alone, or with `app: true` the whole App with its navigation. Uses the active
 * Pinia (see session.js for one with a signed-in user). Resolves to `{ wrapper, router }`.
 */
export async function mountAt(path, { locale = 'sv', app = false } = {}) {
  const router = createAppRouter(createMemoryHistory())
  router.push(path)
  await router.isReady()
  const root = app ? App : defineComponent({ render: () => h(RouterView) })
  const plugins = [getActivePinia(), createAppI18n(locale), router].filter(Boolean)
  const wrapper = mount(root, { global: { plugins }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}
