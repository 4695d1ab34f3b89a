import { describe, expect, it } from 'vitest'
import {
  DONT_KNOW,
  answersByItem,
  countAnswered,
  flattenItems,
  optionKey,
  scaleRange,
  unansweredItems,
} from './answers.js'

const instrument = {
  parts: [
    {
      code: 'A',
      title: 'Del A',
      items: [
        { code: 'CS-01', text: 'Ett' },
        { code: 'CS-02', text: 'Två' },
      ],
    },
    { code: 'B', title: 'Del B', items: [{ code: 'CS-03', text: 'Tre' }] },
  ],
}

describe('answer helpers', () => {
  it('flattens items in order with their part', () => {
    expect(flattenItems(instrument).map((i) => [i.code, i.partCode])).toEqual([
      ['CS-01', 'A'],
      ['CS-02', 'A'],
      ['CS-03', 'B'],
    ])
    expect(flattenItems(null)).toEqual([])
  })

  it('counts "Vet inte" (null value) as answered and missing entries as unanswered', () => {
    const answers = answersByItem([
      { itemCode: 'CS-01', value: 3, comment: null },
      { itemCode: 'CS-03', value: null, comment: 'Osäkert' },
    ])
    const items = flattenItems(instrument)
    expect(countAnswered(items, answers)).toBe(2)
    expect(unansweredItems(items, answers).map((i) => i.code)).toEqual(['CS-02'])
  })

  it('maps answer entries to radio keys', () => {
    expect(optionKey(undefined)).toBeNull()
    expect(optionKey({ value: null })).toBe(DONT_KNOW)
    expect(optionKey({ value: 0 })).toBe('0')
    expect(optionKey({ value: 4 })).toBe('4')
  })

  it('derives the axis range from the scale', () => {
    expect(scaleRange([{ value: 1 }, { value: 2 }, { value: 3 }, { value: 4 }])).toEqual({ min: 1, max: 4 })
    expect(scaleRange([{ value: 0 }, { value: 10 }, { value: 5 }])).toEqual({ min: 0, max: 10 })
    expect(scaleRange([])).toBeNull()
    expect(scaleRange(undefined)).toBeNull()
  })
})
