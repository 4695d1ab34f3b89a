import { computed, toValue } from 'vue'
import { useI18n } from 'vue-i18n'
import { flattenItems } from '@/utils/answers.js'
import { localized } from '@/utils/localized.js'

/**
 * The texts of instrument definitions in the UI language: the title, each part's title and each item's
 * text. `definitions` is a ref or getter of one definition or a list of them; for a code the first
 * definition that has it wins (a comparison passes the later version first). Figures from the server carry
 * the Swedish text, which is the fallback.
 */
export function useInstrumentTexts(definitions) {
  const { locale } = useI18n()
  const list = computed(() => [].concat(toValue(definitions) || []).filter(Boolean))

  function textsBy(entriesOf, field) {
    const map = {}
    for (const def of list.value) {
      for (const entry of entriesOf(def)) {
        if (!(entry.code in map)) map[entry.code] = localized(entry, field, locale.value)
      }
    }
    return map
  }

  const title = computed(() => (list.value[0] ? localized(list.value[0], 'title', locale.value) || '' : ''))
  const itemTexts = computed(() => textsBy(flattenItems, 'text'))
  const partTitles = computed(() => textsBy((def) => def.parts || [], 'title'))
  const itemText = (item) => itemTexts.value[item.code] || item.text || ''
  const partTitle = (part) => partTitles.value[part.code] || part.title || part.code

  return { title, itemText, partTitle }
}
