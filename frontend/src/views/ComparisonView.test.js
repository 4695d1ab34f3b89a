import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '../api/client.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return {
    ...actual,
    compareRounds: vi.fn(),
    getRound: vi.fn(),
    getInstrumentVersion: vi.fn(),
    listOrganisations: vi.fn(),
  }
})

const definition = (version, items) => ({
  code: 'checklist-systematik',
  version,
  title: 'Checklista för systematiskt arbete',
  titleEn: 'Checklist',
  kind: 'checklist',
  scale: [1, 2, 3, 4].map((value) => ({ value, label: `S${value}` })),
  parts: [{ code: 'P1', title: 'Styrning', titleEn: 'Governance', items }],
})

const action = (id, what, status) => ({ id, roundId: 1, itemCode: 'CS-02', what, who: null, dueDate: null, status })

const comparison = {
  from: 1,
  to: 2,
  fromRound: { roundId: 1, label: '2024', instrumentVersion: 1, status: 'closed', respondents: 1, suppressed: false },
  toRound: { roundId: 2, label: '2025', instrumentVersion: 2, status: 'open', respondents: 1, suppressed: false },
  total: {
    from: 2.2,
    to: 3.16,
    delta: 0.96,
    direction: 'up',
    sum: { from: 22, to: 26, delta: 4, direction: 'up' },
  },
  parts: [{ code: 'P1', title: 'Styrning', from: 2.2, to: 3.16, delta: 0.96, direction: 'up' }],
  items: [
    {
      code: 'CS-01',
      partCode: 'P1',
      text: 'Nämnden har beslutat',
      from: 3,
      to: 3,
      delta: 0,
      direction: 'same',
      fromN: 1,
      toN: 1,
      inFrom: true,
      inTo: true,
      actions: [],
    },
    {
      code: 'CS-02',
      partCode: 'P1',
      text: 'Det finns mål',
      from: 1,
      to: 3,
      delta: 2,
      direction: 'up',
      fromN: 1,
      toN: 1,
      inFrom: true,
      inTo: true,
      actions: [action(7, 'Ta fram mål', 'done'), action(8, 'Följ upp målen', 'ongoing')],
    },
    {
      code: 'CS-03',
      partCode: 'P1',
      text: 'Statistik delas upp',
      from: 3,
      to: 2.67,
      delta: -0.33,
      direction: 'down',
      fromN: 1,
      toN: 1,
      inFrom: true,
      inTo: true,
      actions: [],
    },
    {
      code: 'CS-04',
      partCode: 'P1',
      text: 'Analys görs',
      from: 2,
      to: 2.96,
      delta: 0.96,
      direction: 'up',
      fromN: 1,
      toN: 1,
      inFrom: true,
      inTo: true,
      actions: [],
    },
    {
      code: 'CS-05',
      partCode: 'P1',
      text: 'Ny fråga',
      from: null,
      to: 4,
      delta: null,
      direction: null,
      fromN: null,
      toN: 1,
      inFrom: false,
      inTo: true,
      actions: [],
    },
    {
      code: 'CS-06',
      partCode: 'P1',
      text: 'Dold fråga',
      from: null,
      to: 2,
      delta: null,
      direction: null,
      fromN: null,
      toN: 1,
      inFrom: true,
      inTo: true,
      actions: [],
    },
    {
      code: 'CS-00',
      partCode: 'P1',
      text: 'Borttagen fråga',
      from: 2,
      to: null,
      delta: null,
      direction: null,
      fromN: 1,
      toN: null,
      inFrom: true,
      inTo: false,
      actions: [],
    },
  ],
}

const mountPage = async (path, locale) => (await mountAt(path, { locale })).wrapper

beforeEach(() => {
  window.scrollTo = vi.fn()
  HTMLCanvasElement.prototype.getContext = () => null
  signedInPinia()
  vi.mocked(api.listOrganisations).mockResolvedValue([{ id: 3, name: 'Socialförvaltningen' }])
  vi.mocked(api.getRound).mockResolvedValue({
    id: 1,
    organisationId: 3,
    instrumentCode: 'checklist-systematik',
    instrumentVersion: 1,
    label: '2024',
  })
  vi.mocked(api.getInstrumentVersion).mockImplementation(async (code, version) =>
    definition(Number(version), [{ code: 'CS-01', text: 'Nämnden har beslutat', textEn: 'The board has decided' }]),
  )
  vi.mocked(api.compareRounds).mockResolvedValue(comparison)
})

afterEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('ComparisonView', () => {
  it('shows the total change, the largest movers and the items sorted by change', async () => {
    const wrapper = await mountPage('/jamfor?from=1&to=2')
    expect(api.compareRounds).toHaveBeenCalledWith('1', '2')

    expect(wrapper.get('h1').text()).toBe('Jämförelse: 2024 → 2025')
    expect(wrapper.get('[data-testid="compare-from-round"]').text()).toContain('Antal svarande: 1')
    expect(wrapper.get('[data-testid="total-means"]').text()).toBe('2,2 → 3,16')
    expect(wrapper.get('[data-testid="total-delta"]').text()).toBe('+0,96 upp')
    expect(wrapper.get('[data-testid="total-sum-change"]').text()).toContain('Summa: 22 → 26')

    expect(wrapper.get('[data-testid="largest-mover"]').text()).toBe('Störst förbättring: CS-02 Det finns mål (+2)')
    expect(wrapper.get('[data-testid="largest-decline"]').text()).toBe(
      'Störst försämring: CS-03 Statistik delas upp (\u22120,33)',
    )

    const rows = wrapper.findAll('[data-testid="item-change"]')
    expect(rows.map((r) => r.get('th').text())).toEqual(['CS-02', 'CS-04', 'CS-03', 'CS-01', 'CS-05', 'CS-06', 'CS-00'])
    const cells = (row) => [
      row.get('[data-testid="item-from"]').text(),
      row.get('[data-testid="item-to"]').text(),
      row.get('[data-testid="item-delta"]').text(),
    ]
    expect(cells(rows[0])).toEqual(['1', '3', '▲ +2 upp'])
    expect(cells(rows[2])).toEqual(['3', '2,67', '▼ \u22120,33 ned'])
    expect(cells(rows[3])).toEqual(['3', '3', '● 0 oförändrat'])
    // The arrow is for the eye; screen readers get the word.
    expect(rows[0].get('.change__arrow').attributes('aria-hidden')).toBe('true')

    // Only in the later version, withheld, only in the earlier version.
    expect(rows[4].get('[data-testid="item-version-note"]').text()).toBe('Ny i version 2')
    expect(cells(rows[4])).toEqual(['–', '4', '– kan inte jämföras'])
    expect(cells(rows[5])[0]).toBe('Dolt')
    expect(rows[6].get('[data-testid="item-version-note"]').text()).toBe('Finns inte i version 2')

    expect(rows[0].findAll('[data-testid="item-action"]').map((a) => a.text())).toEqual([
      'Åtgärd: Ta fram mål — genomförd',
      'Åtgärd: Följ upp målen — pågår',
    ])
    wrapper.unmount()
  })

  it('shows the parts as a chart with a summary and as a table, and links the exports', async () => {
    const wrapper = await mountPage('/jamfor?from=1&to=2')
    const label = wrapper.get('[data-testid="comparison-chart"] canvas').attributes('aria-label')
    expect(label).toContain('Styrning: 2,2 → 3,16 (+0,96 upp)')
    const part = wrapper.get('[data-testid="part-change"]')
    expect(part.findAll('td').map((td) => td.text())).toEqual(['2,2', '3,16', '▲ +0,96 upp'])

    expect(wrapper.get('[data-testid="export-comparison-csv"]').attributes('href')).toBe(
      '/api/comparisons/export.csv?from=1&to=2',
    )
    expect(wrapper.get('[data-testid="export-comparison-xlsx"]').attributes('href')).toBe(
      '/api/comparisons/export.xlsx?from=1&to=2',
    )
    expect(wrapper.get('[data-testid="export-comparison-pdf"]').attributes('href')).toBe(
      '/api/comparisons/report.pdf?from=1&to=2',
    )
    expect(wrapper.get('[data-testid="export-comparison-pdf"]').attributes()).toHaveProperty('download')
    wrapper.unmount()
  })

  it('uses the English texts of the instrument in English', async () => {
    const wrapper = await mountPage('/jamfor?from=1&to=2', 'en')
    const row = wrapper.findAll('[data-testid="item-change"]').find((r) => r.get('th').text() === 'CS-01')
    expect(row.text()).toContain('The board has decided')
    expect(wrapper.get('[data-testid="total-delta"]').text()).toBe('+0.96 up')
    wrapper.unmount()
  })

  it("shows the server's reason when the rounds cannot be compared", async () => {
    vi.mocked(api.compareRounds).mockRejectedValue(
      new api.ApiError({ status: 400, detail: 'Omgångarna gäller olika instrument och kan inte jämföras.' }),
    )
    const wrapper = await mountPage('/jamfor?from=1&to=9')
    expect(wrapper.get('[role="alert"]').text()).toContain('Omgångarna gäller olika instrument')
    expect(wrapper.find('[data-testid="item-change"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
