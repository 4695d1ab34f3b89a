import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ADMIN, signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'
import { answer as json } from '../test/http.js'

// "Glömt lösenord?": asking for a link where the server mails, being told to ask an administrator where it
// does not, choosing the new password through the link, and the administrator's link on the users page.
let wrapper
let calls

function backend(routes) {
  calls = []
  vi.stubGlobal(
    'fetch',
    vi.fn((url, init = {}) => {
      const path = new URL(url, 'http://localhost').pathname
      const method = init.method || 'GET'
      calls.push({ method, path, body: init.body ? JSON.parse(init.body) : undefined })
      const handler = routes[`${method} ${path}`]
      return handler ? handler(init) : json(404, { status: 404, title: 'Not Found', detail: `ingen ${path}` })
    }),
  )
}

const $ = (testid) => wrapper.get(`[data-testid="${testid}"]`)

beforeEach(() => signedInPinia(null))
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('forgotten password', () => {
  it('mails a link where the server sends e-mail, and says the same whether or not the account exists', async () => {
    backend({
      'GET /api/auth/password-reset': () => json(200, { selfService: true }),
      'POST /api/auth/password-reset': () => json(202),
    })
    ;({ wrapper } = await mountAt('/glomt-losenord'))
    await $('forgot-submit').trigger('submit')
    expect(wrapper.text()).toContain('Skriv ditt användarnamn.')
    await $('forgot-username').setValue('anna@lund.se')
    await $('forgot-username').element.form.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST').body).toEqual({ username: 'anna@lund.se' })
    expect($('forgot-sent').text()).toContain('Om adressen har ett konto')
  })

  it('tells the person to ask an administrator where the server sends no e-mail', async () => {
    backend({ 'GET /api/auth/password-reset': () => json(200, { selfService: false }) })
    ;({ wrapper } = await mountAt('/glomt-losenord'))
    expect($('forgot-ask-admin').text()).toContain('Be en administratör')
    expect(wrapper.find('[data-testid="forgot-username"]').exists()).toBe(false)
  })

  it('chooses a new password through the link, checking it first', async () => {
    backend({
      'GET /api/auth/password-reset/tok': () => json(200, { username: 'anna@lund.se' }),
      'POST /api/auth/password-reset/tok': () => json(204),
    })
    ;({ wrapper } = await mountAt('/nytt-losenord/tok'))
    expect(wrapper.text()).toContain('Nytt lösenord för anna@lund.se.')
    await $('new-password-password').setValue('kort')
    await $('new-password-submit').element.form.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    await $('new-password-password').setValue('ett-bra-nytt-lösenord')
    await $('new-password-password-repeat').setValue('ett-bra-nytt-lösenord')
    await $('new-password-submit').element.form.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST').body).toEqual({ password: 'ett-bra-nytt-lösenord' })
    expect($('new-password-done').text()).toContain('Du har loggats ut överallt')
  })

  it('says plainly when the link is used up', async () => {
    backend({
      'GET /api/auth/password-reset/gammal': () =>
        json(410, { status: 410, title: 'Gone', detail: 'Länken är redan använd. Logga in med ditt nya lösenord.' }),
    })
    ;({ wrapper } = await mountAt('/nytt-losenord/gammal'))
    expect($('new-password-unusable').text()).toContain('Länken är redan använd')
  })

  it('lets an administrator make a link for a user on the users page', async () => {
    signedInPinia(ADMIN)
    backend({
      'GET /api/users': () => json(200, [{ id: 7, username: 'anna@lund.se', admin: false, roles: [] }]),
      'GET /api/organisations': () => json(200, []),
      'POST /api/users/7/password-reset': () => json(201, { link: 'http://localhost/nytt-losenord/abc' }),
    })
    ;({ wrapper } = await mountAt('/admin/anvandare'))
    await $('admin-user-reset-link').trigger('click')
    await flushPromises()
    expect($('admin-user-reset-url').element.value).toBe('http://localhost/nytt-losenord/abc')
  })

  it('shows an administrator what is kept about an address, offers it as a file, and erases it after a confirmation', async () => {
    signedInPinia(ADMIN)
    const held = {
      email: 'maria@lund.se',
      account: { id: 9, username: 'maria@lund.se', admin: false, roles: [] },
      invitations: [{ roundId: 3 }],
      surveyLinks: [{ roundId: 4, mailed: true, answered: false }],
      auditEntries: [{ action: 'round.created' }, { action: 'invitation.created' }],
    }
    URL.createObjectURL = vi.fn(() => 'blob:held')
    backend({
      'GET /api/users': () => json(200, []),
      'GET /api/organisations': () => json(200, []),
      'GET /api/personal-data': () => json(200, held),
      'DELETE /api/personal-data': () => json(200, { account: true, invitationsAndLinks: 2, auditEntries: 2 }),
    })
    ;({ wrapper } = await mountAt('/admin/anvandare'))
    await $('personal-data-email').setValue('maria@lund.se')
    await $('personal-data-find').element.form.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect($('personal-data-held').text()).toContain(
      'Konto: 1. Inbjudningar: 1. Enkätlänkar: 1. Händelser i loggen som nämner personen: 2.',
    )
    expect($('personal-data-download').attributes('href')).toBe('blob:held')
    await $('personal-data-erase').trigger('click')
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)
    await $('personal-data-confirm').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.method === 'DELETE').path).toBe('/api/personal-data')
    expect($('personal-data-erased').text()).toContain('Raderat: 2 inbjudningar och länkar')
  })
})
