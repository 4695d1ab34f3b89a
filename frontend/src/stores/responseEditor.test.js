import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import * as api from '../api/client.js'
import { COMMENT_DEBOUNCE_MS, useResponseEditorStore } from './responseEditor.js'
import { outboxKey } from './outbox.js'
import { linkSource } from './responseSources.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return {
    ...actual,
    getResponse: vi.fn(),
    getRound: vi.fn(),
    getInstrumentVersion: vi.fn(),
    saveAnswer: vi.fn(),
    submitResponse: vi.fn(),
    getSurvey: vi.fn(),
    getSurveyInstrument: vi.fn(),
    getSurveyResponse: vi.fn(),
    saveSurveyAnswer: vi.fn(),
    submitSurvey: vi.fn(),
  }
})

const instrument = {
  code: 'x',
  version: 1,
  title: 'X',
  scale: [
    { value: 1, label: 'Ett' },
    { value: 2, label: 'Två' },
  ],
  dontKnowLabel: null,
  commentPrompt: null,
  parts: [
    {
      code: 'A',
      title: 'A',
      items: [
        { code: 'I1', text: 'Ett' },
        { code: 'I2', text: 'Två' },
      ],
    },
  ],
}

const draft = (answers = []) => ({ id: 1, roundId: 2, status: 'draft', answers })
const stored = () => JSON.parse(localStorage.getItem(outboxKey(1)) || '[]')
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

/** A fresh page: new Pinia, new store, loading response 1. */
async function openPage() {
  setActivePinia(createPinia())
  const store = useResponseEditorStore()
  await store.load('1')
  return store
}

let store

beforeEach(async () => {
  localStorage.clear()
  vi.mocked(api.getResponse).mockResolvedValue(draft())
  vi.mocked(api.getRound).mockResolvedValue({ id: 2, instrumentCode: 'x', instrumentVersion: 1, status: 'open' })
  vi.mocked(api.getInstrumentVersion).mockResolvedValue(instrument)
  vi.mocked(api.saveAnswer).mockImplementation(async (id, code, body) => ({ itemCode: code, ...body, applied: true }))
  store = await openPage()
})

afterEach(() => {
  store?.reset()
  vi.useRealTimers()
  vi.clearAllMocks()
})

