import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import * as api from '../api/client.js'
import { COMMENT_DEBOUNCE_MS, useResponseEditorStore } from './responseEditor.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return {
    ...actual,
    getResponse: vi.fn(),
    getRound: vi.fn(),
    getInstrumentVersion: vi.fn(),
    saveAnswer: vi.fn(),
  }
})

const instrument = {
  code: 'x',
  version: 1,
  title: 'X',
  scale: [{ value: 1, label: 'Ett' }, { value: 2, label: 'Två' }],
  dontKnowLabel: null,
  commentPrompt: null,
  parts: [{ code: 'A', title: 'A', items: [{ code: 'I1', text: 'Ett' }, { code: 'I2', text: 'Två' }] }],
}

let store

beforeEach(async () => {
  setActivePinia(createPinia())
  vi.mocked(api.getResponse).mockResolvedValue({ id: 1, roundId: 2, status: 'draft', answers: [] })
  vi.mocked(api.getRound).mockResolvedValue({ id: 2, instrumentCode: 'x', instrumentVersion: 1, status: 'open' })
  vi.mocked(api.getInstrumentVersion).mockResolvedValue(instrument)
  vi.mocked(api.saveAnswer).mockImplementation(async (id, code, body) => ({ itemCode: code, ...body }))
  store = useResponseEditorStore()
  await store.load(1)
})

afterEach(() => {
  vi.useRealTimers()
  vi.clearAllMocks()
})

describe('response editor store', () => {
  it('saves a comment after the typing pause, together with the chosen value', async () => {
    await store.choose('I1', 2)
    vi.useFakeTimers()
    store.editComment('I1', 'Hej')
    store.editComment('I1', 'Hej då')
    expect(api.saveAnswer).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(COMMENT_DEBOUNCE_MS - 1)
    expect(api.saveAnswer).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.saveAnswer).toHaveBeenCalledTimes(2)
    expect(api.saveAnswer).toHaveBeenLastCalledWith(1, 'I1', { value: 2, comment: 'Hej då' })
  })

  it('does not save a comment on an unanswered item on its own (it would mean "Vet inte")', async () => {
    store.editComment('I2', 'Anteckning')
    await store.commitComment('I2')
    expect(api.saveAnswer).not.toHaveBeenCalled()
    await store.choose('I2', 1)
    expect(api.saveAnswer).toHaveBeenCalledWith(1, 'I2', { value: 1, comment: 'Anteckning' })
  })

  it('coalesces changes made while a save is in flight and saves the latest state', async () => {
    let release
    vi.mocked(api.saveAnswer).mockImplementationOnce(
      () => new Promise((resolve) => (release = resolve)),
    )
    const first = store.choose('I1', 1)
    await Promise.resolve()
    store.choose('I1', 2)
    store.choose('I1', 1)
    expect(store.saveState.I1.status).toBe('saving')
    release({})
    await first
    await store.flush()
    expect(api.saveAnswer).toHaveBeenCalledTimes(2)
    expect(api.saveAnswer).toHaveBeenLastCalledWith(1, 'I1', { value: 1, comment: null })
    expect(store.saveState.I1.status).toBe('saved')
  })
})
