import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as api from '../api/client.js'
import { useResponseEditorStore } from '../stores/responseEditor.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return {
    ...actual,
    getResponse: vi.fn(),
    getRound: vi.fn(),
    getInstrumentVersion: vi.fn(),
    listOrganisations: vi.fn(),
    saveAnswer: vi.fn(),
    submitResponse: vi.fn(),
    getScores: vi.fn(),
  }
})

const instrument = {
  code: 'checklist-systematik',
  version: 1,
  title: 'Checklista systematik',
  kind: 'checklist',
  respondents: 'single',
  scale: [
    { value: 1, label: 'Inte påbörjat' },
    { value: 2, label: 'Påbörjat' },
    { value: 3, label: 'Delvis genomfört' },
    { value: 4, label: 'Genomfört' },
  ],
  dontKnowLabel: 'Vet inte',
  commentPrompt: 'Kommentar (frivillig)',
  parts: [
    {
      code: 'A',
      title: 'Del A',
      items: [
        { code: 'CS-01', text: 'Påstående ett' },
        { code: 'CS-02', text: 'Påstående två' },
      ],
    },
    { code: 'B', title: 'Del B', items: [{ code: 'CS-03', text: 'Påstående tre' }] },
  ],
}

const staircase = {
  code: 'jamstalldhetstrappan',
  version: 1,
  title: 'Jämställdhetstrappan',
  titleEn: 'The gender equality staircase',
  kind: 'staircase',
  respondents: 'multiple',
  scale: [
    {
      value: 1,
      label: 'Omedvetet inkompetent',
      labelEn: 'Unconsciously incompetent',
      description: 'Jag ser inte hur kön påverkar vårt arbete.',
      descriptionEn: 'I do not see how gender affects our work.',
    },
    {
      value: 2,
      label: 'Medvetet inkompetent',
      labelEn: 'Consciously incompetent',
      description: 'Jag ser ojämställdhet men saknar verktyg.',
    },
    {
      value: 3,
      label: 'Medvetet kompetent',
      labelEn: 'Consciously competent',
      description: 'Jag vet hur jag kan arbeta med jämställdhet.',
    },
    {
      value: 4,
      label: 'Omedvetet kompetent',
      labelEn: 'Unconsciously competent',
      description: 'Jämställdhet är en självklar del av mitt arbete.',
    },
  ],
  commentPrompt: 'Vad fick dig att välja just det steget? (valfritt)',
  reflectionPrompts: [
    { text: 'Vad behöver du för att ta nästa steg?', textEn: 'What do you need to take the next step?' },
    { text: 'Hur förbereder vi oss?' },
  ],
  parts: [
    {
      code: 'trappan',
      title: 'Var är du i jämställdhetstrappan?',
      items: [{ code: 'JT', text: 'Var är du i jämställdhetstrappan?' }],
    },
  ],
}

const round = {
  id: 11,
  organisationId: 3,
  instrumentCode: 'checklist-systematik',
  instrumentVersion: 1,
  label: '2025',
  status: 'open',
}

function responseWith(answers, status = 'draft') {
  return { id: 7, roundId: 11, status, respondentRole: null, answers }
}

beforeEach(() => {
  localStorage.clear()
  // jsdom does not implement scrolling; the router's scrollBehavior calls it.
  window.scrollTo = vi.fn()
  signedInPinia()
  vi.mocked(api.getRound).mockResolvedValue(round)
  vi.mocked(api.getInstrumentVersion).mockResolvedValue(instrument)
  vi.mocked(api.listOrganisations).mockResolvedValue([{ id: 3, name: 'Socialförvaltningen' }])
  vi.mocked(api.saveAnswer).mockImplementation(async (id, itemCode, body) => ({ itemCode, ...body }))
})