describe('response editor store', () => {
  it('puts a choice in the outbox before sending it, with answeredAt and an Idempotency-Key', async () => {
    let release
    vi.mocked(api.saveAnswer).mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
    const before = Date.now()
    store.choose('I1', 2)

    expect(stored()).toEqual([expect.objectContaining({ itemCode: 'I1', value: 2, comment: null })])
    expect(store.saveState.I1.status).toBe('saving')
    expect(store.globalStatus).toBe('saving')
    const [id, code, body, key] = vi.mocked(api.saveAnswer).mock.calls[0]
    expect([id, code]).toEqual([1, 'I1'])
    expect(body.value).toBe(2)
    expect(Date.parse(body.answeredAt)).toBeGreaterThanOrEqual(before)
    expect(key).toBe(stored()[0].idempotencyKey)

    release({ itemCode: 'I1', value: 2, comment: null, applied: true })
    await settle()
    expect(stored()).toEqual([])
    expect(store.saveState.I1.status).toBe('saved')
    expect(store.globalStatus).toBe('saved')
  })

  it('queues a comment after the typing pause, together with the chosen value', async () => {
    store.choose('I1', 2)
    await settle()
    vi.useFakeTimers()
    store.editComment('I1', 'Hej')
    store.editComment('I1', 'Hej då')
    expect(api.saveAnswer).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(COMMENT_DEBOUNCE_MS - 1)
    expect(api.saveAnswer).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.saveAnswer).toHaveBeenCalledTimes(2)
    expect(api.saveAnswer.mock.calls[1][2]).toMatchObject({ value: 2, comment: 'Hej då' })
  })

  it('does not send a comment on an unanswered item on its own (it would mean "Vet inte")', async () => {
    store.editComment('I2', 'Anteckning')
    store.commitComment('I2')
    await settle()
    expect(api.saveAnswer).not.toHaveBeenCalled()
    expect(stored()).toEqual([])
    store.choose('I2', 1)
    await settle()
    expect(api.saveAnswer.mock.calls[0][2]).toMatchObject({ value: 1, comment: 'Anteckning' })
  })

  it('keeps an answer through a "reload" while offline and sends it from the new page', async () => {
    vi.mocked(api.saveAnswer).mockRejectedValue(new api.ApiError({ status: 0 }))
    store.choose('I1', 2)
    store.choose('I2', null)
    await settle()
    expect(store.saveState.I1.status).toBe('retrying')
    expect(store.globalStatus).toBe('retrying')
    const keys = stored().map((e) => e.idempotencyKey)
    store.reset() // the old page is gone

    vi.mocked(api.saveAnswer).mockReset()
    let release
    vi.mocked(api.saveAnswer).mockImplementation(
      (id, code, body) =>
        new Promise((resolve) => (release = () => resolve({ itemCode: code, ...body, applied: true }))),
    )
    store = await openPage()
    // The server has nothing yet; the outbox is laid over it and shown as chosen.
    expect(store.selectedKey('I1')).toBe('2')
    expect(store.selectedKey('I2')).toBe('dontknow')
    expect(store.answeredCount).toBe(2)
    expect(store.saveState.I1.status).toBe('saving')

    release()
    await settle()
    release()
    await settle()
    expect(api.saveAnswer.mock.calls.map((c) => [c[1], c[3]])).toEqual([
      ['I1', keys[0]],
      ['I2', keys[1]],
    ])
    expect(store.saveState.I1.status).toBe('saved')
    expect(store.saveState.I2.status).toBe('saved')
    expect(stored()).toEqual([])
  })

  it('lays the outbox over newer server answers on load (the outbox is newer)', async () => {
    vi.mocked(api.saveAnswer).mockRejectedValue(new api.ApiError({ status: 503 }))
    store.choose('I1', 1)
    await settle()
    store.reset()
    vi.mocked(api.getResponse).mockResolvedValue(draft([{ itemCode: 'I1', value: 2, comment: 'Från servern' }]))
    store = await openPage()
    expect(store.values.I1).toBe(1)
  })

  it('drops an answer refused with 409, shows the detail and re-reads the response', async () => {
    vi.mocked(api.saveAnswer).mockRejectedValueOnce(
      new api.ApiError({ status: 409, detail: 'Svaret är redan inskickat.' }),
    )
    vi.mocked(api.getResponse).mockResolvedValue({ ...draft(), status: 'submitted' })
    store.choose('I1', 2)
    await settle()

    expect(stored()).toEqual([])
    expect(store.saveState.I1.status).toBe('error')
    expect(store.saveState.I1.error.detail).toBe('Svaret är redan inskickat.')
    expect(api.getResponse).toHaveBeenCalledTimes(2)
    expect(store.isSubmitted).toBe(true)
    expect(store.readOnly).toBe(true)
    // Not saved on the server, so not shown as answered.
    expect(store.selectedKey('I1')).toBeNull()
  })

  it('shows the later answer the server kept (applied: false)', async () => {
    vi.mocked(api.saveAnswer).mockResolvedValueOnce({
      itemCode: 'I1',
      value: 1,
      comment: 'Annan enhet',
      applied: false,
    })
    store.choose('I1', 2)
    await settle()
    expect(store.values.I1).toBe(1)
    expect(store.comments.I1).toBe('Annan enhet')
    expect(store.saveState.I1).toMatchObject({ status: 'saved', keptNewer: true })
  })

  it('does not submit while answers are unsent', async () => {
    vi.mocked(api.saveAnswer).mockRejectedValue(new api.ApiError({ status: 0 }))
    store.choose('I1', 2)
    await settle()
    await expect(store.submit()).resolves.toBe('unsent')
    expect(api.submitResponse).not.toHaveBeenCalled()
    expect(stored()).toHaveLength(1)

    vi.mocked(api.saveAnswer).mockResolvedValue({ itemCode: 'I1', value: 2, comment: null, applied: true })
    vi.mocked(api.submitResponse).mockResolvedValue({ id: 1, status: 'submitted' })
    await expect(store.submit()).resolves.toBe('submitted')
    expect(api.submitResponse).toHaveBeenCalledWith(1)
    expect(store.isSubmitted).toBe(true)
  })

  it('opens from the copy on the device when the server cannot be reached', async () => {
    vi.mocked(api.saveAnswer).mockResolvedValue({ itemCode: 'I1', value: 2, comment: null, applied: true })
    store.choose('I1', 2)
    await settle()
    vi.mocked(api.saveAnswer).mockRejectedValue(new api.ApiError({ status: 0 }))
    store.choose('I2', 1)
    await settle()
    store.reset()

    vi.mocked(api.getResponse).mockRejectedValue(new api.ApiError({ status: 0 }))
    store = await openPage()
    expect(store.loadError).toBeNull()
    expect(store.offline).toBe(true)
    expect(store.instrument.code).toBe('x')
    expect(store.values).toEqual({ I1: 2, I2: 1 })
    expect(store.saveState.I2.status).toBe('retrying')
  })
})

