// The one place that picks the English or Swedish text of an instrument field.
// Instrument definitions carry Swedish text in `field` and, optionally, English in `fieldEn`.

/** True when the UI language is English ("en", "en-GB", ...). */
export function isEnglish(locale) {
  const value = locale && typeof locale === 'object' && 'value' in locale ? locale.value : locale
  return typeof value === 'string' && value.toLowerCase().startsWith('en')
}

/**
 * The text of `obj[field]` in the UI language: `obj[field + 'En']` when the language is English and
 * that text is present (not empty), else the Swedish `obj[field]`. Returns '' for a missing object
 * and null when neither text is there. `locale` may be a string or a ref.
 */
export function localized(obj, field, locale) {
  if (!obj || typeof obj !== 'object') return ''
  if (isEnglish(locale)) {
    const en = obj[`${field}En`]
    if (typeof en === 'string' && en.trim() !== '') return en
  }
  return obj[field] ?? null
}
