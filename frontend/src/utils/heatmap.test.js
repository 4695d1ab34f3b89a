import { describe, expect, it } from 'vitest'
import { HEAT_BANDS, bandLimits, heatCell } from './heatmap.js'

describe('heat map colour scale', () => {
  it("splits the instrument's own scale, here 0–10, into four equal bands", () => {
    expect(bandLimits(0, 10).map((l) => [l.from, l.to])).toEqual([
      [0, 2.5],
      [2.5, 5],
      [5, 7.5],
      [7.5, 10],
    ])
    expect(heatCell(3.8, 0, 10).band).toBe(2)
  })

  it('splits 1–4 into four equal bands', () => {
    expect(bandLimits(1, 4)).toEqual([
      { band: 1, from: 1, to: 1.75 },
      { band: 2, from: 1.75, to: 2.5 },
      { band: 3, from: 2.5, to: 3.25 },
      { band: 4, from: 3.25, to: 4 },
    ])
  })

  it('puts each mean in its band, lower limits inclusive, 4 in the top band', () => {
    const band = (mean) => heatCell({ mean, suppressed: false }, 1, 4).band
    expect([1, 1.74, 1.75, 2.49, 2.5, 3.24, 3.25, 3.99, 4].map(band)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 4])
    // Rounded like the printed number: 2,499 is shown as 2,5 and coloured as 2,5.
    expect(band(2.499)).toBe(3)
    // Outside the scale still gets the nearest band.
    expect(band(0.5)).toBe(1)
    expect(band(4.2)).toBe(4)
  })

  it('darkens with the mean and gives the dark bands light text', () => {
    const low = heatCell(1.2, 1, 4)
    const high = heatCell(3.8, 1, 4)
    expect(low).toMatchObject({ state: 'value', background: HEAT_BANDS[0].background, text: '#1a1a1a', mean: 1.2 })
    expect(high).toMatchObject({ state: 'value', background: HEAT_BANDS[3].background, text: '#ffffff' })
    expect(new Set(HEAT_BANDS.map((b) => b.background)).size).toBe(4)
  })

  it('shows withheld figures as withheld, without a band, and missing figures as empty', () => {
    expect(heatCell({ mean: null, suppressed: true }, 1, 4)).toMatchObject({ state: 'withheld', band: null })
    // Withheld wins even if a number came along.
    expect(heatCell({ mean: 3, suppressed: true }, 1, 4).state).toBe('withheld')
    expect(heatCell({ mean: null, suppressed: false }, 1, 4)).toMatchObject({ state: 'none', band: null })
    expect(heatCell(null, 1, 4).state).toBe('none')
  })
})
