import { onBeforeUnmount, onMounted, ref } from 'vue'
import { getParticipantLive, getWorkshopLive, participantEventsUrl, workshopEventsUrl } from '../api/client.js'

/**
 * A live state from the server's event stream (event `live`), or, while that does not get through (no
 * EventSource, a proxy that buffers), by polling every `pollMs` until the stream delivers again. `mode` is
 * 'live' or 'polling'.
 */
export function useLiveStream(readOnce, url, { pollMs = 1000 } = {}) {
  const state = ref(null)
  const error = ref(null)
  const mode = ref('live')
  let source = null
  let timer = null
  let stopped = false

  async function pollOnce() {
    try {
      state.value = await readOnce()
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
    source = new EventSource(url)
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

/** The presenter's and control view's live state `{ workshop, results, reflections, agenda, current }`. */
export function useWorkshopLive(id, options = {}) {
  return useLiveStream(() => getWorkshopLive(id), workshopEventsUrl(id), options)
}

/** Where the room is, as a participant's phone follows it: `{ code, title, status, activities, current }`. */
export function useParticipantLive(code, options = {}) {
  return useLiveStream(() => getParticipantLive(code), participantEventsUrl(code), { pollMs: 3000, ...options })
}
