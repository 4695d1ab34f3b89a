import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeWorkshops } from '../test/fakeBackend.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'
import { STAIRCASE } from '../test/instruments.js'

// The code box at /w (the short address on the projector) and on the login page the site's root leads to.
let backend
let wrapper

beforeEach(() => {
  localStorage.clear()
  window.scrollTo = vi.fn()
  signedInPinia(null)
  backend = createFakeWorkshops(STAIRCASE)
  vi.stubGlobal(
    'fetch',
    vi.fn((url, init) =>
      url === '/api/setup' ? Promise.resolve(new Response('{"needed":false}')) : backend.handle(url, init),
    ),
  )
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the workshop code box', () => {
  it('takes the code in any case and with spaces, and leads to the workshop', async () => {
    backend.addWorkshop({ title: 'Förvaltningsdagen', code: 'K7M2QX' })
    let router
    ;({ wrapper, router } = await mountAt('/w'))
    await wrapper.get('[data-testid="code-input"]').setValue(' k7m 2qx ')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/w/K7M2QX'))
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Förvaltningsdagen'))
  })

  it('an empty box says what to type, a wrong code shows the box again with the server’s words', async () => {
    let router
    ;({ wrapper, router } = await mountAt('/w'))
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[data-testid="code-error"]').text()).toBe('Skriv koden som visas på skärmen.')

    await wrapper.get('[data-testid="code-input"]').setValue('zzz999')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/w/ZZZ999'))
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="code-error"]').text()).toContain('Det finns ingen workshop med koden ZZZ999'),
    )
    expect(wrapper.get('[data-testid="code-input"]').element.value).toBe('ZZZ999')
  })

  it('says once what /w is for: one heading, then the box with its label', async () => {
    ;({ wrapper } = await mountAt('/w'))
    expect(wrapper.findAll('h1, h2, h3').map((heading) => heading.text())).toEqual(['Gå med i en workshop'])
    expect(wrapper.get('label[for="workshop-code-input"]').text()).toBe('Koden på skärmen')
  })

  it('is on the login page someone without an account reaches from the site’s root, with a heading of its own', async () => {
    let router
    ;({ wrapper, router } = await mountAt('/'))
    expect(router.currentRoute.value.name).toBe('login')
    expect(wrapper.find('[data-testid="code-input"]').exists()).toBe(true)
    expect(wrapper.findAll('h2').map((heading) => heading.text())).toContain('Gå med i en workshop')
  })
})
