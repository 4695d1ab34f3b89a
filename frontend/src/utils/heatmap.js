// The colour scale of the regional heat map: a mean on the instrument's scale (min..max, read from the
// definition) falls in one of four equally wide bands, each with its own colour. Every cell also prints its number, and a legend names the bands, so colour is never
// the only signal. Light-to-dark blue reads in greyscale and with the common colour vision deficiencies.

/** Bands from low to high; `text` is the text colour with enough contrast on `background`. */
export const HEAT_BANDS = [
  { band: 1, background: '#f1f5fb', text: '#1a1a1a' },
  { band: 2, background: '#bcd4ea', text: '#1a1a1a' },
  { band: 3, background: '#5b93c7', text: '#000000' },
  { band: 4, background: '#1d4f7a', text: '#ffffff' },
]

/** The withheld look: grey with a stripe pattern, and the cell says "Dolt". */
export const WITHHELD_STYLE = {
  background: 'repeating-linear-gradient(135deg, #e4e4e4 0 6px, #f4f4f4 6px 12px)',
  text: '#1a1a1a',
}

/** The limits of each band on the scale: [{ band, from, to }], equally wide, the last one closed. */
export function bandLimits(min, max) {
  const width = (max - min) / HEAT_BANDS.length
  return HEAT_BANDS.map((b, i) => ({
    band: b.band,
    from: Math.round((min + i * width) * 100) / 100,
    to: Math.round((min + (i + 1) * width) * 100) / 100,
  }))
}

/**
 * The cell for one figure `{ mean, suppressed }` (or a bare number): its state, band and colours.
 * The mean is rounded to two decimals first, like the number printed in the cell. `min` and `max` are the
 * instrument's scale.
 */
export function heatCell(score, min, max) {
  const suppressed = Boolean(score && typeof score === 'object' && score.suppressed)
  if (suppressed) return { state: 'withheld', band: null, ...WITHHELD_STYLE }
  const raw = score && typeof score === 'object' ? score.mean : score
  if (raw === null || raw === undefined || !Number.isFinite(Number(raw))) {
    return { state: 'none', band: null, background: 'transparent', text: 'inherit' }
  }
  const mean = Math.round(Number(raw) * 100) / 100
  const limits = bandLimits(min, max)
  let index = limits.findIndex((l) => mean < l.to)
  if (index < 0) index = limits.length - 1
  const band = HEAT_BANDS[index]
  return { state: 'value', band: band.band, background: band.background, text: band.text, mean }
}
