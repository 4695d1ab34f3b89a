import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { useInstrumentsStore } from './instruments.js'
import { createOutbox, isTransientError } from './outbox.js'
import { readLocalCopy, removeLocalCopy, writeLocalCopy } from './localCopy.js'
import { accountSource } from './responseSources.js'
import { answersByItem, countAnswered, flattenItems, isAnswered, optionKey, unansweredItems } from '../utils/answers.js'

export const COMMENT_DEBOUNCE_MS = 800

/**
 * State of the response being filled in. What the person sees is the server's answers with the
 * local outbox laid over them (the outbox holds what has not reached the server yet, and is newer).
 * Every choice goes into the outbox (localStorage) first and is then sent; comments go in after a
 * typing pause or on blur. See outbox.js for the sending rules. Where the response is read and saved is a
 * source (responseSources.js): a signed-in person's response, or one answered through a survey link.
 */
export const useResponseEditorStore = defineStore('responseEditor', () => {
  const instruments = useInstrumentsStore()

  const response = ref(null)
  const round = ref(null)
  const instrument = ref(null)
  const loading = ref(false)
  const loadError = ref(null)
  /** True when the page was loaded from the local copy because the server could not be reached. */
  const offline = ref(false)
  /** How many unsent changes were thrown away because the response can no longer be changed. */
  const discarded = ref(0)

  // itemCode -> value (number, or null for "Vet inte"). A missing key means unanswered.
  const values = ref({})
  // itemCode -> comment text as currently shown.
  const comments = ref({})
  // itemCode -> ApiError for an answer the server refused (400/404/409); it was not saved.
  const itemErrors = ref({})
  // itemCode -> true once an answer for the item has been saved in this visit.
  const savedItems = ref({})
  // itemCode -> true when the server kept a later answer it already had (made on another device).
  const keptNewer = ref({})
  const lastSaveError = shallowRef(null)
  const outbox = shallowRef(null)

  // Not reactive: bookkeeping.
  let lastQueuedComment = {}
  let timers = new Map()
  let generation = 0
  let copy = null
  let source = null

  const items = computed(() => flattenItems(instrument.value))
  const answeredCount = computed(() => countAnswered(items.value, values.value))
  const unanswered = computed(() => unansweredItems(items.value, values.value))
  const isSubmitted = computed(() => response.value?.status === 'submitted')
  const isRoundClosed = computed(() => round.value?.status === 'closed')
  const readOnly = computed(() => isSubmitted.value || isRoundClosed.value)
  const unsentCount = computed(() => outbox.value?.entries.value.length ?? 0)
  const waitingToRetry = computed(() => Boolean(outbox.value?.waiting.value) && unsentCount.value > 0)
  const persistent = computed(() => outbox.value?.persistent.value ?? false)
  /** Answers wait because the session has ended: they are sent once the person has logged in again. */
  const waitingForLogin = computed(() => unsentCount.value > 0 && outbox.value?.lastError.value?.status === 401)

  /**
   * Save state per item: 'saving' (in the outbox, being sent or next in line), 'retrying' (in the
   * outbox, waiting for the next attempt), 'error' (refused by the server), 'saved', or absent.
   */
  const saveState = computed(() => {
    const map = {}
    const pending = new Set((outbox.value?.entries.value || []).map((e) => e.itemCode))
    const codes = new Set([...Object.keys(savedItems.value), ...Object.keys(itemErrors.value), ...pending])
    for (const code of codes) {
      if (pending.has(code)) {
        map[code] = waitingToRetry.value
          ? { status: 'retrying', error: outbox.value.lastError.value }
          : { status: 'saving', error: null }
      } else if (itemErrors.value[code]) {
        map[code] = { status: 'error', error: itemErrors.value[code] }
      } else if (savedItems.value[code]) {
        map[code] = { status: 'saved', error: null, keptNewer: Boolean(keptNewer.value[code]) }
      }
    }
    return map
  })

  /** Aggregate for the sticky status bar. */
  const globalStatus = computed(() => {
    if (unsentCount.value > 0) return waitingToRetry.value ? 'retrying' : 'saving'
    const states = Object.values(saveState.value).map((s) => s.status)
    if (states.includes('error')) return 'error'
    if (states.includes('saved')) return 'saved'
    return 'idle'
  })

  function reset() {
    generation += 1
    for (const t of timers.values()) clearTimeout(t)
    timers = new Map()
    outbox.value?.stop()
    outbox.value = null
    lastQueuedComment = {}
    copy = null
    source = null
    response.value = null
    round.value = null
    instrument.value = null
    values.value = {}
    comments.value = {}
    itemErrors.value = {}
    savedItems.value = {}
    keptNewer.value = {}
    lastSaveError.value = null
    loadError.value = null
    offline.value = false
    discarded.value = 0
  }

  function applyServerAnswers(answers, { onlyCodes = null } = {}) {
    const byItem = answersByItem(answers)
    const codes = onlyCodes || new Set([...Object.keys(values.value), ...Object.keys(byItem)])
    for (const code of codes) {
      const entry = byItem[code]
      if (entry) {
        values.value[code] = entry.value
        comments.value[code] = entry.comment
        lastQueuedComment[code] = entry.comment
      } else {
        delete values.value[code]
        lastQueuedComment[code] = comments.value[code] ?? ''
      }
    }
  }

  function saveCopy() {
    if (copy && source) writeLocalCopy(source.copyKey, copy)
  }

  /** Keep the local copy's answers in step with what the server holds. */
  function rememberSaved(answer) {
    if (!copy) return
    const others = (copy.response.answers || []).filter((a) => a.itemCode !== answer.itemCode)
    copy = { ...copy, response: { ...copy.response, answers: [...others, answer] } }
    saveCopy()
  }

  /** A signed-in person's response by its id. */
  const load = (id) => loadFrom(accountSource(id, instruments))

  /** The response of a source (see responseSources.js). */
  async function loadFrom(from) {
    reset()
    source = from
    const gen = generation
    loading.value = true
    try {
      let r, rd, def
      let fromCopy = false
      try {
        ;({ response: r, round: rd, instrument: def } = await from.load())
      } catch (error) {
        // Without a connection (or with the server down), carry on from the copy kept on this device.
        const local = isTransientError(error) ? readLocalCopy(from.copyKey) : null
        if (!local) throw error
        ;({ response: r, round: rd, instrument: def } = local)
        fromCopy = true
      }
      if (gen !== generation) return
      response.value = r
      round.value = rd
      instrument.value = def
      offline.value = fromCopy
      applyServerAnswers(r.answers)
      copy = { response: r, round: rd, instrument: def }
      if (!fromCopy) saveCopy()

      const ob = createOutbox({
        responseId: r.id,
        send: (entry) =>
          from.saveAnswer(
            r.id,
            entry.itemCode,
            { value: entry.value, comment: entry.comment, answeredAt: entry.answeredAt },
            entry.idempotencyKey,
          ),
        onSent: (entry, result) => gen === generation && sent(entry, result),
        onDropped: (entry, error) => gen === generation && dropped(entry, error),
      })
      outbox.value = ob
      if (readOnly.value) {
        // Changes that never reached the server can no longer be saved.
        discarded.value = ob.clear()
        if (!fromCopy) removeLocalCopy(from.copyKey)
        return
      }
      // The outbox is newer than the server's answers: show its entries as chosen.
      for (const entry of ob.entries.value) {
        values.value[entry.itemCode] = entry.value ?? null
        comments.value[entry.itemCode] = entry.comment ?? ''
        lastQueuedComment[entry.itemCode] = entry.comment ?? ''
      }
      ob.start()
    } catch (error) {
      if (gen === generation) loadError.value = error
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  function sent(entry, result) {
    const code = entry.itemCode
    const answer = result && typeof result === 'object' && 'value' in result ? result : entry
    offline.value = false
    savedItems.value[code] = true
    delete itemErrors.value[code]
    const stillPending = outbox.value?.entries.value.some((e) => e.itemCode === code)
    if (result?.applied === false && !stillPending) {
      // The server already had a later answer for this item (from another device); show that one.
      values.value[code] = answer.value ?? null
      if (!timers.has(code)) {
        comments.value[code] = answer.comment ?? ''
        lastQueuedComment[code] = answer.comment ?? ''
      }
      keptNewer.value[code] = true
    } else {
      delete keptNewer.value[code]
    }
    rememberSaved({ itemCode: code, value: answer.value ?? null, comment: answer.comment ?? null })
  }

  function dropped(entry, error) {
    lastSaveError.value = error
    if (!outbox.value?.entries.value.some((e) => e.itemCode === entry.itemCode)) {
      itemErrors.value[entry.itemCode] = error
    }
    if (error?.status === 409) refreshFromServer(error)
  }

  /**
   * Re-read the response and round after a 409 (submitted elsewhere, round closed): take their
   * status, and the server's answers for every item that has nothing waiting in the outbox.
   */
  async function refreshFromServer(error) {
    const gen = generation
    try {
      const { response: r, round: rd } = await source.refresh(round.value)
      if (gen !== generation) return
      response.value = { ...response.value, status: r.status }
      round.value = { ...round.value, status: rd.status }
      const pending = new Set(outbox.value?.entries.value.map((e) => e.itemCode) || [])
      const codes = new Set(
        [...Object.keys(values.value), ...(r.answers || []).map((a) => a.itemCode)].filter((c) => !pending.has(c)),
      )
      applyServerAnswers(r.answers, { onlyCodes: codes })
      if (copy) {
        copy = { ...copy, response: r, round: rd }
        saveCopy()
      }
      if (readOnly.value && outbox.value) {
        for (const entry of outbox.value.entries.value) itemErrors.value[entry.itemCode] = error
        outbox.value.clear()
      }
    } catch {
      // Keep the original error visible; nothing more to do.
    }
  }

  function cancelTimer(code) {
    const t = timers.get(code)
    if (t !== undefined) {
      clearTimeout(t)
      timers.delete(code)
    }
  }

  /** Put the item's current value and comment in the outbox. */
  function enqueue(code) {
    if (!outbox.value) return null
    cancelTimer(code)
    const comment = comments.value[code] ?? ''
    lastQueuedComment[code] = comment
    delete itemErrors.value[code]
    return outbox.value.add({
      itemCode: code,
      value: values.value[code] ?? null,
      comment: comment.trim() === '' ? null : comment,
      answeredAt: new Date().toISOString(),
    })
  }

  /** Choose a scale value, or null for "Vet inte". Kept locally at once, then sent. */
  function choose(code, value) {
    if (readOnly.value || !response.value) return null
    values.value[code] = value
    return enqueue(code)
  }

  /** Comment typing: queued after a pause. */
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
   * Queue the comment now (on blur or after the pause) if it changed. A comment on an unanswered
   * item is kept on the page and sent with the first chosen value, since sending it alone would
   * record the item as "Vet inte".
   */
  function commitComment(code) {
    cancelTimer(code)
    if (readOnly.value || !isAnswered(values.value, code)) return null
    if ((comments.value[code] ?? '') === (lastQueuedComment[code] ?? '')) return null
    return enqueue(code)
  }

  /** Queue every comment still inside its typing pause (synchronous: safe in beforeunload). */
  function commitPendingComments() {
    for (const code of [...timers.keys()]) commitComment(code)
  }

  /** Send again now instead of waiting for the next retry. */
  function retryNow() {
    outbox.value?.retryNow()
  }

  /**
   * Queue pending comments and send the outbox now. Resolves true when everything has reached the
   * server, false when something is still waiting (no connection, server error).
   */
  async function flush() {
    commitPendingComments()
    if (!outbox.value) return true
    return outbox.value.drain()
  }

  const hasPendingTimers = () => timers.size > 0

  /**
   * Submit the response once every answer has been sent. Resolves 'submitted', 'unsent' (answers
   * still in the outbox: they must reach the server first) or 'failed' (the server refused some answer).
   */
  async function submit() {
    const ok = await flush()
    if (!ok || unsentCount.value > 0) return 'unsent'
    if (Object.keys(itemErrors.value).length > 0) return 'failed'
    const result = await source.submit(response.value.id)
    response.value = { ...response.value, status: result?.status || 'submitted' }
    outbox.value?.clear()
    removeLocalCopy(source.copyKey)
    copy = null
    return 'submitted'
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
    offline,
    discarded,
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
    unsentCount,
    waitingToRetry,
    persistent,
    waitingForLogin,
    outbox,
    hasPendingTimers,
    load,
    loadFrom,
    reset,
    choose,
    editComment,
    commitComment,
    commitPendingComments,
    retryNow,
    flush,
    submit,
    selectedKey,
  }
})
