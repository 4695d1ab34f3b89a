// Locale-aware number and date formatting shared by views and the chart.

export function roundTo(value, decimals = 2) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return null
  const f = 10 ** decimals
  return Math.round(Number(value) * f) / f
}

/** A figure with exactly `decimals` decimals ("2,20", never "2,2"), so that figures in a column line up. */
export function formatNumber(value, locale, decimals = 2) {
  const rounded = roundTo(value, decimals)
  if (rounded === null) return '–'
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  }).format(rounded)
}

/**
 * The Intl locale for the UI language: Swedish as in Sweden, English with day-month-year dates and the
 * 24-hour clock of the British style (the readers are in Sweden; "11/25/2026, 3:30 PM" would mislead).
 * `locale` may be a string ("sv", "en", "en-GB") or a ref.
 */
export function intlLocale(locale) {
  const value = String((locale && typeof locale === 'object' && 'value' in locale ? locale.value : locale) || 'sv')
  if (/^en(-|$)/i.test(value)) return value.length === 2 ? 'en-GB' : value
  if (/^sv(-|$)/i.test(value)) return 'sv-SE'
  return value
}

/** A calendar date ("2026-11-25") is a day, not a moment: it is read and shown in UTC so no zone moves it. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/

function toDate(value) {
  if (value === null || value === undefined || value === '') return null
  const d = CALENDAR_DATE.test(String(value)) ? new Date(`${value}T12:00:00Z`) : new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** A moment with its date and time of day in the UI's language: "25 nov. 2026 14:30", "25 Nov 2026, 14:30". */
export function formatDateTime(iso, locale, { timeZone } = {}) {
  if (!iso) return ''
  const d = toDate(iso)
  if (!d) return String(iso)
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d)
}

/**
 * A day in the UI's language, of a calendar date ("2026-11-25") or of a moment (in `timeZone`, else the
 * browser's): style "short" ("2026-11-25", "25/11/2026"), "medium" ("25 nov. 2026", "25 Nov 2026") or
 * "long" ("25 november 2026", "25 November 2026").
 */
export function formatDate(value, locale, { style = 'medium', timeZone } = {}) {
  if (!value) return ''
  const d = toDate(value)
  if (!d) return String(value)
  const zone = CALENDAR_DATE.test(String(value)) ? 'UTC' : timeZone
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: zone }).format(d)
}

/** A share 0..1 as a whole percentage in the locale's style ("60 %" in Swedish). */
export function formatPercent(share, locale) {
  if (share === null || share === undefined || !Number.isFinite(Number(share))) return '–'
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(Number(share))
}

/**
 * A change with its sign and two decimals: "+0,96", "−0,33" and "0,00" in Swedish ("+0.96", "-0.33", "0.00").
 * Rounded like the figures it compares, so a change that rounds to zero has no sign. "–" without a value.
 */
export function formatDelta(delta, locale, decimals = 2) {
  const rounded = roundTo(delta, decimals)
  if (rounded === null) return '–'
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
    signDisplay: 'exceptZero',
  }).format(rounded === 0 ? 0 : rounded)
}

/** Split a long label into lines of about width characters for a chart axis; one line stays a string. */
export function wrapLabel(text, width) {
  const words = String(text).split(/\s+/)
  const lines = []
  let line = ''
  for (const word of words) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines.length > 1 ? lines : lines[0] || ''
}
