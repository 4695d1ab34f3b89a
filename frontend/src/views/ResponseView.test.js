import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { RouterView, createMemoryHistory } from 'vue-router'
import { createAppRouter } from '../router/index.js'
import { createAppI18n } from '../i18n/index.js'
import * as api from '../api/client.js'

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
    { code: 'A', title: 'Del A', items: [{ code: 'CS-01', text: 'Påstående ett' }, { code: 'CS-02', text: 'Påstående två' }] },
    { code: 'B', title: 'Del B', items: [{ code: 'CS-03', text: 'Påstående tre' }] },
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

async function mountAt(path) {
  const router = createAppRouter(createMemoryHistory())
  const i18n = createAppI18n('sv')
  const Root = defineComponent({ render: () => h(RouterView) })
  router.push(path)
  await router.isReady()
  const wrapper = mount(Root, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

beforeEach(() => {
  // jsdom does not implement scrolling; the router's scrollBehavior calls it.
  window.scrollTo = vi.fn()
  setActivePinia(createPinia())
  vi.mocked(api.getRound).mockResolvedValue(round)
  vi.mocked(api.getInstrumentVersion).mockResolvedValue(instrument)
  vi.mocked(api.listOrganisations).mockResolvedValue([{ id: 3, name: 'Socialförvaltningen' }])
  vi.mocked(api.saveAnswer).mockImplementation(async (id, itemCode, body) => ({ itemCode, ...body }))
})

afterEach(() => {
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

    expect(api.saveAnswer).toHaveBeenCalledWith(7, 'CS-03', { value: null, comment: null })
    expect(wrapper.get('[data-testid="save-status-CS-03"]').text()).toBe('Sparat')
    expect(wrapper.get('[data-testid="progress"]').text()).toBe('1 av 3 besvarade')
    wrapper.unmount()
  })

  it('shows a retry when saving fails and the server detail in an alert', async () => {
    vi.mocked(api.getResponse).mockResolvedValue(responseWith([]))
    vi.mocked(api.saveAnswer).mockRejectedValueOnce(
      new api.ApiError({ status: 500, title: 'Error', detail: 'Databasen svarar inte.' }),
    )
    const { wrapper } = await mountAt('/svar/7')

    await wrapper.get('[data-testid="option-CS-01-2"]').setValue(true)
    await flushPromises()
    const status = wrapper.get('[data-testid="save-status-CS-01"]')
    expect(status.text()).toBe('Inte sparat – försök igen')
    expect(wrapper.get('[role="alert"]').text()).toContain('Databasen svarar inte.')

    await wrapper.get('[data-testid="item-CS-01"] .save-status button').trigger('click')
    await flushPromises()
    expect(api.saveAnswer).toHaveBeenCalledTimes(2)
    expect(wrapper.get('[data-testid="save-status-CS-01"]').text()).toBe('Sparat')
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
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/omgangar/11/resultat'))
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
})
