import { defaultStorage } from './outbox.js'

// A copy of the response being answered (the response with its answers, its round and the instrument
// definition), kept in localStorage so that the answering page can be reloaded without a connection:
// the page then shows this copy plus the outbox, and sends the outbox when the connection is back.

export const LOCAL_COPY_PREFIX = 'lagesbild.response.'

const keyFor = (responseId) => `${LOCAL_COPY_PREFIX}${responseId}`

export function readLocalCopy(responseId, storage = defaultStorage()) {
  if (!storage) return null
  try {
    const copy = JSON.parse(storage.getItem(keyFor(responseId)) || 'null')
    return copy && copy.response && copy.round && copy.instrument ? copy : null
  } catch {
    return null
  }
}

export function writeLocalCopy(responseId, copy, storage = defaultStorage()) {
  if (!storage) return false
  try {
    storage.setItem(keyFor(responseId), JSON.stringify(copy))
    return true
  } catch {
    return false
  }
}

export function removeLocalCopy(responseId, storage = defaultStorage()) {
  try {
    storage?.removeItem(keyFor(responseId))
  } catch {
    // Nothing to do.
  }
}
