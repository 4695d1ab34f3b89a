import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as api from '../api/client.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return {
    ...actual,
    listOrganisations: vi.fn(),
    listRounds: vi.fn(),
    listInstruments: vi.fn(),
    listInstrumentVersions: vi.fn(),
    getInstrumentVersion: vi.fn(),
    getTrend: vi.fn(),
    importRound: vi.fn(),
  }
})

const checklist = {
  code: 'checklist-systematik',
  version: 1,
  title: 'Checklista för systematiskt arbete',
  kind: 'checklist',
  scale: [1, 2, 3, 4].map((value) => ({ value, label: `S${value}` })),
  parts: [
    {
      code: 'P1',
      title: 'Styrning',
      items: [
        { code: 'CS-01', text: 'Ett' },
        { code: 'CS-02', text: 'Två' },
        { code: 'CS-03', text: 'Tre' },
      ],
    },
    { code: 'P2', title: 'Uppföljning', items: [{ code: 'CS-10', text: 'Tio' }] },
  ],
}
const skatta = { code: 'skatta-laget', version: 1, title: 'Skatta läget', kind: 'questionnaire', parts: [] }

const round = (id, label, instrumentCode, createdAt) => ({
  id,
  organisationId: 3,
  instrumentCode,
  instrumentVersion: 1,
  label,
  status: 'closed',
  createdAt,
})

const rounds = [
  round(21, '2023', 'checklist-systematik', '2023-03-01T10:00:00Z'),
  round(22, '2024', 'checklist-systematik', '2024-03-01T10:00:00Z'),
  round(23, 'Våren 2025', 'skatta-laget', '2025-02-01T10:00:00Z'),
]

const summary = (roundId, label, mean, parts, extra = {}) => ({
  roundId,
  label,
  instrumentVersion: 1,
  status: 'closed',
  respondents: 1,
  total: { mean, sum: null, answered: 3, items: 3, complete: true, suppressed: false },
  parts,
  ...extra,
})

let router

async function mountPage(path) {
  let wrapper
  ;({ wrapper, router } = await mountAt(path))
  return wrapper
}

function chooseFile(input, name = 'svar-2022.xlsx') {
  const file = new File(['x'], name)
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  return input.trigger('change').then(() => file)
}

beforeEach(() => {
  window.scrollTo = vi.fn()
  HTMLCanvasElement.prototype.getContext = () => null
  signedInPinia()
  vi.mocked(api.listOrganisations).mockResolvedValue([{ id: 3, name: 'Socialförvaltningen' }])
  vi.mocked(api.listRounds).mockResolvedValue(rounds)
  vi.mocked(api.listInstruments).mockResolvedValue([
    { code: 'checklist-systematik', version: 1, title: checklist.title },
    { code: 'skatta-laget', version: 1, title: skatta.title },
  ])
  vi.mocked(api.listInstrumentVersions).mockResolvedValue([{ code: 'checklist-systematik', version: 1 }])
  vi.mocked(api.getInstrumentVersion).mockImplementation(async (code) => (code === 'skatta-laget' ? skatta : checklist))
  vi.mocked(api.getTrend).mockResolvedValue({
    organisationId: 3,
    instrumentCode: 'checklist-systematik',
    rounds: [
      summary(21, '2023', 2.2, [
        { code: 'P1', title: 'Styrning', mean: 2, answered: 2, items: 2, suppressed: false },
        { code: 'P2', title: 'Uppföljning', mean: 2.5, answered: 1, items: 1, suppressed: false },
      ]),
      summary(
        22,
        '2024',
        null,
        [
          { code: 'P1', title: 'Styrning', mean: null, answered: null, items: 2, suppressed: true },
          { code: 'P2', title: 'Uppföljning', mean: null, answered: null, items: 1, suppressed: true },
        ],
        { total: { mean: null, suppressed: true } },
      ),
    ],
  })
})

afterEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('OrganisationView: comparing, trend and import', () => {
  it('offers two rounds of the same instrument and opens their comparison', async () => {
    const wrapper = await mountPage('/organisationer/3')
    const from = wrapper.get('[data-testid="compare-from"]')
    const to = wrapper.get('[data-testid="compare-to"]')
    // Only the checklist has two rounds, so only its rounds are offered; the latest two are chosen.
    expect(from.findAll('option').map((o) => o.text())).toEqual(['2023', '2024'])
    expect(from.element.value).toBe('21')
    expect(to.findAll('option').map((o) => o.text())).toEqual(['2024'])
    expect(to.element.value).toBe('22')

    await from.setValue('22')
    expect(to.findAll('option').map((o) => o.text())).toEqual(['2023'])
    expect(to.element.value).toBe('21')

    await wrapper.get('[data-testid="compare-go"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('comparison'), { timeout: 5000 })
    expect(router.currentRoute.value.query).toEqual({ from: '22', to: '21' })
    wrapper.unmount()
  })

  it('shows the trend of an instrument with two rounds, says that a trend needs three, and shows "Dolt"', async () => {
    const wrapper = await mountPage('/organisationer/3')
    expect(api.getTrend).toHaveBeenCalledTimes(1)
    expect(api.getTrend).toHaveBeenCalledWith(3, 'checklist-systematik')
    expect(wrapper.get('[data-testid="trend-needs-three"]').text()).toBe(
      'Det finns 2 omgångar. För att se en trend behövs minst tre omgångar.',
    )
    const rows = wrapper.findAll('[data-testid="trend-row"]')
    expect(rows.map((r) => [r.get('th').text(), ...r.findAll('td').map((td) => td.text())])).toEqual([
      ['2023', '1', '2,20', '2,00', '2,50'],
      ['2024', '1', 'Dolt', 'Dolt', 'Dolt'],
    ])
    expect(wrapper.find('[data-testid="trend-chart"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('imports a past round: the new round appears in the list', async () => {
    const imported = round(30, '2022', 'checklist-systematik', '2026-01-01T10:00:00Z')
    vi.mocked(api.importRound).mockResolvedValue({ round: imported, responses: 4, answers: 40 })
    const wrapper = await mountPage('/organisationer/3')
    expect(wrapper.get('[data-testid="import-help"]').text()).toContain('CS-01 … CS-10')
    expect(wrapper.get('[data-testid="import-help"]').text()).toContain('semikolon')

    const file = await chooseFile(wrapper.get('[data-testid="import-file"]'))
    await wrapper.get('[data-testid="import-instrument"]').setValue('checklist-systematik')
    await wrapper.get('[data-testid="import-label"]').setValue('2022')
    await wrapper.get('[data-testid="import-go"]').trigger('click')
    await flushPromises()

    expect(api.importRound).toHaveBeenCalledWith(3, {
      file,
      instrumentCode: 'checklist-systematik',
      label: '2022',
      instrumentVersion: null,
    })
    expect(wrapper.get('[data-testid="import-result"]').text()).toBe('Omgången 2022 har lästs in med 4 svar.')
    expect(wrapper.findAll('[data-testid="round-link"]').map((a) => a.text())).toContain('2022')
    wrapper.unmount()
  })

  it('lists every problem the server found in the file', async () => {
    vi.mocked(api.importRound).mockRejectedValue(
      new api.ApiError({
        status: 400,
        detail: 'Filen kunde inte läsas in. Inget har sparats.',
        errors: [
          { field: 'rad 3, kolumn CS-04', message: 'Värdet 5 finns inte på skalan 1–4.' },
          { field: 'file', message: 'Rad 1: kolumnen CS-11 finns inte i instrumentet.' },
          { field: 'rad 7, kolumn respondentRole', message: 'rad 7, kolumn respondentRole: okänd roll ”chef”.' },
        ],
      }),
    )
    const wrapper = await mountPage('/organisationer/3')
    // Nothing is sent without a file and a name.
    await wrapper.get('[data-testid="import-go"]').trigger('click')
    expect(api.importRound).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Välj en fil.')

    await chooseFile(wrapper.get('[data-testid="import-file"]'), 'svar.csv')
    await wrapper.get('[data-testid="import-label"]').setValue('2021')
    await wrapper.get('[data-testid="import-go"]').trigger('click')
    await flushPromises()

    expect(wrapper.get('[data-testid="import-problem"]').text()).toContain(
      'Filen kunde inte läsas in. Inget har sparats.',
    )
    expect(wrapper.get('[data-testid="import-problem"]').text()).toContain('Filen har 3 fel:')
    expect(wrapper.findAll('[data-testid="import-errors"] li').map((li) => li.text())).toEqual([
      'rad 3, kolumn CS-04: Värdet 5 finns inte på skalan 1–4.',
      'file: Rad 1: kolumnen CS-11 finns inte i instrumentet.',
      'rad 7, kolumn respondentRole: okänd roll ”chef”.',
    ])
    expect(wrapper.findAll('[data-testid="round-link"]')).toHaveLength(3)
    wrapper.unmount()
  })
})
