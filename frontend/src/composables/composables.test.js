import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '@/i18n/index.js'
import { useInstrumentTexts } from './useInstrumentTexts.js'
import { useScale } from './useScale.js'

/** Runs `setup` inside a component with the app's i18n and returns what it returned. */
function withSetup(setup, locale = 'sv') {
  let result
  mount(
    defineComponent({
      setup() {
        result = setup()
        return () => h('div')
      },
    }),
    { global: { plugins: [createAppI18n(locale)] } },
  )
  return result
}

const fivePoint = {
  title: 'Enkät',
  titleEn: 'Survey',
  scale: [0, 1, 2, 3, 4].map((value) => ({ value, label: `Steg ${value}`, labelEn: `Step ${value}` })),
  parts: [
    { code: 'a', title: 'Del A', titleEn: 'Part A', items: [{ code: 'A1', text: 'Påstående', textEn: 'Statement' }] },
  ],
}

describe('useScale', () => {
  it('reads the range, midpoint and steps from the definition', () => {
    const { min, max, midpoint, steps } = withSetup(() => useScale(() => fivePoint), 'en')
    expect([min.value, max.value, midpoint.value]).toEqual([0, 4, 2])
    expect(steps.value[4]).toEqual({ value: 4, number: 5, name: 'Step 4' })
  })

  it('follows the definition and has no range without one', () => {
    const definition = ref(null)
    const { min, max, midpoint } = withSetup(() => useScale(definition))
    expect([min.value, max.value, midpoint.value]).toEqual([null, null, null])
    definition.value = { scale: [{ value: 1 }, { value: 6 }] }
    expect([min.value, max.value, midpoint.value]).toEqual([1, 6, 3.5])
  })
})

describe('useInstrumentTexts', () => {
  it('gives the texts in the UI language and falls back to the text the figures carry', () => {
    const { title, itemText, partTitle } = withSetup(() => useInstrumentTexts(() => fivePoint), 'en')
    expect(title.value).toBe('Survey')
    expect(itemText({ code: 'A1' })).toBe('Statement')
    expect(partTitle({ code: 'a' })).toBe('Part A')
    expect(itemText({ code: 'B9', text: 'Från servern' })).toBe('Från servern')
    expect(partTitle({ code: 'b' })).toBe('b')
  })

  it('takes a code from the first definition that has it', () => {
    const older = {
      title: 'Äldre',
      parts: [{ code: 'a', title: 'Gammal', items: [{ code: 'OLD', text: 'Borttagen' }] }],
    }
    const { title, itemText, partTitle } = withSetup(() => useInstrumentTexts(() => [fivePoint, older]))
    expect(title.value).toBe('Enkät')
    expect(partTitle({ code: 'a' })).toBe('Del A')
    expect(itemText({ code: 'OLD' })).toBe('Borttagen')
  })
})
