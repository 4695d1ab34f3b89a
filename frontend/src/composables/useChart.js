import { onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { Chart } from 'chart.js'

/** True when the user asked for reduced motion; charts then skip their animation. */
export function reducedMotion() {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

/**
 * The life cycle shared by the Chart.js components: creates the chart on mount from config(), gives it
 * config()'s new data and options whenever the watched source changes (deeply), and destroys it on
 * unmount. Returns the template ref to put on the <canvas>. Without a 2D context (e.g. in jsdom) no
 * chart is made and the rest does nothing. The caller registers the Chart.js parts it needs.
 */
export function useChart(config, source) {
  const canvas = ref(null)
  let chart = null

  onMounted(() => {
    const ctx = canvas.value?.getContext?.('2d')
    if (ctx) chart = new Chart(ctx, config())
  })

  watch(
    source,
    () => {
      if (!chart) return
      const next = config()
      chart.data = next.data
      chart.options = next.options
      chart.update()
    },
    { deep: true },
  )

  onBeforeUnmount(() => {
    chart?.destroy()
    chart = null
  })

  return canvas
}
