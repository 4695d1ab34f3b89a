import { afterEach, describe, expect, it, vi } from 'vitest'
import { ADMIN, signedInPinia } from './test/session.js'
import { mountAt } from './test/mount.js'

// Below 640 px the navigation and the user menu fold behind one button: keyboard and screen-reader usable.
describe('the header menu', () => {
  let wrapper
  afterEach(() => {
    wrapper?.unmount()
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('opens and closes with its button, says so with aria-expanded, closes on Escape and on navigation', async () => {
    signedInPinia(ADMIN)
    window.scrollTo = vi.fn()
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('[]', { headers: { 'Content-Type': 'application/json' } }))),
    )
    let router
    ;({ wrapper, router } = await mountAt('/instrument', { app: true }))
    const button = wrapper.get('[data-testid="menu-button"]')
    expect(button.attributes('aria-controls')).toBe('app-menu')
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(wrapper.get('#app-menu').classes()).not.toContain('app-menu--open')

    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(wrapper.get('#app-menu').classes()).toContain('app-menu--open')
    expect(wrapper.get('#app-menu').find('[data-testid="logout"]').exists()).toBe(true)

    await wrapper.get('#app-menu').trigger('keydown', { key: 'Escape' })
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button.element)

    await button.trigger('click')
    await router.push('/admin/anvandare')
    await vi.waitFor(() => expect(button.attributes('aria-expanded')).toBe('false'))
  })
})
