import { computed, toValue } from 'vue'
import { useI18n } from 'vue-i18n'
import { scaleRange } from '@/utils/answers.js'
import { localized } from '@/utils/localized.js'

/**
 * The answer scale of an instrument definition, the one place a page reads it from: the steps in order
 * (value, 1-based number, label in the UI language), the lowest and highest value and the midpoint.
 * `definition` is a ref or a getter. Without a definition (or a scale) min, max and midpoint are null,
 * and charts fit their axis to the data instead of assuming a scale.
 */
export function useScale(definition) {
  const { locale } = useI18n()
  const scale = computed(() => toValue(definition)?.scale || [])
  const range = computed(() => scaleRange(scale.value))
  const min = computed(() => range.value?.min ?? null)
  const max = computed(() => range.value?.max ?? null)
  const midpoint = computed(() => (range.value ? (range.value.min + range.value.max) / 2 : null))
  const steps = computed(() =>
    scale.value.map((step, index) => ({
      value: step.value,
      number: index + 1,
      name: localized(step, 'label', locale.value),
    })),
  )
  return { steps, min, max, midpoint }
}
