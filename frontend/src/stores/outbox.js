import { computed, ref, shallowRef } from 'vue'

// The outbox of one response: every answer the person gives is written here (localStorage) before
// it is sent, and stays until the server has accepted it with a 2xx. Entries are sent in order, one
// request at a time, each with its own Idempotency-Key, so a repeated request (after a lost reply,
// or from a second tab) changes nothing on the server.
//
// Order: the list is kept in the order the choices were made. A newer entry for an item replaces an
// older entry for the same item that has not been sent yet: the old one is removed and the new one
// is appended, so the list stays in choice order (oldest first) and nothing older overtakes it. An
// entry that is being sent right now is never replaced; the newer one is queued after it.
//
// Failures: a network error (status 0), 5xx, 429 and 401 (a session that expired: the answer waits for
// the next login) keep the entry and retry after 1 s, 2 s, 4 s …
// at most 30 s, at once on the window's `online` event, and at once after a login (resendAllOutboxes). Any other error (400, 404, 409 …) drops
// the entry: sending it again would fail in the same way, and the caller is told through onDropped.

export const OUTBOX_PREFIX = 'lagesbild.outbox.'
export const FIRST_RETRY_DELAY_MS = 1000
export const MAX_RETRY_DELAY_MS = 30000

export const outboxKey = (responseId) => `${OUTBOX_PREFIX}${responseId}`

/** Delay before retry number `attempt` (0-based): 1 s, 2 s, 4 s … capped at 30 s. */
export function retryDelay(attempt) {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** attempt, MAX_RETRY_DELAY_MS)
}

/**
 * Errors worth retrying: the request did not reach the server, the server could not answer now, or the
 * person's session expired (their answers are sent once they have logged in again).
 */
export function isTransientError(error) {
  const status = error?.status
  if (typeof status !== 'number') return true // not an ApiError: nothing says it would fail again
  return status === 0 || status === 401 || status === 429 || status >= 500
}