describe('response editor store through a survey link', () => {
  const survey = (roundStatus = 'open') => ({
    roundId: 2,
    roundLabel: '2025',
    roundStatus,
    organisationName: 'Exempelby',
    instrumentCode: 'x',
    instrumentVersion: 1,
    status: 'draft',
  })

  async function openLink() {
    setActivePinia(createPinia())
    const linked = useResponseEditorStore()
    await linked.loadFrom(linkSource('tok-1'))
    return linked
  }

  beforeEach(() => {
    // The outer beforeEach opened a signed-in response; start from a clean device.
    store?.reset()
    localStorage.clear()
    vi.mocked(api.getResponse).mockClear()
    vi.mocked(api.getSurvey).mockResolvedValue(survey())
    vi.mocked(api.getSurveyInstrument).mockResolvedValue(instrument)
    vi.mocked(api.getSurveyResponse).mockResolvedValue(draft([{ itemCode: 'I1', value: 1, comment: null }]))
    vi.mocked(api.saveSurveyAnswer).mockImplementation(async (token, code, body) => ({ itemCode: code, ...body }))
    vi.mocked(api.submitSurvey).mockResolvedValue({ id: 1, status: 'submitted' })
  })

  it('reads the response, round and instrument through the link, never the signed-in endpoints', async () => {
    store = await openLink()

    expect(api.getSurvey).toHaveBeenCalledWith('tok-1')
    expect(store.round).toMatchObject({ id: 2, label: '2025', status: 'open', organisationName: 'Exempelby' })
    expect(store.values).toEqual({ I1: 1 })
    expect(api.getResponse).not.toHaveBeenCalled()
  })

  it('sends each answer with the token and an Idempotency-Key, through the same outbox', async () => {
    store = await openLink()
    store.choose('I2', 2)
    expect(stored()).toEqual([expect.objectContaining({ itemCode: 'I2', value: 2 })])
    await settle()

    expect(api.saveSurveyAnswer).toHaveBeenCalledWith(
      'tok-1',
      'I2',
      expect.objectContaining({ value: 2, comment: null }),
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    )
    expect(api.saveAnswer).not.toHaveBeenCalled()
    expect(stored()).toEqual([])
  })

  it('keeps an unsent answer and the copy on the device, and opens from them without a connection', async () => {
    store = await openLink()
    vi.mocked(api.saveSurveyAnswer).mockRejectedValue(new api.ApiError({ status: 0 }))
    store.choose('I2', 2)
    await settle()
    store.reset()

    vi.mocked(api.getSurvey).mockRejectedValue(new api.ApiError({ status: 0 }))
    store = await openLink()

    expect(store.offline).toBe(true)
    expect(store.values).toEqual({ I1: 1, I2: 2 })
    expect(store.unsentCount).toBe(1)
  })

  it('submits through the link and forgets the copy', async () => {
    store = await openLink()
    await expect(store.submit()).resolves.toBe('submitted')

    expect(api.submitSurvey).toHaveBeenCalledWith('tok-1')
    expect(store.isSubmitted).toBe(true)
    expect(localStorage.getItem('lagesbild.response.s.tok-1')).toBeNull()
  })

  it('re-reads the link after a 409 and shows the round closed', async () => {
    store = await openLink()
    vi.mocked(api.saveSurveyAnswer).mockRejectedValueOnce(new api.ApiError({ status: 409, detail: 'Stängd.' }))
    vi.mocked(api.getSurvey).mockResolvedValue(survey('closed'))
    store.choose('I2', 2)
    await settle()
    await settle()

    expect(store.isRoundClosed).toBe(true)
    expect(store.readOnly).toBe(true)
  })
})
