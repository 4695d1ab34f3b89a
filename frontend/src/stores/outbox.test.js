import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client.js'
import { createOutbox, isTransientError, outboxKey, resendAllOutboxes, retryDelay } from './outbox.js'

/** A send() whose calls each wait until the test settles them. */
function controlledSend() {
  const calls = []
  const send = vi.fn(
    (entry) =>
      new Promise((resolve, reject) => {
        calls.push({ entry, resolve, reject })
      }),
  )
  return { send, calls }
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

const stored = (id = 1) => JSON.parse(localStorage.getItem(outboxKey(id)) || '[]')

let outboxes = []
function make(options) {
  const ob = createOutbox({ responseId: 1, ...options })
  outboxes.push(ob)
  return ob
}

beforeEach(() => {
  localStorage.clear()
})

afterEach(() => {
  for (const ob of outboxes) ob.stop()
  outboxes = []
  vi.useRealTimers()
})

describe('outbox', () => {
  it('stores an entry before sending and removes it only after a 2xx', async () => {
    const { send, calls } = controlledSend()
    const ob = make({ send })
    ob.add({ itemCode: 'A', value: 3, comment: 'Bra', answeredAt: '2025-01-01T10:00:00.000Z' })

    expect(stored()).toEqual([
      expect.objectContaining({ itemCode: 'A', value: 3, comment: 'Bra', answeredAt: '2025-01-01T10:00:00.000Z' }),
    ])
    expect(stored()[0].idempotencyKey).toMatch(/^[0-9a-f-]{36}$/)
    expect(send).toHaveBeenCalledTimes(1)
    expect(ob.status.value).toBe('sending')

    calls[0].resolve({ itemCode: 'A', value: 3 })
    await flush()
    expect(stored()).toEqual([])
    expect(localStorage.getItem(outboxKey(1))).toBeNull()
    expect(ob.status.value).toBe('idle')
  })

  it('sends in order, one request at a time', async () => {
    const { send, calls } = controlledSend()
    const ob = make({ send })
    ob.add({ itemCode: 'A', value: 1 })
    ob.add({ itemCode: 'B', value: 2 })
    ob.add({ itemCode: 'C', value: 3 })
    await flush()

    for (const [index, code] of ['A', 'B', 'C'].entries()) {
      // Only one request at a time: the next is sent after the previous one has succeeded.
      expect(send).toHaveBeenCalledTimes(index + 1)
      expect(calls[index].entry.itemCode).toBe(code)
      expect(stored().map((e) => e.itemCode)).toEqual(['A', 'B', 'C'].slice(index))
      calls[index].resolve({})
      await flush()
    }
    expect(send.mock.calls.map(([e]) => e.itemCode)).toEqual(['A', 'B', 'C'])
    expect(ob.entries.value).toEqual([])
  })

  it('replaces an unsent entry for the same item, but never the one being sent', async () => {
    const { send, calls } = controlledSend()
    const ob = make({ send })
    ob.add({ itemCode: 'A', value: 1 }) // in flight at once
    ob.add({ itemCode: 'B', value: 1 })
    ob.add({ itemCode: 'A', value: 2 }) // A=1 is being sent: queued after it
    ob.add({ itemCode: 'B', value: 4 }) // B=1 not sent yet: replaced, moves to the end

    expect(stored().map((e) => `${e.itemCode}=${e.value}`)).toEqual(['A=1', 'A=2', 'B=4'])

    while (calls.length < 3) {
      calls.at(-1).resolve({})
      await flush()
    }
    calls.at(-1).resolve({})
    await flush()
    expect(send.mock.calls.map(([e]) => `${e.itemCode}=${e.value}`)).toEqual(['A=1', 'A=2', 'B=4'])
    expect(stored()).toEqual([])
  })

  it('retries a network error with backoff, keeping the Idempotency-Key', async () => {
    vi.useFakeTimers()
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ApiError({ status: 0 }))
      .mockRejectedValueOnce(new ApiError({ status: 503 }))
      .mockResolvedValueOnce({ itemCode: 'A', value: 2 })
    const onSent = vi.fn()
    const ob = make({ send, onSent })
    ob.add({ itemCode: 'A', value: 2 })
    await flush()

    expect(send).toHaveBeenCalledTimes(1)
    expect(ob.waiting.value).toBe(true)
    expect(ob.status.value).toBe('waiting')
    expect(stored()).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(999)
    expect(send).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1) // 1 s
    expect(send).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1999)
    expect(send).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1) // then 2 s
    expect(send).toHaveBeenCalledTimes(3)

    const keys = send.mock.calls.map(([e]) => e.idempotencyKey)
    expect(new Set(keys).size).toBe(1)
    expect(stored()).toEqual([])
    expect(onSent).toHaveBeenCalledWith(expect.objectContaining({ itemCode: 'A' }), { itemCode: 'A', value: 2 })
    expect(ob.waiting.value).toBe(false)
  })

  it('doubles the delay up to 30 seconds, and only retries network, 5xx and 429 errors', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
    expect(isTransientError(new ApiError({ status: 0 }))).toBe(true)
    expect(isTransientError(new ApiError({ status: 500 }))).toBe(true)
    expect(isTransientError(new ApiError({ status: 429 }))).toBe(true)
    expect(isTransientError(new ApiError({ status: 400 }))).toBe(false)
    expect(isTransientError(new ApiError({ status: 404 }))).toBe(false)
    expect(isTransientError(new ApiError({ status: 409 }))).toBe(false)
  })

  it('tries again at once when the browser comes back online', async () => {
    vi.useFakeTimers()
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ApiError({ status: 0 }))
      .mockResolvedValue({})
    const ob = make({ send })
    ob.add({ itemCode: 'A', value: 1 })
    await flush()
    expect(ob.waiting.value).toBe(true)

    window.dispatchEvent(new Event('online'))
    await flush()
    expect(send).toHaveBeenCalledTimes(2)
    expect(stored()).toEqual([])
  })

  it('keeps an answer refused with 401 and sends it at once when told that the person has logged in', async () => {
    vi.useFakeTimers()
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ApiError({ status: 401 }))
      .mockResolvedValue({})
    const ob = make({ send })
    ob.add({ itemCode: 'A', value: 1 })
    await flush()
    expect(ob.waiting.value).toBe(true)
    expect(ob.lastError.value.status).toBe(401)
    expect(stored()).toHaveLength(1)

    resendAllOutboxes()
    await flush()
    expect(send).toHaveBeenCalledTimes(2)
    expect(stored()).toEqual([])
    expect(ob.lastError.value).toBeNull()
  })

  it('leaves a stopped outbox alone when resending after a login', async () => {
    vi.useFakeTimers()
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ApiError({ status: 401 }))
      .mockResolvedValue({})
    const ob = make({ send })
    ob.add({ itemCode: 'A', value: 1 })
    await flush()
    ob.stop()
    resendAllOutboxes()
    await flush()
    expect(send).toHaveBeenCalledTimes(1)
    expect(stored()).toHaveLength(1)
  })

  it('drops an entry the server refuses with 409 and goes on with the next', async () => {
    const conflict = new ApiError({ status: 409, detail: 'Svaret är redan inskickat.' })
    const send = vi.fn().mockRejectedValueOnce(conflict).mockResolvedValue({})
    const onDropped = vi.fn()
    const onSent = vi.fn()
    const ob = make({ send, onDropped, onSent })
    ob.add({ itemCode: 'A', value: 1 })
    ob.add({ itemCode: 'B', value: 2 })
    await flush()

    expect(onDropped).toHaveBeenCalledWith(expect.objectContaining({ itemCode: 'A' }), conflict)
    expect(send).toHaveBeenCalledTimes(2)
    expect(onSent).toHaveBeenCalledWith(expect.objectContaining({ itemCode: 'B' }), {})
    expect(ob.waiting.value).toBe(false)
    expect(stored()).toEqual([])
  })

  it('survives a reload: a new outbox for the response sends what the old one could not', async () => {
    const offline = vi.fn().mockRejectedValue(new ApiError({ status: 0 }))
    const first = make({ send: offline })
    first.add({ itemCode: 'A', value: 1 })
    first.add({ itemCode: 'B', value: null, comment: 'Osäker' })
    await flush()
    const keys = stored().map((e) => e.idempotencyKey)
    first.stop() // the page is gone

    const send = vi.fn().mockResolvedValue({})
    const second = make({ send })
    expect(second.entries.value.map((e) => e.itemCode)).toEqual(['A', 'B'])
    second.start()
    await flush()
    expect(send.mock.calls.map(([e]) => [e.itemCode, e.value, e.comment, e.idempotencyKey])).toEqual([
      ['A', 1, null, keys[0]],
      ['B', null, 'Osäker', keys[1]],
    ])
    expect(stored()).toEqual([])
  })

  it('drain() resolves true once empty and false while waiting to retry', async () => {
    vi.useFakeTimers()
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ApiError({ status: 0 }))
      .mockResolvedValue({})
    const ob = make({ send })
    ob.add({ itemCode: 'A', value: 1 })
    await expect(ob.drain()).resolves.toBe(false)
    // drain() tries at once instead of waiting for the timer.
    await expect(ob.drain()).resolves.toBe(true)
    expect(send).toHaveBeenCalledTimes(2)
  })

  it('keeps working in memory when localStorage cannot be written', async () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {},
    }
    const { send, calls } = controlledSend()
    const ob = make({ send, storage: full })
    ob.add({ itemCode: 'A', value: 1 })
    ob.add({ itemCode: 'B', value: 2 })
    expect(ob.persistent.value).toBe(false)
    expect(ob.entries.value.map((e) => e.itemCode)).toEqual(['A', 'B'])
    calls[0].resolve({})
    await flush()
    calls[1].resolve({})
    await flush()
    expect(send.mock.calls.map(([e]) => e.itemCode)).toEqual(['A', 'B'])
    expect(ob.entries.value).toEqual([])
  })
})

describe('an expired session', () => {
  it('keeps the answer for after the next login instead of dropping it', () => {
    expect(isTransientError(new ApiError({ status: 401 }))).toBe(true)
    expect(isTransientError(new ApiError({ status: 409 }))).toBe(false)
  })
})
