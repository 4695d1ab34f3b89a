import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HEAT_BANDS } from '../utils/heatmap.js'
import * as api from '../api/client.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return { ...actual, listInstruments: vi.fn(), getRegional: vi.fn(), getInstrumentVersion: vi.fn() }
})

const part = (code, mean, suppressed = false) => ({ code, title: code, mean, answered: 1, items: 1, suppressed })
const org = (organisationId, name, total, parts, respondents = 1) => ({
  organisationId,
  name,
  round: { roundId: organisationId * 10, label: '2025', respondents, total, parts },
})

const regional = {
  instrumentCode: 'checklist-systematik',
  label: '2025',
  parts: [
    { code: 'P1', title: 'Styrning och ledning', titleEn: 'Governance' },
    { code: 'P2', title: 'Uppföljning', titleEn: null },
  ],
  organisations: [
    org(1, 'Eslöv', { mean: 1.5, suppressed: false }, [part('P1', 1.2), part('P2', 3.8)]),
    org(2, 'Höör', { mean: null, suppressed: true }, [part('P1', null, true), part('P2', null, true)], 2),
    org(3, 'Lund', { mean: 2.5, suppressed: false }, [part('P1', 2.49), part('P2', 3.25)]),
  ],
}

const rgb = (hex) => {
  const n = parseInt(hex.slice(1), 16)
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`
}

let router

async function mountApp(path) {
  let wrapper
  ;({ wrapper, router } = await mountAt(path, { app: true }))
  return wrapper
}

beforeEach(() => {
  window.scrollTo = vi.fn()
  signedInPinia()
  vi.mocked(api.listInstruments).mockResolvedValue([
    { code: 'checklist-systematik', version: 1, title: 'Checklista för systematiskt arbete' },
    { code: 'skatta-laget', version: 1, title: 'Skatta läget' },
  ])
  vi.mocked(api.getRegional).mockResolvedValue(regional)
  vi.mocked(api.getInstrumentVersion).mockImplementation(async (code, version) => ({
    code,
    version,
    scale: [1, 2, 3, 4].map((value) => ({ value, label: `Steg ${value}` })),
  }))
})

afterEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('RegionalView', () => {
  it("is linked from the header and shows this year's round of the default instrument as a heat map", async () => {
    const wrapper = await mountApp('/')
    const link = wrapper.get('[data-testid="nav-regional"]')
    expect(link.text()).toBe('Regional översikt')
    await router.push(link.attributes('href'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="heatmap-row"]').exists()).toBe(true), { timeout: 5000 })

    const year = String(new Date().getFullYear())
    expect(wrapper.get('[data-testid="regional-label"]').element.value).toBe(year)
    expect(api.getRegional).toHaveBeenCalledWith('checklist-systematik', year)

    const rows = wrapper.findAll('[data-testid="heatmap-row"]')
    expect(rows.map((r) => r.get('th').text())).toEqual(['Eslöv', 'Höör', 'Lund'])
    const cells = rows.map((r) => r.findAll('[data-testid="heatmap-cell"]'))
    // Parts, then the total: every cell prints its number, or "Dolt".
    expect(cells.map((row) => row.map((c) => c.text()))).toEqual([
      ['1,20', '3,80', '1,50'],
      ['Dolt', 'Dolt', 'Dolt'],
      ['2,49', '3,25', '2,50'],
    ])
    expect(cells[0][0].element.style.backgroundColor).toBe(rgb(HEAT_BANDS[0].background))
    expect(cells[0][1].element.style.backgroundColor).toBe(rgb(HEAT_BANDS[3].background))
    expect(cells[0][1].element.style.color).toBe(rgb(HEAT_BANDS[3].text))
    expect(cells[2][0].attributes('data-band')).toBe('2')
    expect(cells[2][1].attributes('data-band')).toBe('4')
    expect(cells[1][0].classes()).toContain('heatmap__cell--withheld')
    expect(cells[1][0].attributes('data-band')).toBeUndefined()

    const legend = wrapper.get('[data-testid="heatmap-legend"]').text()
    expect(legend).toContain('1,00–1,74 (lågt)')
    expect(legend).toContain('1,75–2,49 (ganska lågt)')
    expect(legend).toContain('3,25–4,00 (högt)')
    expect(legend).toContain('Dolt')
    // Parts and total only: no statements.
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual([
      'Organisation',
      'Svarande',
      'Styrning och ledning',
      'Uppföljning',
      'Totalt',
    ])
    wrapper.unmount()
  })

  it('shows another instrument and round when asked, and keeps them in the address', async () => {
    const wrapper = await mountApp('/regional')
    vi.mocked(api.getRegional).mockResolvedValue({
      instrumentCode: 'skatta-laget',
      label: '2019',
      parts: [],
      organisations: [],
    })
    await wrapper.get('[data-testid="regional-instrument"]').setValue('skatta-laget')
    await wrapper.get('[data-testid="regional-label"]').setValue(' 2019 ')
    await wrapper.get('[data-testid="regional-go"]').trigger('click')
    await flushPromises()
    expect(api.getRegional).toHaveBeenLastCalledWith('skatta-laget', '2019')
    expect(router.currentRoute.value.query).toEqual({ instrument: 'skatta-laget', label: '2019' })
    expect(wrapper.get('[data-testid="regional-empty"]').text()).toContain('2019')
    wrapper.unmount()
  })
})
