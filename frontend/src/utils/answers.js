// Pure helpers for working with instrument definitions and answers.

/** Radio key used for the "don't know" option (answer value null). */
export const DONT_KNOW = 'dontknow'

/** All items of an instrument in display order, each with the code/title of its part. */
export function flattenItems(instrument) {
  if (!instrument || !Array.isArray(instrument.parts)) return []
  return instrument.parts.flatMap((part) =>
    (part.items || []).map((item) => ({ ...item, partCode: part.code, partTitle: part.title })),
  )
}

/**
 * Turn the server's answer list into a map itemCode -> { value, comment }.
 * An item without an entry is unanswered; value null means "Vet inte".
 */
export function answersByItem(answers) {
  const map = {}
  for (const a of answers || []) {
    map[a.itemCode] = { value: a.value ?? null, comment: a.comment ?? '' }
  }
  return map
}

/** An item counts as answered as soon as it has an entry, including "Vet inte" (null). */
export function isAnswered(answers, itemCode) {
  if (!answers) return false
  // Read the property first so Vue's reactivity tracks it (hasOwn alone is not tracked).
  return answers[itemCode] !== undefined && Object.hasOwn(answers, itemCode)
}

export function countAnswered(items, answers) {
  return items.reduce((n, item) => n + (isAnswered(answers, item.code) ? 1 : 0), 0)
}

export function unansweredItems(items, answers) {
  return items.filter((item) => !isAnswered(answers, item.code))
}

/** Radio key for an answer entry: the scale value, DONT_KNOW for null, or null if unanswered. */
export function optionKey(entry) {
  if (!entry) return null
  return entry.value === null || entry.value === undefined ? DONT_KNOW : String(entry.value)
}

/** Lowest and highest value of an instrument's scale (its `scale` steps), or null without steps. */
export function scaleRange(scale) {
  const values = (scale || []).map((s) => Number(s.value)).filter((v) => Number.isFinite(v))
  if (values.length === 0) return null
  return { min: Math.min(...values), max: Math.max(...values) }
}
