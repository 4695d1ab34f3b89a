import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ADMIN, signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'
import { answer as json } from '../test/http.js'

// Signing in through the organisation's identity provider: the login page's buttons, the password form an
// administrator closed, the provider's logout offered after a logout, and the error page's reasons.
let wrapper

function backend(methods) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url) => {
      const path = new URL(url, 'http://localhost').pathname
      if (path === '/api/auth/methods') return json(200, methods)
      if (path === '/api/setup') return json(200, { needed: false })
      return json(401, { status: 401, title: 'Unauthorized', detail: 'Logga in.' })
    }),
  )
}

const LUND = { id: 'lund', name: 'Lunds kommun' }

beforeEach(() => signedInPinia(null))
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the login page with identity providers', () => {
  it('shows a button per provider beside the password form, leading to its sign-in with the return path', async () => {
    backend({ password: true, providers: [LUND] })
    ;({ wrapper } = await mountAt('/logga-in?redirect=/omgangar/7'))
    await flushPromises()
    const button = wrapper.get('[data-testid="login-provider-lund"]')
    expect(button.text()).toBe('Logga in med Lunds kommun')
    expect(button.attributes('href')).toBe('/api/auth/oidc/lund/login?redirect=%2Fomgangar%2F7')
    expect(wrapper.find('[data-testid="login-form"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('eller med användarnamn och lösenord')
  })

  it('hides the password form once an administrator has closed it', async () => {
    backend({ password: false, providers: [LUND] })
    ;({ wrapper } = await mountAt('/logga-in'))
    await flushPromises()
    expect(wrapper.find('[data-testid="login-provider-lund"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="login-form"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="login-forgot"]').exists()).toBe(false)
  })

  it('offers the provider’s own logout after a logout from a session opened through it', async () => {
    backend({ password: true, providers: [LUND] })
    ;({ wrapper } = await mountAt('/logga-in?utloggad=lund'))
    await flushPromises()
    expect(wrapper.get('[data-testid="login-signed-out"]').text()).toContain('Du är utloggad från Lägesbild.')
    expect(wrapper.get('[data-testid="login-provider-logout"]').attributes('href')).toBe('/api/auth/oidc/lund/logout')
  })

  it('shows the password form alone where no provider is configured', async () => {
    backend({ password: true, providers: [] })
    ;({ wrapper } = await mountAt('/logga-in'))
    await flushPromises()
    expect(wrapper.find('[data-testid="login-providers"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="login-form"]').exists()).toBe(true)
  })
})

describe('the sign-in error page', () => {
  it.each([
    ['state', 'påbörjades i en annan webbläsare'],
    ['code', 'koden var redan använd'],
    ['token', 'gick inte att kontrollera'],
    ['expired', 'hade redan gått ut'],
    ['issuer', 'är inte inställd i Lägesbild'],
    ['disabled', 'Ditt konto i Lägesbild är avstängt'],
    ['något-annat', 'Inloggningen misslyckades. Försök igen.'],
  ])('words the reason %s in Swedish and says nobody was signed in', async (reason, words) => {
    backend({ password: true, providers: [LUND] })
    ;({ wrapper } = await mountAt(`/inloggning-misslyckades?orsak=${reason}`))
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe('Inloggningen misslyckades')
    expect(wrapper.get('[data-testid="sign-in-failed"]').text()).toContain('Du har inte loggats in.')
    expect(wrapper.get('[data-testid="sign-in-failed-reason"]').text()).toContain(words)
    expect(wrapper.get('[data-testid="sign-in-failed-retry"]').attributes('href')).toBe('/logga-in')
  })
})

describe('the users page', () => {
  function adminBackend() {
    const calls = []
    vi.stubGlobal(
      'fetch',
      vi.fn((url, init = {}) => {
        const path = new URL(url, 'http://localhost').pathname
        const method = init.method || 'GET'
        calls.push({ method, path, body: init.body ? JSON.parse(init.body) : undefined })
        if (method === 'GET' && path === '/api/users')
          return json(200, [
            {
              id: 2,
              username: 'sara@lund.se',
              admin: false,
              roles: [],
              disabled: false,
              signsInWith: ['Lunds kommun'],
            },
          ])
        if (method === 'GET' && path === '/api/organisations') return json(200, [])
        if (method === 'GET' && path === '/api/auth/methods') return json(200, { password: true, providers: [LUND] })
        if (method === 'PUT' && path === '/api/auth/methods')
          return json(409, {
            status: 409,
            title: 'Conflict',
            detail:
              'Inloggning med lösenord kan inte stängas av ännu: ingen administratör har loggat in med Lunds kommun.',
          })
        if (method === 'PUT' && path === '/api/users/2/disabled')
          return json(200, {
            id: 2,
            username: 'sara@lund.se',
            admin: false,
            roles: [],
            disabled: true,
            signsInWith: ['Lunds kommun'],
          })
        return json(404, { status: 404, title: 'Not Found', detail: path })
      }),
    )
    return calls
  }

  it('shows who signs in through a provider, disables an account, and says why the password form stays', async () => {
    signedInPinia(ADMIN)
    const calls = adminBackend()
    ;({ wrapper } = await mountAt('/admin/anvandare'))
    await flushPromises()
    expect(wrapper.get('[data-testid="admin-user-name"]').text()).toContain('Loggar in med Lunds kommun')

    await wrapper.get('[data-testid="admin-user-disable-2"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.method === 'PUT' && c.path === '/api/users/2/disabled').body).toEqual({ disabled: true })
    expect(wrapper.get('[data-testid="admin-user-disabled"]').text()).toBe('Avstängt')
    expect(wrapper.get('[data-testid="admin-user-disable-2"]').text()).toBe('Öppna konto igen')

    expect(wrapper.get('[data-testid="sign-in-settings"]').text()).toContain('Identitetsleverantörer: Lunds kommun.')
    await wrapper.get('[data-testid="sign-in-settings-toggle"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.method === 'PUT' && c.path === '/api/auth/methods').body).toEqual({ password: false })
    expect(wrapper.get('[data-testid="sign-in-settings"]').text()).toContain(
      'ingen administratör har loggat in med Lunds kommun',
    )
    expect(wrapper.get('[data-testid="sign-in-settings-state"]').text()).toContain('visar också formuläret')
  })
})
