// Test helpers: a Pinia instance whose session store already holds a signed-in user, so that the
// router's access guard lets the page under test open without asking the server.
import { createPinia, setActivePinia } from 'pinia'
import { useSessionStore } from '../stores/session.js'

export const ADMIN = { id: 1, username: 'admin', admin: true, roles: [] }

/** A user with one role in one organisation. */
export const userWithRole = (
  role,
  organisationId = 3,
  organisationName = 'Socialförvaltningen',
  username = 'anna',
) => ({
  id: 2,
  username,
  admin: false,
  roles: [{ organisationId, organisationName, role }],
})

/** A fresh active Pinia with `user` signed in (null: known to be signed out). */
export function signedInPinia(user = ADMIN) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore(pinia).$patch({ user, loaded: true })
  return pinia
}
