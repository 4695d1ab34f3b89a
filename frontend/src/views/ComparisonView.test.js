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
  respondents: 'single',
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

const skattaLagetDefinition = {
  code: 'skatta-laget',
  version: 1,
  title: 'Skatta läget',
  kind: 'questionnaire',
  respondents: 'multiple',
  scale: [1, 2, 3, 4].map((value) => ({ value, label: `S${value}` })),
  parts: [
    { code: 'A', title: 'Styrning', items: [{ code: 'SL-A1', text: 'Nämnden har beslutat' }] },
    { code: 'B', title: 'Kunskap', items: [{ code: 'SL-B1', text: 'Chefer känner till' }] },
  ],
}
const slItem = (code, partCode, from, to, delta, fromN, toN, interval, clear) => ({
  code,
  partCode,
  text: code,
  from,
  to,
  delta,
  direction: delta > 0 ? 'up' : 'down',
  fromN,
  toN,
  inFrom: true,
  inTo: true,
  actions: [],
  interval,
  clear,
})
const skattaLaget = {
  from: 21,
  to: 22,
  anonymityThreshold: 5,
  fromRound: { roundId: 21, label: '2025', instrumentVersion: 1, status: 'closed', respondents: 15, suppressed: false },
  toRound: { roundId: 22, label: '2028', instrumentVersion: 1, status: 'closed', respondents: 15, suppressed: false },
  total: {
    from: 2.24,
    to: 3.08,
    delta: 0.84,
    direction: 'up',
    sum: { from: null, to: null },
    interval: { low: 0.57, high: 1.11 },
    clear: true,
  },
  parts: [
    {
      code: 'A',
      title: 'Styrning',
      from: 2.03,
      to: 3.0,
      delta: 0.97,
      direction: 'up',
      interval: { low: 0.65, high: 1.29 },
      clear: true,
    },
    { code: 'B', title: 'Kunskap', from: 2.67, to: 3.25, delta: 0.58, direction: 'up', interval: null, clear: null },
  ],
  items: [
    slItem('SL-A1', 'A', 1.53, 3.53, 2.0, 15, 15, { low: 1.61, high: 2.39 }, true),
    slItem('SL-A2', 'A', 2.53, 2.47, -0.06, 15, 15, { low: -0.54, high: 0.42 }, false),
    slItem('SL-D1', 'A', 2.53, 2.47, -0.06, 15, 15, { low: -0.54, high: 0.42 }, false),
    slItem('SL-B1', 'B', 2.67, 3.25, 0.58, 15, 4, null, null),
  ],
  roles: [
    {
      code: 'ledning',
      label: 'Ledning',
      labelEn: 'Management',
      fromRespondents: 0,
      toRespondents: 0,
      compared: false,
      reason: 'too-few',
      total: null,
      parts: [],
    },
    {
      code: 'medarbetare',
      label: 'Medarbetare',
      labelEn: 'Staff',
      fromRespondents: 15,
      toRespondents: 15,
      compared: true,
      reason: null,
      total: { from: 2.24, to: 3.08, delta: 0.84, direction: 'up' },
      parts: [],
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
  it('shows the total change, no headline for the one-respondent checklist, and the items sorted by change', async () => {
    const wrapper = await mountPage('/jamfor?from=1&to=2')
    expect(api.compareRounds).toHaveBeenCalledWith('1', '2')

    expect(wrapper.get('h1').text()).toBe('Jämförelse: 2024 → 2025')
    expect(wrapper.get('[data-testid="compare-from-round"]').text()).toContain('Antal svarande: 1')
    expect(wrapper.get('[data-testid="total-means"]').text()).toBe('2,20 → 3,16')
    expect(wrapper.get('[data-testid="total-delta"]').text()).toBe('+0,96 upp')
    expect(wrapper.get('[data-testid="total-sum-change"]').text()).toContain('Summa: 22,00 → 26,00')
    expect(wrapper.get('[data-testid="total-verdict"]').text()).toBe('En person svarar: ingen osäkerhet att bedöma')
    expect(wrapper.find('[data-testid="clear-change"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="clear-single"]').text()).toContain('besvaras av en person')

    const rows = wrapper.findAll('[data-testid="item-change"]')
    expect(rows.map((r) => r.get('th').text())).toEqual(['CS-02', 'CS-04', 'CS-03', 'CS-01', 'CS-05', 'CS-06', 'CS-00'])
    const cells = (row) => [
      row.get('[data-testid="item-from"]').text(),
      row.get('[data-testid="item-to"]').text(),
      row.get('[data-testid="item-delta"]').text(),
    ]
    expect(cells(rows[0])).toEqual(['1,00', '3,00', '▲ +2,00 upp'])
    expect(cells(rows[2])).toEqual(['3,00', '2,67', '▼ \u22120,33 ned'])
    expect(cells(rows[3])).toEqual(['3,00', '3,00', '● 0,00 oförändrat'])
    // The arrow is for the eye; screen readers get the word.
    expect(rows[0].get('.change__arrow').attributes('aria-hidden')).toBe('true')

    // Only in the later version, withheld, only in the earlier version.
    expect(rows[4].get('[data-testid="item-version-note"]').text()).toBe('Ny i version 2')
    expect(cells(rows[4])).toEqual(['–', '4,00', '– kan inte jämföras'])
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
    expect(label).toContain('på skalan 1–4. Styrning: 2,20 → 3,16 (+0,96 upp)')
    const part = wrapper.get('[data-testid="part-change"]')
    expect(part.findAll('td').map((td) => td.text())).toEqual([
      '2,20',
      '3,16',
      '▲ +0,96 upp',
      'En person svarar: ingen osäkerhet att bedöma',
    ])

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

  it('headlines only the clear changes of two Skatta läget rounds of fifteen, and compares the roles', async () => {
    // The JSON of ComparisonIntervalApiTest's two imported rounds (trimmed to the figures this page reads).
    vi.mocked(api.compareRounds).mockResolvedValue(skattaLaget)
    vi.mocked(api.getRound).mockResolvedValue({
      id: 21,
      organisationId: 3,
      instrumentCode: 'skatta-laget',
      instrumentVersion: 1,
      label: '2025',
    })
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(skattaLagetDefinition)
    const wrapper = await mountPage('/jamfor?from=21&to=22')

    const headlines = wrapper.findAll('[data-testid="clear-change"]').map((li) => li.text())
    expect(headlines).toEqual([
      'Totalt: tydlig förbättring (95 %: 0,57 till 1,11), 2,24 → 3,08 (+0,84)',
      'Del: Styrning: tydlig förbättring (95 %: 0,65 till 1,29), 2,03 → 3,00 (+0,97)',
      'SL-A1 Nämnden har beslutat: tydlig förbättring (95 %: 1,61 till 2,39), 1,53 → 3,53 (+2,00)',
    ])
    expect(wrapper.text()).not.toContain('Störst')
    const verdict = (code) =>
      wrapper
        .findAll('[data-testid="item-change"]')
        .find((r) => r.get('th').text() === code)
        .get('[data-testid="item-verdict"]')
        .text()
    expect(verdict('SL-A2')).toBe('ingen säker förändring (95 %: \u22120,54 till 0,42)')
    expect(verdict('SL-D1')).toBe('ingen säker förändring (95 %: \u22120,54 till 0,42)')
    expect(verdict('SL-B1')).toBe('För få svarande (färre än 5) för att bedöma osäkerheten')

    const roles = wrapper.findAll('[data-testid="role-change"]').map((r) => r.text())
    expect(roles[0]).toBe('Ledning0 / 0Färre än 5 svarande i någon omgång')
    expect(roles[1]).toBe('Medarbetare15 / 152,243,08▲ +0,84 upp')
    expect(wrapper.find('[data-testid="role-comparison-chart"]').exists()).toBe(true)
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
