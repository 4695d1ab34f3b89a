import { createI18n } from 'vue-i18n'
import sv from './sv.json'
import en from './en.json'

export const SUPPORTED_LOCALES = ['sv', 'en']
export const DEFAULT_LOCALE = 'sv'
const STORAGE_KEY = 'lagesbild.locale'

export function storedLocale() {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return SUPPORTED_LOCALES.includes(value) ? value : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

/** Remember the choice and keep <html lang> in sync. */
export function applyLocale(locale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  document.documentElement.lang = locale
}

export function createAppI18n(locale = storedLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { sv, en },
  })
}
