import { computed, ref, watch } from 'vue'
import { getInstrumentVersion, moveWorkshop, workshopAction } from '../api/client.js'
import { useWorkshopLive } from './useWorkshopLive.js'

/**
 * What the presenter and control views share: the live state, the instrument (its scale labels the bars) and
 * the facilitator's steps through the agenda: reveal or hide, next, previous (before the first: the join
 * screen), go to an activity.
 */
export function useWorkshopControls(id) {
  const { state, error, mode, refresh } = useWorkshopLive(id)
  const instrument = ref(null)
  const actionError = ref(null)
  const busy = ref(false)

  const workshop = computed(() => state.value?.workshop ?? null)
  const agenda = computed(() => state.value?.agenda ?? [])
  const current = computed(() => state.value?.current ?? null)
  const position = computed(() => workshop.value?.currentPosition ?? null)

  watch(workshop, async (w) => {
    if (!w || instrument.value) return
    try {
      instrument.value = await getInstrumentVersion(w.instrumentCode, w.instrumentVersion)
    } catch (e) {
      actionError.value = e
    }
  })

  async function act(call) {
    if (busy.value) return
    busy.value = true
    actionError.value = null
    try {
      await call()
      await refresh()
    } catch (e) {
      actionError.value = e
    } finally {
      busy.value = false
    }
  }

  const toggleReveal = () => act(() => workshopAction(id, workshop.value?.revealed ? 'hide' : 'reveal'))
  const goTo = (to) => act(() => moveWorkshop(id, to))
  const next = () => {
    const to = position.value === null ? 0 : position.value + 1
    return to < agenda.value.length ? goTo(to) : Promise.resolve()
  }
  const previous = () =>
    position.value === null ? Promise.resolve() : goTo(position.value === 0 ? null : position.value - 1)

  return {
    state,
    error,
    mode,
    refresh,
    instrument,
    actionError,
    busy,
    workshop,
    agenda,
    current,
    position,
    act,
    toggleReveal,
    goTo,
    next,
    previous,
  }
}
