import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import * as api from '../api/client.js'
import { resendAllOutboxes } from './outbox.js'
import { useOrganisationsStore } from './organisations.js'
import { useResponseEditorStore } from './responseEditor.js'

export const ROLES = ['ADMIN', 'PROJECT_LEAD', 'RESPONDENT', 'FACILITATOR']
/** Roles a user can be given in one organisation (ADMIN stands alone). */
export const ORGANISATION_ROLES = ['PROJECT_LEAD', 'RESPONDENT', 'FACILITATOR']

const sameId = (a, b) => a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b)

/** A local path that is safe to go to after logging in ("/svar/12"), or null. */
export function safeRedirect(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null
  if (value.startsWith('/logga-in') || value.startsWith('/forsta-start')) return null
  return value
}

/**
 * The signed-in user, as GET /api/auth/me describes them (null when not signed in). The session itself
 * is the HttpOnly cookie the server sets; this store never sees or keeps the token.
 */
export const useSessionStore = defineStore('session', () => {
  const user = ref(null)
  /** True once GET /api/auth/me has answered (with a user or 401). */
  const loaded = ref(false)
  /** True when a request found the session gone while someone was signed in. */
  const expired = ref(false)
  let pending = null

  const roles = computed(() => (Array.isArray(user.value?.roles) ? user.value.roles : []))
  const isAdmin = computed(() => user.value?.admin === true || roles.value.some((r) => r.role === 'ADMIN'))
  const hasRole = (role) => roles.value.some((r) => r.role === role)
  const isLead = computed(() => hasRole('PROJECT_LEAD'))
  const isFacilitator = computed(() => hasRole('FACILITATOR'))
  /** ADMIN and project leads see the regional comparison (of their organisations). */
  const canSeeRegional = computed(() => isAdmin.value || isLead.value)
  /** Organisations where the user works with rounds (facilitators see none): [{ id, name }]. */
  const organisations = computed(() => {
    const map = new Map()
    for (const r of roles.value) {
      if (r.role === 'FACILITATOR' || r.role === 'ADMIN' || r.organisationId === null || r.organisationId === undefined)
        continue
      if (!map.has(String(r.organisationId)))
        map.set(String(r.organisationId), { id: r.organisationId, name: r.organisationName })
    }
    return [...map.values()].sort((a, b) => String(a.name || '').localeCompare(String(b.name || ''), 'sv'))
  })
  /**
   * Where the user's work is: a facilitator with no rounds to see on the workshops, someone in one organisation on
   * its page (its rounds, their open responses), everyone else on the organisations list.
   */
  const startRoute = computed(() => {
    if (!isAdmin.value && isFacilitator.value && organisations.value.length === 0) {
      return { name: 'workshops' }
    }
    if (!isAdmin.value && organisations.value.length === 1) {
      return { name: 'organisation', params: { id: String(organisations.value[0].id) } }
    }
    return { name: 'home' }
  })

  /** The user's roles in one organisation, e.g. ['PROJECT_LEAD']. */
  function rolesIn(organisationId) {
    return roles.value.filter((r) => sameId(r.organisationId, organisationId)).map((r) => r.role)
  }

  /** May create, close, import and export rounds, invite, keep actions and read the audit trail there. */
  function canManage(organisationId) {
    return isAdmin.value || rolesIn(organisationId).includes('PROJECT_LEAD')
  }

  function signedIn(u) {
    const changed = !user.value || !u || String(user.value.id) !== String(u.id)
    user.value = u
    loaded.value = true
    expired.value = false
    if (changed) useOrganisationsStore().clear()
    // Answers that were refused while the session was gone go out now.
    if (u) resendAllOutboxes()
    return u
  }

  /** The user from a login answer, or from /me when the answer does not carry the roles. */
  async function userFrom(answer) {
    const u = answer?.user
    return u && Array.isArray(u.roles) ? u : api.getMe()
  }

  /**
   * Load the user once (or again with `force`). Resolves to the user or null (401); rejects when the
   * server cannot be reached, so the caller can carry on without knowing.
   */
  function load({ force = false } = {}) {
    if (loaded.value && !force) return Promise.resolve(user.value)
    if (!pending) {
      pending = api
        .getMe()
        .then(
          (u) => {
            user.value = u
            loaded.value = true
            return u
          },
          (error) => {
            if (error?.status !== 401) throw error
            user.value = null
            loaded.value = true
            return null
          },
        )
        .finally(() => {
          pending = null
        })
    }
    return pending
  }

  async function login(username, password) {
    const answer = await api.login(username, password)
    return signedIn(await userFrom(answer))
  }

  async function setUp(username, password) {
    const answer = await api.createFirstAdmin(username, password)
    return signedIn(await userFrom(answer))
  }

  /** Accept an invitation: signed in afterwards. Resolves to the id of the person's response. */
  /** Signs in through the invitation; resolves to `{ roundId, responseId }` (no response yet where a role is asked). */
  async function acceptInvitation(token, password) {
    const answer = await api.acceptInvitation(token, password)
    signedIn(await userFrom(answer))
    return { roundId: answer.roundId, responseId: answer.responseId ?? null }
  }

  async function logout() {
    try {
      await api.logout()
    } catch (error) {
      // Already gone on the server (401): signed out all the same.
      if (error?.status !== 401) throw error
    }
    user.value = null
    loaded.value = true
    expired.value = false
    useOrganisationsStore().clear()
    // Stop sending the response that was open; unsent answers stay on the device for its owner's next login.
    useResponseEditorStore().reset()
  }

  /** A request found the session gone (see api.onUnauthorized). */
  function sessionEnded() {
    if (user.value) expired.value = true
    user.value = null
    loaded.value = true
  }

  api.onUnauthorized(sessionEnded)

  return {
    user,
    loaded,
    expired,
    roles,
    isAdmin,
    isLead,
    isFacilitator,
    canSeeRegional,
    organisations,
    startRoute,
    hasRole,
    rolesIn,
    canManage,
    load,
    login,
    setUp,
    acceptInvitation,
    logout,
    sessionEnded,
    signedIn,
  }
})
