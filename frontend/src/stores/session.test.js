import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import * as api from '../api/client.js'
import { ApiError } from '../api/client.js'
import { safeRedirect, useSessionStore } from './session.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return { ...actual, getMe: vi.fn(), login: vi.fn(), logout: vi.fn() }
})

const lead = {
  id: 2,
  username: 'lena',
  admin: false,
  roles: [
    { organisationId: 3, organisationName: 'Exempelby', role: 'PROJECT_LEAD' },
    { organisationId: 4, organisationName: 'Annanby', role: 'RESPONDENT' },
    { organisationId: 5, organisationName: 'Tredje', role: 'FACILITATOR' },
  ],
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.clearAllMocks())

describe('session store', () => {
  it('loads the user once, and knows a 401 as signed out', async () => {
    vi.mocked(api.getMe).mockRejectedValue(new ApiError({ status: 401 }))
    const session = useSessionStore()
    expect(await session.load()).toBeNull()
    expect(await session.load()).toBeNull()
    expect(api.getMe).toHaveBeenCalledTimes(1)
    expect(session.loaded).toBe(true)
  })

  it('passes on an unreachable server without deciding that nobody is signed in', async () => {
    vi.mocked(api.getMe).mockRejectedValue(new ApiError({ status: 0 }))
    const session = useSessionStore()
    await expect(session.load()).rejects.toMatchObject({ status: 0 })
    expect(session.loaded).toBe(false)
  })

  it('answers what the user may do per organisation', async () => {
    vi.mocked(api.getMe).mockResolvedValue(lead)
    const session = useSessionStore()
    await session.load()
    expect(session.isAdmin).toBe(false)
    expect(session.rolesIn(3)).toEqual(['PROJECT_LEAD'])
    expect(session.rolesIn('4')).toEqual(['RESPONDENT'])
    expect(session.canManage(3)).toBe(true)
    expect(session.canManage(4)).toBe(false)
    expect(session.canSeeRegional).toBe(true)
    // Facilitating gives no organisation to work with.
    expect(session.organisations.map((o) => o.name)).toEqual(['Annanby', 'Exempelby'])
    expect(session.startRoute).toEqual({ name: 'home' })
  })

  it('starts a user with one organisation on its page, and an administrator on the list', async () => {
    const session = useSessionStore()
    session.signedIn({
      id: 3,
      username: 'sara',
      admin: false,
      roles: [{ organisationId: 4, organisationName: 'Annanby', role: 'RESPONDENT' }],
    })
    expect(session.startRoute).toEqual({ name: 'organisation', params: { id: '4' } })
    expect(session.canManage(4)).toBe(false)
    session.signedIn({ id: 1, username: 'admin', admin: true, roles: [] })
    expect(session.startRoute).toEqual({ name: 'home' })
    expect(session.canManage(99)).toBe(true)
  })

  it('starts a facilitator, who sees no rounds, on the workshops', () => {
    const session = useSessionStore()
    session.signedIn({
      id: 5,
      username: 'fia',
      admin: false,
      roles: [{ organisationId: 4, organisationName: 'Annanby', role: 'FACILITATOR' }],
    })
    expect(session.startRoute).toEqual({ name: 'workshops' })
  })

  it('takes the user from the login answer, and asks /me when the answer has no roles', async () => {
    const session = useSessionStore()
    vi.mocked(api.login).mockResolvedValueOnce({ accessToken: 't', user: lead })
    await session.login('lena', 'x')
    expect(api.getMe).not.toHaveBeenCalled()
    expect(session.user.username).toBe('lena')

    vi.mocked(api.login).mockResolvedValueOnce({ accessToken: 't', user: { id: 2, username: 'lena' } })
    vi.mocked(api.getMe).mockResolvedValueOnce(lead)
    await session.login('lena', 'x')
    expect(api.getMe).toHaveBeenCalledTimes(1)
    expect(session.rolesIn(3)).toEqual(['PROJECT_LEAD'])
  })

  it('marks the session expired when a request finds it gone, and signs out even if the server already had', async () => {
    const session = useSessionStore()
    session.signedIn(lead)
    session.sessionEnded()
    expect(session.user).toBeNull()
    expect(session.expired).toBe(true)

    session.signedIn(lead)
    expect(session.expired).toBe(false)
    vi.mocked(api.logout).mockRejectedValue(new ApiError({ status: 401 }))
    await session.logout()
    expect(session.user).toBeNull()
  })

  it('only returns to local paths after logging in', () => {
    expect(safeRedirect('/svar/12')).toBe('/svar/12')
    expect(safeRedirect('//evil.example/x')).toBeNull()
    expect(safeRedirect('https://evil.example/')).toBeNull()
    expect(safeRedirect('/logga-in?redirect=/x')).toBeNull()
    expect(safeRedirect('')).toBeNull()
  })
})