/** A random UUID (v4). crypto.randomUUID only exists in secure contexts, hence the fallback. */
export function newIdempotencyKey() {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  const bytes = new Uint8Array(16)
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** window.localStorage if it can be used (it throws in some private modes), else null. */
export function defaultStorage() {
  try {
    const storage = globalThis.localStorage
    if (!storage) return null
    const probe = '__lagesbild_probe__'
    storage.setItem(probe, '1')
    storage.removeItem(probe)
    return storage
  } catch {
    return null
  }
}

// Every outbox that is running on this page, so that a fresh login can send what waited for it.
const liveOutboxes = new Set()

/**
 * Send now everything that waits in the running outboxes, with the backoff started afresh. Called
 * after a successful login: answers refused with 401 go out at once instead of after the next delay.
 */
export function resendAllOutboxes() {
  for (const resend of [...liveOutboxes]) resend()
}

const isEntry = (e) =>
  e && typeof e === 'object' && typeof e.itemCode === 'string' && typeof e.idempotencyKey === 'string'

/**
 * @param {object} options
 * @param {string|number} options.responseId  whose outbox (the storage key)
 * @param {(entry) => Promise<any>} options.send  sends one entry; rejects with an ApiError
 * @param {(entry, result) => void} [options.onSent]  after a 2xx, once the entry is removed
 * @param {(entry, error) => void} [options.onDropped]  after a non-retryable error, once removed
 * @param {Storage|null} [options.storage]  defaults to localStorage (null: keep in memory only)
 * @param {EventTarget} [options.target]  where to listen for `online` (window)
 */
export function createOutbox({
  responseId,
  send,
  onSent,
  onDropped,
  storage = defaultStorage(),
  target = globalThis.window,
}) {
  const key = outboxKey(responseId)
  let memory = []
  let attempt = 0
  let timer = null
  let running = false
  let stopped = false
  let waiters = []

  const entries = shallowRef([])
  /** The Idempotency-Key of the entry being sent, or null. */
  const sendingKey = ref(null)
  /** True while waiting for the next retry after a network or server error. */
  const waiting = ref(false)
  const lastError = shallowRef(null)
  /** False when the entries can only be kept in memory (no localStorage, or it is full). */
  const persistent = ref(Boolean(storage))
  const status = computed(() => {
    if (entries.value.length === 0) return 'idle'
    return waiting.value ? 'waiting' : 'sending'
  })

  function read() {
    if (storage && persistent.value) {
      try {
        const parsed = JSON.parse(storage.getItem(key) || '[]')
        return Array.isArray(parsed) ? parsed.filter(isEntry) : []
      } catch {
        return [...memory]
      }
    }
    return [...memory]
  }

  function write(list) {
    memory = list
    entries.value = list
    if (!storage || !persistent.value) return
    try {
      if (list.length) storage.setItem(key, JSON.stringify(list))
      else storage.removeItem(key)
    } catch {
      // Quota exceeded or storage gone: keep going in memory for this page.
      persistent.value = false
    }
  }

  function remove(idempotencyKey) {
    write(read().filter((e) => e.idempotencyKey !== idempotencyKey))
  }

  function settle(result) {
    const list = waiters
    waiters = []
    for (const resolve of list) resolve(result)
  }

  /** Put an answer in the outbox (persisted at once) and start sending. Returns the entry. */
  function add({ itemCode, value = null, comment = null, answeredAt = new Date().toISOString() }) {
    const entry = { itemCode, value, comment, answeredAt, idempotencyKey: newIdempotencyKey() }
    const kept = read().filter((e) => e.itemCode !== itemCode || e.idempotencyKey === sendingKey.value)
    write([...kept, entry])
    kick()
    return entry
  }

  function kick() {
    if (stopped || running || waiting.value) return
    pump()
  }

  async function pump() {
    running = true
    try {
      while (!stopped) {
        const entry = read()[0]
        if (!entry) break
        sendingKey.value = entry.idempotencyKey
        let result
        try {
          result = await send(entry)
        } catch (error) {
          sendingKey.value = null
          if (stopped) return
          lastError.value = error
          if (isTransientError(error)) {
            scheduleRetry()
            return
          }
          remove(entry.idempotencyKey)
          onDropped?.(entry, error)
          continue
        }
        sendingKey.value = null
        // Removed even when stopped meanwhile: the server has it, so it must not be sent again.
        remove(entry.idempotencyKey)
        if (stopped) return
        attempt = 0
        lastError.value = null
        onSent?.(entry, result)
      }
    } finally {
      running = false
      sendingKey.value = null
      if (!waiting.value && (stopped || read().length === 0)) settle(read().length === 0)
    }
  }

  function scheduleRetry() {
    const delay = retryDelay(attempt)
    attempt += 1
    waiting.value = true
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      waiting.value = false
      kick()
    }, delay)
    settle(false)
  }

  /** Stop waiting and send now (the person pressed "try again", or is about to submit). */
  function retryNow() {
    if (stopped) return
    if (timer !== null) {
      clearTimeout(timer)
      timer = null
    }
    waiting.value = false
    kick()
  }

  function onOnline() {
    attempt = 0
    retryNow()
  }
  target?.addEventListener?.('online', onOnline)
  liveOutboxes.add(onOnline)

  /**
   * Send everything now. Resolves true when the outbox is empty, false when an entry could not be
   * sent (it waits for a retry) or the outbox was stopped.
   */
  function drain() {
    if (stopped) return Promise.resolve(read().length === 0)
    if (!running && read().length === 0) return Promise.resolve(true)
    const done = new Promise((resolve) => waiters.push(resolve))
    retryNow()
    return done
  }

  /** Load the stored entries (as after a reload) and start sending them. */
  function start() {
    entries.value = read()
    kick()
  }

  /** Forget all entries (after submit, or when they can no longer be saved). Returns how many. */
  function clear() {
    const n = read().length
    write([])
    return n
  }

  /** Stop sending (the page moved on to another response). Stored entries stay for next time. */
  function stop() {
    stopped = true
    if (timer !== null) clearTimeout(timer)
    timer = null
    waiting.value = false
    target?.removeEventListener?.('online', onOnline)
    liveOutboxes.delete(onOnline)
    settle(false)
  }

  entries.value = read()

  return {
    key,
    entries,
    sendingKey,
    waiting,
    lastError,
    persistent,
    status,
    add,
    start,
    drain,
    retryNow,
    clear,
    stop,
    pending: (itemCode) => entries.value.filter((e) => e.itemCode === itemCode),
  }
}
