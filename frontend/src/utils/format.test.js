import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { formatDate, formatDateTime, formatDelta, formatNumber, formatPercent, intlLocale } from './format.js'

// Every date and figure on the page goes through these, in the UI's language.

describe('intlLocale()', () => {
  it('reads Swedish as Sweden and English with day-month-year dates', () => {
    expect(intlLocale('sv')).toBe('sv-SE')
    expect(intlLocale('en')).toBe('en-GB')
    expect(intlLocale('en-US')).toBe('en-US')
    expect(intlLocale(ref('en'))).toBe('en-GB')
    expect(intlLocale(undefined)).toBe('sv-SE')
  })
})

describe('formatDateTime()', () => {
  const moment = '2026-11-25T13:30:00Z'

  it('writes a moment in Swedish or English, in the zone asked for', () => {
    expect(formatDateTime(moment, 'sv', { timeZone: 'Europe/Stockholm' })).toBe('25 nov. 2026 14:30')
    expect(formatDateTime(moment, 'en', { timeZone: 'Europe/Stockholm' })).toBe('25 Nov 2026, 14:30')
  })

  it('shows no time at all without one and the raw text when it is not a date', () => {
    expect(formatDateTime(null, 'en')).toBe('')
    expect(formatDateTime('soon', 'en')).toBe('soon')
  })
})

describe('formatDate()', () => {
  it('writes a calendar date as that day in every zone and style', () => {
    expect(formatDate('2026-11-25', 'sv')).toBe('25 nov. 2026')
    expect(formatDate('2026-11-25', 'en')).toBe('25 Nov 2026')
    expect(formatDate('2026-11-25', 'sv', { style: 'long' })).toBe('25 november 2026')
    expect(formatDate('2026-11-25', 'en', { style: 'long' })).toBe('25 November 2026')
    expect(formatDate('2026-11-25', 'sv', { style: 'short' })).toBe('2026-11-25')
    expect(formatDate('2026-11-25', 'en', { style: 'short' })).toBe('25/11/2026')
  })

  it('writes the day of a moment where it happened: 23:00 UTC is the next day in Sweden', () => {
    const lateEvening = '2026-11-27T23:00:00Z'
    expect(formatDate(lateEvening, 'sv', { style: 'short', timeZone: 'Europe/Stockholm' })).toBe('2026-11-28')
    expect(formatDate(lateEvening, 'en', { style: 'short', timeZone: 'Europe/Stockholm' })).toBe('28/11/2026')
  })
})

describe('figures in English', () => {
  it('uses a decimal point and no space before the per cent sign', () => {
    expect(formatNumber(2.2, 'en')).toBe('2.20')
    expect(formatNumber(1234.5, 'en')).toBe('1234.50')
    expect(formatPercent(0.6, 'en')).toBe('60%')
    expect(formatDelta(-0.333, 'en')).toBe('-0.33')
    expect(formatDelta(0.96, 'en')).toBe('+0.96')
  })

  it('uses a decimal comma and a space before the per cent sign in Swedish', () => {
    expect(formatNumber(2.2, 'sv')).toBe('2,20')
    expect(formatPercent(0.6, 'sv')).toBe('60\u00a0%')
    expect(formatDelta(-0.333, 'sv')).toBe('−0,33')
  })
})
