import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as api from '../api/client.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return {
    ...actual,
    getRound: vi.fn(),
    getScores: vi.fn(),
    getInstrumentVersion: vi.fn(),
    listOrganisations: vi.fn(),
    listActions: vi.fn(),
    createAction: vi.fn(),
    updateAction: vi.fn(),
    deleteAction: vi.fn(),
  }
})

const skattaLaget = {
  code: 'skatta-laget',
  version: 1,
  title: 'Skatta läget',
  kind: 'questionnaire',
  respondents: 'multiple',
  respondentRoles: [
    { code: 'ledning', label: 'Ledning', labelEn: 'Management' },
    { code: 'stodfunktion', label: 'Stödfunktion', labelEn: 'Support function' },
    { code: 'medarbetare', label: 'Medarbetare', labelEn: 'Staff' },
  ],
  scale: [1, 2, 3, 4].map((value) => ({ value, label: `S${value}` })),
  dontKnowLabel: 'Vet inte',
  parts: [
    {
      code: 'A',
      title: 'Styrning och ledning',
      titleEn: 'Governance',
      items: [{ code: 'SL-A1', text: 'Nämnden har beslutat' }],
    },
    { code: 'B', title: 'Kunskap', items: [{ code: 'SL-B1', text: 'Medarbetarna har kunskap' }] },
  ],
}

const staircase = {
  code: 'jamstalldhetstrappan',
  version: 1,
  title: 'Jämställdhetstrappan',
  kind: 'staircase',
  respondents: 'multiple',
  scale: [
    { value: 1, label: 'Omedvetet inkompetent' },
    { value: 2, label: 'Medvetet inkompetent' },
    { value: 3, label: 'Medvetet kompetent' },
    { value: 4, label: 'Omedvetet kompetent' },
  ],
  parts: [{ code: 'trappan', title: 'Trappan', items: [{ code: 'JT', text: 'Var är du?' }] }],
}

const hidden = { mean: undefined, suppressed: true }

const mountPage = async (path, locale) => (await mountAt(path, { locale })).wrapper

beforeEach(() => {
  window.scrollTo = vi.fn()
  HTMLCanvasElement.prototype.getContext = () => null
  signedInPinia()
  vi.mocked(api.listOrganisations).mockResolvedValue([{ id: 3, name: 'Socialförvaltningen' }])
  vi.mocked(api.listActions).mockResolvedValue([])
})

afterEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('ResultView', () => {
  it('shows spread and "Vet inte" per item, and the parts per role with hidden groups', async () => {
    vi.mocked(api.getRound).mockResolvedValue({
      id: 11,
      organisationId: 3,
      instrumentCode: 'skatta-laget',
      instrumentVersion: 1,
      label: '2025',
      status: 'closed',
    })
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(skattaLaget)
    vi.mocked(api.getScores).mockResolvedValue({
      respondents: 12,
      total: { mean: 2.5, sum: 5, answered: 2, items: 2, complete: true, suppressed: false },
      parts: [
        { code: 'A', title: 'Styrning och ledning', mean: 2.75, answered: 1, items: 1, suppressed: false },
        { code: 'B', title: 'Kunskap', mean: 2.25, answered: 1, items: 1, suppressed: false },
      ],
      items: [
        {
          code: 'SL-A1',
          mean: 2.75,
          n: 8,
          min: 1,
          max: 4,
          stdDev: 0.97,
          median: 3,
          highShare: 0.63,
          dontKnow: 4,
          suppressed: false,
          distribution: [],
        },
        { code: 'SL-B1', suppressed: true },
      ],
      roles: [
        {
          code: 'ledning',
          label: 'Ledning',
          respondents: 2,
          suppressed: true,
          total: { suppressed: true },
          parts: [],
          items: [],
        },
        {
          code: 'stodfunktion',
          label: 'Stödfunktion',
          respondents: 5,
          suppressed: true,
          total: { suppressed: true },
          parts: [],
          items: [],
        },
        {
          code: 'medarbetare',
          label: 'Medarbetare',
          respondents: 5,
          suppressed: false,
          total: { mean: 2.4, suppressed: false },
          parts: [
            { code: 'A', mean: 2.6, suppressed: false },
            { code: 'B', ...hidden },
          ],
          items: [],
        },
      ],
    })
    const wrapper = await mountPage('/omgangar/11/resultat')

    expect(wrapper.get('[data-testid="respondents"]').text()).toBe('Antal svarande: 12')
    const rows = wrapper.findAll('[data-testid="item-row"]')
    const cells = rows[0].findAll('td').map((td) => td.text())
    expect(cells.slice(0, 7)).toEqual(['Nämnden har beslutat', '2,75', '8', '1', '4', '0,97', '4'])
    expect(cells[7]).toBe('Lägg till åtgärd')
    expect(rows[1].text()).toContain('Dolt – färre än 5 svarande')
    expect(rows[1].text()).not.toMatch(/\b0\b/)

    const roleRows = wrapper.findAll('[data-testid="role-row"]')
    expect(roleRows).toHaveLength(3)
    expect(roleRows[0].get('th').text()).toBe('Ledning')
    expect(roleRows[0].text()).toContain('Dolt – färre än 5 svarande')
    expect(roleRows[1].text()).toContain('Dolt – så att en mindre grupp inte kan räknas fram')
    expect(roleRows[2].findAll('td').map((td) => td.text())).toEqual(['5', '2,60', 'Dolt', '2,40'])
    expect(wrapper.get('#roles-heading').text()).toBe('Per roll')
    wrapper.unmount()
  })

  it('shows the staircase: median step, share on steps 3–4, chart and table', async () => {
    vi.mocked(api.getRound).mockResolvedValue({
      id: 12,
      organisationId: 3,
      instrumentCode: 'jamstalldhetstrappan',
      instrumentVersion: 1,
      label: 'Workshop',
      status: 'open',
    })
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(staircase)
    vi.mocked(api.getScores).mockResolvedValue({
      respondents: 10,
      total: { mean: 2.4, sum: 2.4, answered: 1, items: 1, complete: true, suppressed: false },
      parts: [{ code: 'trappan', mean: 2.4, answered: 1, items: 1, suppressed: false }],
      items: [
        {
          code: 'JT',
          mean: 2.4,
          n: 10,
          min: 1,
          max: 4,
          stdDev: 0.92,
          median: 2.5,
          highShare: 0.5,
          dontKnow: 0,
          suppressed: false,
          distribution: [
            { value: 1, count: 2 },
            { value: 2, count: 3 },
            { value: 3, count: 4 },
            { value: 4, count: 1 },
          ],
        },
      ],
      roles: [],
    })
    const wrapper = await mountPage('/omgangar/12/resultat')

    expect(wrapper.get('[data-testid="staircase-median"]').text()).toBe('Mellan steg 2 och 3')
    expect(wrapper.get('[data-testid="staircase-high-share"]').text()).toMatch(/^50\s%$/)
    expect(wrapper.text()).toContain('Andel på steg 3–4')
    const rows = wrapper.findAll('[data-testid="staircase-row"]')
    expect(rows.map((r) => [r.get('th').text(), r.findAll('td')[0].text()])).toEqual([
      ['Steg 1 – Omedvetet inkompetent', '2'],
      ['Steg 2 – Medvetet inkompetent', '3'],
      ['Steg 3 – Medvetet kompetent', '4'],
      ['Steg 4 – Omedvetet kompetent', '1'],
    ])
    const label = wrapper.get('[data-testid="staircase-chart"] canvas').attributes('aria-label')
    expect(label).toContain('Steg 3 Medvetet kompetent: 4')
    // Not the checklist's sum and parts.
    expect(wrapper.find('[data-testid="total-sum"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="item-row"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('names the median step, and hides a staircase with too few respondents', async () => {
    vi.mocked(api.getRound).mockResolvedValue({
      id: 12,
      organisationId: 3,
      instrumentCode: 'jamstalldhetstrappan',
      instrumentVersion: 1,
      label: 'W',
      status: 'open',
    })
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(staircase)
    vi.mocked(api.getScores).mockResolvedValue({
      respondents: 5,
      items: [
        {
          code: 'JT',
          median: 3,
          highShare: 0.6,
          n: 5,
          suppressed: false,
          distribution: [
            { value: 3, count: 3 },
            { value: 2, count: 2 },
          ],
        },
      ],
      parts: [],
      roles: [],
    })
    let wrapper = await mountPage('/omgangar/12/resultat')
    expect(wrapper.get('[data-testid="staircase-median"]').text()).toBe('Steg 3 – Medvetet kompetent')
    wrapper.unmount()

    vi.mocked(api.getScores).mockResolvedValue({
      respondents: 3,
      items: [{ code: 'JT', suppressed: true }],
      parts: [],
      roles: [],
    })
    wrapper = await mountPage('/omgangar/12/resultat')
    expect(wrapper.find('[data-testid="staircase-median"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="staircase-suppressed"]').text()).toBe('Dolt – färre än 5 svarande')
    wrapper.unmount()
  })

  it('records an action on an item with what, who, due date and status, then changes its status and removes it', async () => {
    vi.mocked(api.getRound).mockResolvedValue({
      id: 11,
      organisationId: 3,
      instrumentCode: 'skatta-laget',
      instrumentVersion: 1,
      label: '2025',
      status: 'closed',
    })
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(skattaLaget)
    vi.mocked(api.getScores).mockResolvedValue({
      respondents: 12,
      total: { mean: 2.1, sum: 4.2, answered: 2, items: 2, complete: true, suppressed: false },
      parts: [],
      items: [
        { code: 'SL-A1', mean: 1.75, n: 8, min: 1, max: 3, stdDev: 0.5, dontKnow: 0, suppressed: false },
        { code: 'SL-B1', mean: 3.5, n: 8, min: 3, max: 4, stdDev: 0.5, dontKnow: 0, suppressed: false },
      ],
      roles: [],
    })
    const saved = {
      id: 41,
      roundId: 11,
      itemCode: 'SL-A1',
      what: 'Ta fram en plan',
      who: 'Ledningsgruppen',
      dueDate: '2025-12-31',
      status: 'ongoing',
    }
    vi.mocked(api.createAction).mockResolvedValue(saved)
    vi.mocked(api.updateAction).mockImplementation(async (id, body) => ({ ...saved, ...body }))
    vi.mocked(api.deleteAction).mockResolvedValue(null)
    const wrapper = await mountPage('/omgangar/11/resultat')
    const $ = (id) => wrapper.get(`[data-testid="${id}"]`)

    // The low item is marked; both items can get an action.
    const rows = wrapper.findAll('[data-testid="item-row"]')
    expect(rows[0].find('[data-testid="item-low"]').exists()).toBe(true)
    expect(rows[1].find('[data-testid="item-low"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Inga åtgärder är inlagda för den här omgången än.')

    await $('action-add-SL-A1').trigger('click')
    // Saving without saying what is refused before anything is sent.
    await $('action-save').trigger('click')
    await flushPromises()
    expect(api.createAction).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Beskriv åtgärden.')

    await $('action-what').setValue('  Ta fram en plan ')
    await $('action-who').setValue('Ledningsgruppen')
    await $('action-due').setValue('2025-12-31')
    await $('action-status').setValue('ongoing')
    await $('action-save').trigger('click')
    await flushPromises()

    expect(api.createAction).toHaveBeenCalledTimes(1)
    expect(api.createAction).toHaveBeenCalledWith('11', {
      itemCode: 'SL-A1',
      what: 'Ta fram en plan',
      who: 'Ledningsgruppen',
      dueDate: '2025-12-31',
      status: 'ongoing',
    })
    expect(wrapper.find('[data-testid="action-what"]').exists()).toBe(false)
    expect($('action-message').text()).toBe('Åtgärden för SL-A1 har sparats.')
    expect(rows[0].get('[data-testid="item-action"]').text()).toBe('Åtgärd: Ta fram en plan — pågår')
    const actionRows = wrapper.findAll('[data-testid="action-row"]')
    expect(actionRows).toHaveLength(1)
    expect(actionRows[0].text()).toContain('Ledningsgruppen')

    await $('action-row-status').setValue('done')
    await flushPromises()
    expect(api.updateAction).toHaveBeenCalledWith(41, {
      what: 'Ta fram en plan',
      who: 'Ledningsgruppen',
      dueDate: '2025-12-31',
      status: 'done',
    })
    expect(rows[0].get('[data-testid="item-action"]').text()).toBe('Åtgärd: Ta fram en plan — genomförd')

    await $('action-delete').trigger('click')
    await $('action-delete-confirm').trigger('click')
    await flushPromises()
    expect(api.deleteAction).toHaveBeenCalledWith(41)
    expect(wrapper.findAll('[data-testid="action-row"]')).toHaveLength(0)
    wrapper.unmount()
  })

  it('sends empty "who" and due date as null and "planerad" by default, and links the downloads', async () => {
    vi.mocked(api.getRound).mockResolvedValue({
      id: 11,
      organisationId: 3,
      instrumentCode: 'skatta-laget',
      instrumentVersion: 1,
      label: '2025',
      status: 'open',
    })
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(skattaLaget)
    vi.mocked(api.getScores).mockResolvedValue({
      respondents: 6,
      total: { mean: 3, sum: 6, answered: 2, items: 2, complete: true, suppressed: false },
      parts: [],
      items: [{ code: 'SL-B1', mean: 3, n: 6, suppressed: false }],
      roles: [],
    })
    vi.mocked(api.createAction).mockImplementation(async (roundId, body) => ({ id: 1, roundId: 11, ...body }))
    const wrapper = await mountPage('/omgangar/11/resultat')
    await wrapper.get('[data-testid="action-add-SL-B1"]').trigger('click')
    await wrapper.get('[data-testid="action-what"]').setValue('Utbildning för alla')
    await wrapper.get('[data-testid="action-save"]').trigger('click')
    await flushPromises()
    expect(api.createAction).toHaveBeenCalledWith('11', {
      itemCode: 'SL-B1',
      what: 'Utbildning för alla',
      who: null,
      dueDate: null,
      status: 'planned',
    })
    expect(wrapper.get('[data-testid="action-row"]').text()).toContain('SL-B1')

    expect(wrapper.get('[data-testid="export-answers-csv"]').attributes('href')).toBe(
      '/api/rounds/11/export/answers.csv',
    )
    expect(wrapper.get('[data-testid="export-answers-xlsx"]').attributes('href')).toBe(
      '/api/rounds/11/export/answers.xlsx',
    )
    expect(wrapper.get('[data-testid="export-scores-csv"]').attributes('href')).toBe('/api/rounds/11/export/scores.csv')
    expect(wrapper.get('[data-testid="export-scores-xlsx"]').attributes('href')).toBe(
      '/api/rounds/11/export/scores.xlsx',
    )
    wrapper.unmount()
  })
})
