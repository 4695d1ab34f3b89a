import { afterEach, describe, expect, it, vi } from 'vitest'
import * as api from '../api/client.js'
import { ApiError } from '../api/client.js'
import { accessGuard, routes } from './index.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return { ...actual, getSetup: vi.fn() }
})

afterEach(() => vi.clearAllMocks())

/** A stand-in for the session store with what the guard reads. */
function session(user, { isAdmin = false, canSeeRegional = false, startRoute = { name: 'home' } } = {}) {
  return { load: vi.fn().mockResolvedValue(user), isAdmin, canSeeRegional, startRoute }
}
const route = (name, fullPath = '/') => {
  const r = routes.find((x) => x.name === name)
  return { name, fullPath, meta: r.meta || {} }
}

describe('access guard', () => {
  it('lets anyone open the public pages without asking for the session', async () => {
    const s = session(null)
    for (const name of ['login', 'first-run', 'invitation']) expect(await accessGuard(route(name), s)).toBe(true)
    expect(await accessGuard({ name: 'workshop-participant', fullPath: '/w/ABC', meta: { public: true } }, s)).toBe(
      true,
    )
    expect(s.load).not.toHaveBeenCalled()
  })

  it('sends a visitor without a session to the login page with the way back', async () => {
    vi.mocked(api.getSetup).mockResolvedValue({ needed: false })
    expect(await accessGuard(route('round', '/omgangar/5?x=1'), session(null))).toEqual({
      name: 'login',
      query: { redirect: '/omgangar/5?x=1' },
    })
  })

  it('sends the visitor to the first-run page while there is no administrator', async () => {
    vi.mocked(api.getSetup).mockResolvedValue({ needed: true })
    expect(await accessGuard(route('home'), session(null))).toEqual({ name: 'first-run' })
  })

  it('sends others than administrators from admin pages, and others than leads from the regional page, to their start', async () => {
    const start = { name: 'organisation', params: { id: '3' } }
    const respondent = session({ id: 2 }, { startRoute: start })
    expect(await accessGuard(route('admin-users', '/admin/anvandare'), respondent)).toEqual(start)
    expect(await accessGuard(route('instruments', '/instrument'), respondent)).toEqual(start)
    expect(await accessGuard(route('regional', '/regional'), respondent)).toEqual(start)
    expect(await accessGuard(route('home'), respondent)).toEqual(start)
    expect(await accessGuard(route('round', '/omgangar/5'), respondent)).toBe(true)

    const admin = session({ id: 1 }, { isAdmin: true, canSeeRegional: true })
    expect(await accessGuard(route('admin-users', '/admin/anvandare'), admin)).toBe(true)
    expect(await accessGuard(route('home'), admin)).toBe(true)
  })

  it('opens the page when the server cannot be reached, so answering offline keeps working', async () => {
    const s = { load: vi.fn().mockRejectedValue(new ApiError({ status: 0 })) }
    expect(await accessGuard(route('response', '/svar/4'), s)).toBe(true)
  })
})