afterEach(() => {
  // Stop the outbox of this test's page, so no retry of it runs into the next test.
  useResponseEditorStore().reset()
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('ResponseView', () => {
  it('counts "Vet inte" as answered in the progress and shows the stored choices', async () => {
    vi.mocked(api.getResponse).mockResolvedValue(
      responseWith([
        { itemCode: 'CS-01', value: 3, comment: 'Bra' },
        { itemCode: 'CS-02', value: null, comment: null },
      ]),
    )
    const { wrapper } = await mountAt('/svar/7')

    expect(wrapper.get('[data-testid="progress"]').text()).toBe('2 av 3 besvarade')
    expect(wrapper.get('[data-testid="option-CS-01-3"]').element.checked).toBe(true)
    expect(wrapper.get('[data-testid="option-CS-02-dontknow"]').element.checked).toBe(true)
    expect(wrapper.get('[data-testid="comment-CS-01"]').element.value).toBe('Bra')
    expect(wrapper.get('[data-testid="item-CS-01"] legend').text()).toContain('Påstående ett')
    expect(wrapper.get('[data-testid="item-CS-01"]').text()).toContain('1 – Inte påbörjat')
    wrapper.unmount()
  })

  it('saves a choice immediately and reports "Sparat"', async () => {
    vi.mocked(api.getResponse).mockResolvedValue(responseWith([]))
    let release
    vi.mocked(api.saveAnswer).mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
    const { wrapper } = await mountAt('/svar/7')
    expect(wrapper.get('[data-testid="progress"]').text()).toBe('0 av 3 besvarade')

    await wrapper.get('[data-testid="option-CS-03-dontknow"]').setValue(true)
    await flushPromises()
    expect(wrapper.get('[data-testid="save-status-CS-03"]').text()).toBe('Sparar…')
    release({ itemCode: 'CS-03', value: null, comment: null })
    await flushPromises()

    expect(api.saveAnswer).toHaveBeenCalledWith(
      7,
      'CS-03',
      { value: null, comment: null, answeredAt: expect.any(String) },
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    )
    expect(wrapper.get('[data-testid="save-status-CS-03"]').text()).toBe('Sparat')
    expect(wrapper.get('[data-testid="progress"]').text()).toBe('1 av 3 besvarade')
    wrapper.unmount()
  })

  it('keeps a failed answer, says it will try again, and sends it on "Försök igen nu"', async () => {
    vi.mocked(api.getResponse).mockResolvedValue(responseWith([]))
    vi.mocked(api.saveAnswer).mockRejectedValueOnce(
      new api.ApiError({ status: 500, title: 'Error', detail: 'Databasen svarar inte.' }),
    )
    const { wrapper } = await mountAt('/svar/7')

    await wrapper.get('[data-testid="option-CS-01-2"]').setValue(true)
    await flushPromises()
    expect(wrapper.get('[data-testid="save-status-CS-01"]').text()).toBe('Inte sparat än – vi försöker igen')
    expect(wrapper.get('[data-testid="save-status-global"]').text()).toBe('Inte sparat än – vi försöker igen')
    expect(wrapper.get('[data-testid="save-status-global"]').attributes('aria-live')).toBe('polite')
    expect(wrapper.get('[data-testid="unsent-count"]').text()).toContain('Ett svar väntar på att skickas.')
    expect(wrapper.get('[data-testid="option-CS-01-2"]').element.checked).toBe(true)

    await wrapper.get('[data-testid="item-CS-01"] .save-status button').trigger('click')
    await flushPromises()
    expect(api.saveAnswer).toHaveBeenCalledTimes(2)
    expect(api.saveAnswer.mock.calls[1][3]).toBe(api.saveAnswer.mock.calls[0][3])
    expect(wrapper.get('[data-testid="save-status-CS-01"]').text()).toBe('Sparat')
    expect(wrapper.get('[data-testid="save-status-global"]').text()).toBe('Sparat')
    wrapper.unmount()
  })

  it('shows the problem detail when the server refuses an answer', async () => {
    vi.mocked(api.getResponse).mockResolvedValue(responseWith([]))
    vi.mocked(api.saveAnswer).mockRejectedValueOnce(
      new api.ApiError({ status: 400, title: 'Bad Request', detail: 'Värdet 5 finns inte på skalan.' }),
    )
    const { wrapper } = await mountAt('/svar/7')

    await wrapper.get('[data-testid="option-CS-01-2"]').setValue(true)
    await flushPromises()
    expect(wrapper.get('[data-testid="save-status-CS-01"]').text()).toBe('Inte sparat')
    expect(wrapper.get('[data-testid="item-CS-01"]').text()).toContain('Värdet 5 finns inte på skalan.')
    expect(wrapper.get('[role="alert"]').text()).toContain('Värdet 5 finns inte på skalan.')
    expect(localStorage.getItem('lagesbild.outbox.7')).toBeNull()
    wrapper.unmount()
  })

  it('explains that unsent answers must be sent before submitting', async () => {
    vi.mocked(api.getResponse).mockResolvedValue(responseWith([{ itemCode: 'CS-01', value: 4, comment: null }]))
    vi.mocked(api.saveAnswer).mockRejectedValue(new api.ApiError({ status: 0 }))
    const { wrapper } = await mountAt('/svar/7')

    await wrapper.get('[data-testid="option-CS-02-3"]').setValue(true)
    await flushPromises()
    await wrapper.get('[data-testid="review"]').trigger('click')
    await wrapper.get('[data-testid="submit"]').trigger('click')
    await flushPromises()
    expect(api.submitResponse).not.toHaveBeenCalled()
    expect(wrapper.get('#review [role="alert"]').text()).toContain('Ett svar har inte kommit fram till servern än')
    wrapper.unmount()
  })

  it('lists unanswered items in the review and navigates to the result after submit', async () => {
    vi.mocked(api.getResponse).mockResolvedValue(responseWith([{ itemCode: 'CS-01', value: 4, comment: null }]))
    vi.mocked(api.submitResponse).mockResolvedValue({ id: 7, status: 'submitted' })
    vi.mocked(api.getScores).mockReturnValue(new Promise(() => {}))
    const { wrapper, router } = await mountAt('/svar/7')

    await wrapper.get('[data-testid="review"]').trigger('click')
    const list = wrapper.get('[data-testid="unanswered-list"]')
    expect(list.findAll('li').map((li) => li.text())).toEqual(['CS-02 Påstående två', 'CS-03 Påstående tre'])

    await wrapper.get('[data-testid="submit"]').trigger('click')
    await flushPromises()
    expect(api.submitResponse).toHaveBeenCalledWith(7)
    // The result page is loaded lazily; in a cold test worker that can take more than a second.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/omgangar/11/resultat'), { timeout: 5000 })
    wrapper.unmount()
  })

  it('shows a submitted response read-only', async () => {
    vi.mocked(api.getResponse).mockResolvedValue(
      responseWith([{ itemCode: 'CS-01', value: 1, comment: null }], 'submitted'),
    )
    const { wrapper } = await mountAt('/svar/7')

    expect(wrapper.text()).toContain('Svaret är inskickat')
    expect(wrapper.get('[data-testid="option-CS-02-1"]').element.matches(':disabled')).toBe(true)
    expect(wrapper.get('[data-testid="comment-CS-02"]').element.readOnly).toBe(true)
    expect(wrapper.find('[data-testid="review"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows the staircase: four steps with names and descriptions, then the reflection prompts', async () => {
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(staircase)
    vi.mocked(api.getRound).mockResolvedValue({ ...round, instrumentCode: 'jamstalldhetstrappan' })
    vi.mocked(api.getResponse).mockResolvedValue(responseWith([]))
    const { wrapper } = await mountAt('/svar/7')

    expect(wrapper.get('h1').text()).toBe('Jämställdhetstrappan')
    expect(wrapper.get('[data-testid="progress"]').text()).toBe('0 av 1 besvarade')
    const radios = wrapper.findAll('[data-testid="item-JT"] input[type="radio"]')
    expect(radios).toHaveLength(4)
    // One native radio group: Tab moves into it, the arrow keys move and select.
    expect(new Set(radios.map((r) => r.attributes('name')))).toEqual(new Set(['answer-JT']))
    expect(wrapper.find('[data-testid="option-JT-dontknow"]').exists()).toBe(false)
    const steps = wrapper.findAll('.stair')
    expect(steps.map((s) => s.find('.stair__number').text())).toEqual(['Steg 1', 'Steg 2', 'Steg 3', 'Steg 4'])
    expect(steps.map((s) => s.find('.stair__name').text())).toEqual(staircase.scale.map((s) => s.label))
    expect(steps.map((s) => s.find('.stair__description').text())).toEqual(staircase.scale.map((s) => s.description))
    // The radio's name is the step and its name; the description describes it.
    const third = wrapper.get('[data-testid="option-JT-3"]')
    const labelledBy = third
      .attributes('aria-labelledby')
      .split(' ')
      .map((id) => document.getElementById(id).textContent)
    expect(labelledBy).toEqual(['Steg 3', 'Medvetet kompetent'])
    expect(document.getElementById(third.attributes('aria-describedby')).textContent.trim()).toBe(
      staircase.scale[2].description,
    )

    const prompts = wrapper.get('[data-testid="reflection-prompts"]')
    expect(prompts.text()).toContain('gemensamma samtalet')
    expect(prompts.findAll('li').map((li) => li.text())).toEqual([
      'Vad behöver du för att ta nästa steg?',
      'Hur förbereder vi oss?',
    ])

    await third.setValue(true)
    await flushPromises()
    expect(api.saveAnswer).toHaveBeenCalledWith(7, 'JT', expect.objectContaining({ value: 3 }), expect.any(String))
    expect(wrapper.get('[data-testid="save-status-JT"]').text()).toBe('Sparat')
    expect(wrapper.get('.stair--selected .stair__name').text()).toBe('Medvetet kompetent')
    expect(wrapper.get('[data-testid="progress"]').text()).toBe('1 av 1 besvarade')
    wrapper.unmount()
  })

  it('shows the English texts of the instrument when the language is English', async () => {
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(staircase)
    vi.mocked(api.getResponse).mockResolvedValue(responseWith([]))
    const { wrapper } = await mountAt('/svar/7', { locale: 'en' })

    expect(wrapper.get('h1').text()).toBe('The gender equality staircase')
    expect(wrapper.get('.stair__name').text()).toBe('Unconsciously incompetent')
    // No English description: the Swedish one is shown.
    expect(wrapper.findAll('.stair__description')[1].text()).toBe(staircase.scale[1].description)
    expect(wrapper.get('[data-testid="reflection-prompts"] li').text()).toBe('What do you need to take the next step?')
    wrapper.unmount()
  })

  it('shows the respondent role', async () => {
    vi.mocked(api.getInstrumentVersion).mockResolvedValue({
      ...instrument,
      respondents: 'multiple',
      respondentRoles: [
        { code: 'ledning', label: 'Ledning', labelEn: 'Management' },
        { code: 'medarbetare', label: 'Medarbetare', labelEn: 'Staff' },
      ],
    })
    vi.mocked(api.getResponse).mockResolvedValue({ ...responseWith([]), respondentRole: 'medarbetare' })
    const { wrapper } = await mountAt('/svar/7')
    expect(wrapper.get('[data-testid="response-role"]').text()).toBe('Du svarar som: Medarbetare')
    wrapper.unmount()
  })
})
