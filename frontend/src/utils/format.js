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
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  }).format(rounded)
}

export function formatDateTime(iso, locale) {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

/** A share 0..1 as a whole percentage in the locale's style ("60 %" in Swedish). */
export function formatPercent(share, locale) {
  if (share === null || share === undefined || !Number.isFinite(Number(share))) return '–'
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Number(share))
}

/**
 * A change with its sign and two decimals: "+0,96", "−0,33" and "0,00" in Swedish ("+0.96", "-0.33", "0.00").
 * Rounded like the figures it compares, so a change that rounds to zero has no sign. "–" without a value.
 */
export function formatDelta(delta, locale, decimals = 2) {
  const rounded = roundTo(delta, decimals)
  if (rounded === null) return '–'
  return new Intl.NumberFormat(locale, {
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
