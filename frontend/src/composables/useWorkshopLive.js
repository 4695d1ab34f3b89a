import { onBeforeUnmount, onMounted, ref } from 'vue'
import { getWorkshopLive, workshopEventsUrl } from '../api/client.js'

/**
 * The projector's live state of a workshop `{ workshop, results, reflections }`: from the server's event
 * stream, or, while that does not get through (no EventSource, a proxy that buffers), by polling once a
 * second until the stream delivers again. `mode` is 'live' or 'polling'.
 */
export function useWorkshopLive(id, { pollMs = 1000 } = {}) {
  const state = ref(null)
  const error = ref(null)
  const mode = ref('live')
  let source = null
  let timer = null
  let stopped = false

  async function pollOnce() {
    try {
      state.value = await getWorkshopLive(id)
      error.value = null
    } catch (e) {
      error.value = e
    }
  }

  function startPolling() {
    if (timer || stopped) return
    mode.value = 'polling'
    pollOnce()
    timer = setInterval(pollOnce, pollMs)
  }

  function stopPolling() {
    if (timer) clearInterval(timer)
    timer = null
    mode.value = 'live'
  }

  /** After an action (open, reveal…): read the state at once rather than wait for the next event. */
  async function refresh() {
    await pollOnce()
  }

  onMounted(() => {
    if (typeof EventSource !== 'function') {
      startPolling()
      return
    }
    source = new EventSource(workshopEventsUrl(id))
    source.addEventListener('live', (event) => {
      stopPolling()
      state.value = JSON.parse(event.data)
      error.value = null
    })
    source.onerror = () => startPolling()
  })

  onBeforeUnmount(() => {
    stopped = true
    source?.close()
    stopPolling()
  })

  return { state, error, mode, refresh }
}
