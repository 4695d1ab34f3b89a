import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { isEnglish, localized } from './localized.js'

describe('localized()', () => {
  const step = { label: 'Medvetet kompetent', labelEn: 'Consciously competent', description: 'Jag vet hur.' }

  it('returns the Swedish text for Swedish', () => {
    expect(localized(step, 'label', 'sv')).toBe('Medvetet kompetent')
  })

  it('returns the English text for English when present', () => {
    expect(localized(step, 'label', 'en')).toBe('Consciously competent')
    expect(localized(step, 'label', 'en-GB')).toBe('Consciously competent')
  })

  it('falls back to Swedish when the English text is absent or blank', () => {
    expect(localized(step, 'description', 'en')).toBe('Jag vet hur.')
    expect(localized({ title: 'Titel', titleEn: '  ' }, 'title', 'en')).toBe('Titel')
  })

  it('accepts a ref as the locale (as useI18n returns it)', () => {
    const locale = ref('en')
    expect(localized(step, 'label', locale)).toBe('Consciously competent')
    locale.value = 'sv'
    expect(localized(step, 'label', locale)).toBe('Medvetet kompetent')
  })

  it('handles missing objects and fields', () => {
    expect(localized(null, 'label', 'en')).toBe('')
    expect(localized({}, 'label', 'en')).toBeNull()
    expect(isEnglish(undefined)).toBe(false)
  })
})
