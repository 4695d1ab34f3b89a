import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n } from './i18n'
import { registerServiceWorker } from './serviceWorker.js'
import './assets/main.css'

const i18n = createAppI18n()
document.documentElement.lang = i18n.global.locale.value

const pinia = createPinia()
const router = createAppRouter(undefined, { pinia })
createApp(App).use(pinia).use(i18n).use(router).mount('#app')

if (import.meta.env.PROD) registerServiceWorker()
