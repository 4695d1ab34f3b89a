// Pure helpers for comparing two rounds: direction of a change, the order of the items and the largest movers.

/** 'up', 'down' or 'same' from a delta (rounded to two decimals); null without a delta. */
export function directionOf(delta) {
  if (delta === null || delta === undefined || !Number.isFinite(Number(delta))) return null
  const rounded = Math.round(Number(delta) * 100) / 100
  if (rounded > 0) return 'up'
  if (rounded < 0) return 'down'
  return 'same'
}

/** The direction of an entry: computed from its delta, so that it always agrees with the number shown. */
export const changeDirection = (entry) => directionOf(entry?.delta) ?? null

const GROUP = { up: 0, down: 1, same: 2 }

/**
 * Item changes in reading order: rises first (largest first), then falls (largest fall first), then the
 * unchanged, and last the items without a delta (only in one version, or withheld). Ties keep the
 * instrument's order. Returns a new array.
 */
export function sortItemChanges(items) {
  return (items || [])
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const da = changeDirection(a.item)
      const db = changeDirection(b.item)
      const ga = da === null ? 3 : GROUP[da]
      const gb = db === null ? 3 : GROUP[db]
      if (ga !== gb) return ga - gb
      if (ga <= 1) {
        const byMagnitude = Math.abs(Number(b.item.delta)) - Math.abs(Number(a.item.delta))
        if (byMagnitude !== 0) return byMagnitude
      }
      return a.index - b.index
    })
    .map(({ item }) => item)
}

/**
 * The item with the largest rise and the one with the largest fall (null when nothing rose or fell).
 * On a tie the first in the instrument's order wins.
 */
export function largestMovers(items) {
  let rise = null
  let fall = null
  for (const item of items || []) {
    const direction = changeDirection(item)
    const delta = Number(item.delta)
    if (direction === 'up' && (!rise || delta > Number(rise.delta))) rise = item
    if (direction === 'down' && (!fall || delta < Number(fall.delta))) fall = item
  }
  return { rise, fall }
}

/**
 * What one side of an item comparison shows: 'value' (a mean), 'missing' (the item is not in that
 * round's version), 'withheld' (too few respondents) or 'none' (in the version, but nobody gave a value).
 * The server withholds a figure by leaving both the mean and n empty; nobody answering gives n = 0.
 */
export function sideState(item, side) {
  const inSide = side === 'from' ? item?.inFrom : item?.inTo
  const value = item?.[side]
  const n = item?.[`${side}N`]
  if (inSide === false) return 'missing'
  if (value !== null && value !== undefined) return 'value'
  if (n === null || n === undefined) return 'withheld'
  return 'none'
}

/**
 * How sure a change is, from the interval the server sends (docs/change-intervals.md): 'clearUp' and
 * 'clearDown' (the interval leaves out 0), 'unclear', 'single' (one person answers, so there is no sample to
 * judge) or 'tooFew' (a change, but too few values for an interval); null without a change.
 */
export function verdictOf(entry, single) {
  if (entry?.delta === null || entry?.delta === undefined) return null
  if (entry.clear === true) return Number(entry.delta) > 0 ? 'clearUp' : 'clearDown'
  if (entry.clear === false) return 'unclear'
  return single ? 'single' : 'tooFew'
}

/** The clear changes of a comparison, the news: the total, then parts, then items, each with its kind. */
export function clearChanges(comparison) {
  if (!comparison) return []
  const clear = (entry) => entry?.clear === true
  return [
    ...(clear(comparison.total) ? [{ kind: 'total', entry: comparison.total }] : []),
    ...(comparison.parts || []).filter(clear).map((entry) => ({ kind: 'part', entry })),
    ...(comparison.items || []).filter(clear).map((entry) => ({ kind: 'item', entry })),
  ]
}
