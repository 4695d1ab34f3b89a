import { describe, expect, it } from 'vitest'
import { clearChanges, directionOf, largestMovers, sideState, sortItemChanges, verdictOf } from './comparison.js'
import { formatDelta, formatNumber } from './format.js'

const item = (code, delta, extra = {}) => ({ code, delta, inFrom: true, inTo: true, ...extra })

describe('sortItemChanges()', () => {
  it('puts rises first (largest first), then falls (largest first), then unchanged, then items without a delta', () => {
    const items = [
      item('CS-01', 0),
      item('CS-02', null, { inFrom: false }),
      item('CS-03', -0.33),
      item('CS-04', 0.25),
      item('CS-05', 0.96),
      item('CS-06', -1.5),
      item('CS-07', null),
      item('CS-08', 0),
      item('CS-09', 0.25),
    ]
    expect(sortItemChanges(items).map((i) => i.code)).toEqual([
      'CS-05', // +0,96
      'CS-04', // +0,25, before CS-09 with the same rise: instrument order
      'CS-09',
      'CS-06', // −1,5
      'CS-03', // −0,33
      'CS-01', // 0
      'CS-08',
      'CS-02', // no delta: last, in instrument order
      'CS-07',
    ])
  })

  it('does not change the given array and copes with nothing', () => {
    const items = [item('A', -1), item('B', 1)]
    sortItemChanges(items)
    expect(items.map((i) => i.code)).toEqual(['A', 'B'])
    expect(sortItemChanges(undefined)).toEqual([])
  })

  it('treats a delta that rounds to zero as unchanged', () => {
    expect(directionOf(0.004)).toBe('same')
    expect(directionOf(-0.004)).toBe('same')
    expect(directionOf(0.005)).toBe('up')
    expect(directionOf(null)).toBeNull()
    expect(sortItemChanges([item('A', 0.001), item('B', -0.2)]).map((i) => i.code)).toEqual(['B', 'A'])
  })
})

describe('largestMovers()', () => {
  it('names the item with the largest rise and the one with the largest fall', () => {
    const { rise, fall } = largestMovers([
      item('CS-01', 0.5),
      item('CS-02', -0.33),
      item('CS-03', 0.96),
      item('CS-04', null),
      item('CS-05', -1.25),
      item('CS-06', 0),
    ])
    expect(rise.code).toBe('CS-03')
    expect(fall.code).toBe('CS-05')
  })

  it('keeps the first in the instrument order on a tie, and gives null when nothing moved that way', () => {
    const { rise, fall } = largestMovers([item('A', 0.5), item('B', 0.5), item('C', 0), item('D', null)])
    expect(rise.code).toBe('A')
    expect(fall).toBeNull()
    expect(largestMovers([])).toEqual({ rise: null, fall: null })
  })
})

describe('sideState()', () => {
  it('tells a value, a withheld figure, no answers and an item missing from the version apart', () => {
    expect(sideState({ inFrom: true, from: 2.5, fromN: 8 }, 'from')).toBe('value')
    expect(sideState({ inFrom: true, from: null, fromN: null }, 'from')).toBe('withheld')
    expect(sideState({ inTo: true, to: null, toN: 0 }, 'to')).toBe('none')
    expect(sideState({ inTo: false, to: null, toN: null }, 'to')).toBe('missing')
  })
})

describe('formatDelta()', () => {
  it('writes a change with its sign in Swedish', () => {
    expect(formatDelta(0.96, 'sv')).toBe('+0,96')
    expect(formatDelta(-0.33, 'sv')).toBe('\u22120,33')
    expect(formatDelta(0, 'sv')).toBe('0,00')
    expect(formatDelta(-0.001, 'sv')).toBe('0,00')
    expect(formatDelta(1.5, 'sv')).toBe('+1,50')
    expect(formatDelta(0.956, 'sv')).toBe('+0,96')
    expect(formatDelta(null, 'sv')).toBe('–')
  })

  it('writes English numbers in English', () => {
    expect(formatDelta(0.96, 'en')).toBe('+0.96')
    expect(formatDelta(-0.33, 'en')).toBe('-0.33')
  })
})

describe('formatNumber()', () => {
  it('always writes two decimals, so that 2,20 and 2,15 line up', () => {
    expect(formatNumber(2.2, 'sv')).toBe('2,20')
    expect(formatNumber(2.15, 'sv')).toBe('2,15')
    expect(formatNumber(3, 'sv')).toBe('3,00')
    expect(formatNumber(2.2, 'en')).toBe('2.20')
    expect(formatNumber(null, 'sv')).toBe('–')
  })
})

describe('verdictOf() and clearChanges()', () => {
  it('words a change by its interval, and says why there is none', () => {
    expect(verdictOf({ delta: 2, clear: true }, false)).toBe('clearUp')
    expect(verdictOf({ delta: -0.7, clear: true }, false)).toBe('clearDown')
    expect(verdictOf({ delta: -0.06, clear: false }, false)).toBe('unclear')
    expect(verdictOf({ delta: 0.58, clear: null }, false)).toBe('tooFew')
    expect(verdictOf({ delta: 1, clear: null }, true)).toBe('single')
    expect(verdictOf({ delta: null, clear: null }, false)).toBe(null)
  })

  it('headlines only the clear changes, total first', () => {
    const comparison = {
      total: { delta: 0.84, clear: true },
      parts: [
        { code: 'A', delta: 0.97, clear: true },
        { code: 'B', delta: 0.58, clear: null },
      ],
      items: [
        item('SL-A1', 2, { clear: true }),
        item('SL-A2', -0.06, { clear: false }),
        item('SL-D1', -0.06, { clear: false }),
      ],
    }
    expect(clearChanges(comparison).map(({ kind, entry }) => `${kind} ${entry.code || ''}`.trim())).toEqual([
      'total',
      'part A',
      'item SL-A1',
    ])
  })
})
