import { ref } from 'vue'
import { defineStore } from 'pinia'
import * as api from '../api/client.js'

export const ACTION_STATUSES = ['planned', 'ongoing', 'done']

/** Blank text becomes null, other text is trimmed. */
const orNull = (value) => {
  const text = value === null || value === undefined ? '' : String(value).trim()
  return text === '' ? null : text
}

/**
 * The body of a new or changed action: `what` trimmed, empty `who` and `dueDate` as null, and the
 * status 'planned' unless another known status is given.
 */
export function actionBody({ itemCode, what, who, dueDate, status }) {
  const body = {
    what: String(what ?? '').trim(),
    who: orNull(who),
    dueDate: orNull(dueDate),
    status: ACTION_STATUSES.includes(status) ? status : 'planned',
  }
  return itemCode === undefined ? body : { itemCode, ...body }
}

// Improvement actions per round: what an organisation decided to do about an item, by whom and when.
export const useActionsStore = defineStore('actions', () => {
  // roundId -> actions in the order they were recorded
  const byRound = ref({})

  const key = (roundId) => String(roundId)
  const listFor = (roundId) => byRound.value[key(roundId)] || []

  async function load(roundId) {
    byRound.value[key(roundId)] = await api.listActions(roundId)
    return listFor(roundId)
  }

  /** Record an action on one item of the round. */
  async function add(roundId, fields) {
    const created = await api.createAction(roundId, actionBody(fields))
    byRound.value[key(roundId)] = [...listFor(roundId), created]
    return created
  }

  /** Change an action; `changes` is laid over what it has now (e.g. `{ status: 'done' }`). */
  async function update(action, changes) {
    const body = actionBody({ ...action, ...changes, itemCode: undefined })
    const saved = await api.updateAction(action.id, body)
    const roundId = saved?.roundId ?? action.roundId
    byRound.value[key(roundId)] = listFor(roundId).map((a) => (a.id === action.id ? { ...a, ...saved } : a))
    return saved
  }

  async function remove(action) {
    await api.deleteAction(action.id)
    byRound.value[key(action.roundId)] = listFor(action.roundId).filter((a) => a.id !== action.id)
  }

  return { byRound, listFor, load, add, update, remove }
})
