import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import * as api from '../api/client.js'
import { useInstrumentsStore } from './instruments.js'
import { answersByItem, countAnswered, flattenItems, isAnswered, optionKey, unansweredItems } from '../utils/answers.js'

export const COMMENT_DEBOUNCE_MS = 800

/**
 * State of the response being filled in. The server is the source of truth:
 * every choice is saved at once (PUT per item) and comments are saved on blur
 * or after COMMENT_DEBOUNCE_MS without typing.
 */
export const useResponseEditorStore = defineStore('responseEditor', () => {
  const instruments = useInstrumentsStore()

  const response = ref(null)
  const round = ref(null)
  const instrument = ref(null)
  const loading = ref(false)
  const loadError = ref(null)

  // itemCode -> value (number, or null for "Vet inte"). A missing key means unanswered.
  const values = ref({})
  // itemCode -> comment text as currently typed.
  const comments = ref({})
  // itemCode -> { status: 'idle'|'saving'|'saved'|'error', error }
  const saveState = ref({})
  const lastSaveError = ref(null)

  // Not reactive: bookkeeping for the save queue.
  let savedComments = {}
  let timers = new Map()
  let inFlight = new Map()
  let pending = new Set()
  let generation = 0

  const items = computed(() => flattenItems(instrument.value))
  const answeredCount = computed(() => countAnswered(items.value, values.value))
  const unanswered = computed(() => unansweredItems(items.value, values.value))
  const isSubmitted = computed(() => response.value?.status === 'submitted')
  const isRoundClosed = computed(() => round.value?.status === 'closed')
  const readOnly = computed(() => isSubmitted.value || isRoundClosed.value)

  /** Aggregate of all item save states for the sticky status bar. */
  const globalStatus = computed(() => {
    const states = Object.values(saveState.value).map((s) => s.status)
    if (states.includes('error')) return 'error'
    if (states.includes('saving')) return 'saving'
    if (states.includes('saved')) return 'saved'
    return 'idle'
  })

  function reset() {
    generation += 1
    for (const t of timers.values()) clearTimeout(t)
    timers = new Map()
    inFlight = new Map()
    pending = new Set()
    savedComments = {}
    response.value = null
    round.value = null
    instrument.value = null
    values.value = {}
    comments.value = {}
    saveState.value = {}
    lastSaveError.value = null
    loadError.value = null
  }

  async function load(id) {
    reset()
    const gen = generation
    loading.value = true
    try {
      const r = await api.getResponse(id)
      const rd = await api.getRound(r.roundId)
      const def = await instruments.definition(rd.instrumentCode, rd.instrumentVersion)
      if (gen !== generation) return
      const vals = {}
      const comms = {}
      for (const [code, entry] of Object.entries(answersByItem(r.answers))) {
        vals[code] = entry.value
        comms[code] = entry.comment
      }
      savedComments = { ...comms }
      response.value = r
      round.value = rd
      instrument.value = def
      values.value = vals
      comments.value = comms
    } catch (error) {
      if (gen === generation) loadError.value = error
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  function setState(code, status, error = null) {
    saveState.value[code] = { status, error }
    if (error) lastSaveError.value = error
  }

  function cancelTimer(code) {
    const t = timers.get(code)
    if (t !== undefined) {
      clearTimeout(t)
      timers.delete(code)
    }
  }

  /** Re-read the response and round status after a 409 (submitted elsewhere or round closed). */
  async function refreshStatus() {
    const gen = generation
    try {
      const [r, rd] = await Promise.all([api.getResponse(response.value.id), api.getRound(round.value.id)])
      if (gen !== generation) return
      response.value = { ...response.value, status: r.status }
      round.value = { ...round.value, status: rd.status }
    } catch {
      // Keep the original error visible; nothing more to do.
    }
  }

  /** Save one item (its value and comment). Concurrent calls are coalesced. */
  function save(code) {
    if (!response.value || !isAnswered(values.value, code)) return Promise.resolve(false)
    const running = inFlight.get(code)
    if (running) {
      pending.add(code)
      return running
    }
    const gen = generation
    const responseId = response.value.id
    setState(code, 'saving')
    const promise = Promise.resolve()
      .then(async () => {
        do {
          pending.delete(code)
          const comment = comments.value[code] ?? ''
          await api.saveAnswer(responseId, code, {
            value: values.value[code] ?? null,
            comment: comment.trim() === '' ? null : comment,
          })
          if (gen !== generation) return false
          savedComments[code] = comment
        } while (pending.has(code))
        setState(code, 'saved')
        return true
      })
      .catch((error) => {
        if (gen !== generation) return false
        pending.delete(code)
        setState(code, 'error', error)
        if (error?.status === 409) refreshStatus()
        return false
      })
      .finally(() => {
        if (gen === generation) inFlight.delete(code)
      })
    inFlight.set(code, promise)
    return promise
  }

  /** Choose a scale value, or null for "Vet inte"; saved immediately. */
  function choose(code, value) {
    if (readOnly.value) return Promise.resolve(false)
    values.value[code] = value
    cancelTimer(code)
    return save(code)
  }

  /** Comment typing: saved after a pause. */
  function editComment(code, text) {
    if (readOnly.value) return
    comments.value[code] = text
    cancelTimer(code)
    timers.set(
      code,
      setTimeout(() => {
        timers.delete(code)
        commitComment(code)
      }, COMMENT_DEBOUNCE_MS),
    )
  }

  /**
   * Save the comment now (on blur or after the pause) if it changed. A comment on an
   * unanswered item is kept locally and saved together with the first chosen value,
   * since saving it alone would record the item as "Vet inte".
   */
  function commitComment(code) {
    cancelTimer(code)
    if (readOnly.value || !isAnswered(values.value, code)) return Promise.resolve(false)
    if ((comments.value[code] ?? '') === (savedComments[code] ?? '')) return Promise.resolve(true)
    return save(code)
  }

  function retry(code) {
    return save(code)
  }

  function retryFailed() {
    const failed = Object.entries(saveState.value)
      .filter(([, s]) => s.status === 'error')
      .map(([code]) => code)
    return Promise.all(failed.map((code) => save(code)))
  }

  /** Save pending comments and wait until no save is in flight. */
  async function flush() {
    for (const code of [...timers.keys()]) commitComment(code)
    while (inFlight.size > 0) {
      await Promise.all([...inFlight.values()])
    }
  }

  const hasUnsavedWork = computed(
    () => globalStatus.value === 'saving' || globalStatus.value === 'error',
  )
  const hasPendingTimers = () => timers.size > 0

  /** Submit the response. Returns false (without submitting) when some answer is not saved. */
  async function submit() {
    await flush()
    if (globalStatus.value === 'error') return false
    const result = await api.submitResponse(response.value.id)
    response.value = { ...response.value, status: result?.status || 'submitted' }
    return true
  }

  function selectedKey(code) {
    return isAnswered(values.value, code) ? optionKey({ value: values.value[code] }) : null
  }

  return {
    response,
    round,
    instrument,
    loading,
    loadError,
    values,
    comments,
    saveState,
    lastSaveError,
    items,
    answeredCount,
    unanswered,
    isSubmitted,
    isRoundClosed,
    readOnly,
    globalStatus,
    hasUnsavedWork,
    hasPendingTimers,
    load,
    reset,
    choose,
    editComment,
    commitComment,
    retry,
    retryFailed,
    flush,
    submit,
    selectedKey,
  }
})
