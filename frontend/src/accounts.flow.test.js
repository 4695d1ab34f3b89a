import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import App from './App.vue'
import { createAppRouter } from './router/index.js'
import { createAppI18n } from './i18n/index.js'
import { ADMIN_PASSWORD, ADMIN_USERNAME, createFakeBackend } from './test/fakeBackend.js'
import { useResponseEditorStore } from './stores/responseEditor.js'

const instrument = {
  code: 'checklist-systematik',
  version: 1,
  title: 'Checklista för systematiskt arbete',
  kind: 'checklist',
  // As the real checklist: answered once for the organisation.
  respondents: 'single',
  scale: [
    { value: 1, label: 'Inte påbörjat' },
    { value: 2, label: 'Påbörjat' },
    { value: 3, label: 'Delvis genomfört' },
    { value: 4, label: 'Genomfört' },
  ],
  parts: [
    {
      code: 'P1',
      title: 'Styrning',
      items: [
        { code: 'CS-01', text: 'Ett' },
        { code: 'CS-02', text: 'Två' },
      ],
    },
  ],
}

let backend
let mounted = []

beforeEach(() => {
  localStorage.clear()
  window.scrollTo = vi.fn()
  HTMLCanvasElement.prototype.getContext = () => null
})

afterEach(() => {
  for (const { app, pinia } of mounted) {
    useResponseEditorStore(pinia).reset()
    app.unmount()
  }
  mounted = []
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

function useBackend(options, definition = instrument) {
  backend = createFakeBackend(definition, options)
  vi.stubGlobal(
    'fetch',
    vi.fn((url, init) => backend.handle(url, init)),
  )
}

/** Call the fake backend as the administrator, whoever is signed in in the app. */
async function asAdmin(method, url, body) {
  const saved = backend.state.sessionUserId
  backend.state.sessionUserId = backend.users.find((u) => u.username === ADMIN_USERNAME).id
  const res = await backend.handle(url, { method, body: body && JSON.stringify(body) })
  backend.state.sessionUserId = saved
  return res.status === 204 ? null : res.json()
}

async function organisationWithRound(name = 'Exempelby') {
  const org = await asAdmin('POST', '/api/organisations', { name })
  const round = await asAdmin('POST', '/api/rounds', {
    organisationId: org.id,
    instrumentCode: instrument.code,
    label: '2025',
  })
  return { org, round }
}

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

async function openApp(path) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  router.push(path)
  await router.isReady()
  const app = mount(App, { global: { plugins: [pinia, createAppI18n('sv'), router] }, attachTo: document.body })
  mounted.push({ app, pinia })
  await settle()
  const $ = (id) => app.get(`[data-testid="${id}"]`)
  const has = (id) => app.find(`[data-testid="${id}"]`).exists()
  return { app, router, pinia, $, has }
}

async function logIn($, username, password) {
  await $('login-username').setValue(username)
  await $('login-password').setValue(password)
  await $('login-form').trigger('submit')
  await settle()
  await vi.waitFor(() => expect(document.querySelector('[data-testid="login-submit"]')?.disabled).not.toBe(true), {
    timeout: 5000,
  })
  await settle()
}

describe('signing in', () => {
  it('sends a visitor without a session to the login page and back to the page they asked for', async () => {
    useBackend({ signedIn: false })
    const { org } = await organisationWithRound('Socialtjänsten Exempelby')
    const { router, $, has } = await openApp(`/organisationer/${org.id}`)

    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe(`/organisationer/${org.id}`)
    expect(has('user-menu')).toBe(false)
    expect(has('nav-organisations')).toBe(false)

    await logIn($, ADMIN_USERNAME, ADMIN_PASSWORD)
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/organisationer/${org.id}`), {
      timeout: 5000,
    })
    await settle()
    expect($('user-menu-name').text()).toBe('admin')
    expect($('user-menu-roles').text()).toBe('Administratör')
    expect(document.querySelector('h1').textContent).toBe('Socialtjänsten Exempelby')

    await $('logout').trigger('click')
    await settle()
    expect(router.currentRoute.value.name).toBe('login')
    expect(backend.state.sessionUserId).toBeNull()
    expect(has('user-menu')).toBe(false)
  })

  it('shows a refused login next to the fields and keeps the visitor on the page', async () => {
    useBackend({ signedIn: false })
    const { router, $ } = await openApp('/')
    await logIn($, ADMIN_USERNAME, 'fel-losenord')

    expect(router.currentRoute.value.name).toBe('login')
    expect($('login-error').text()).toBe('Fel användarnamn eller lösenord.')
    expect($('login-error').element.parentElement.getAttribute('aria-live')).toBe('assertive')
    expect($('login-password').attributes('aria-invalid')).toBe('true')
    expect($('login-password').attributes('aria-describedby')).toBe('login-error')
    expect($('login-password').element.value).toBe('')
    expect(document.activeElement).toBe($('login-password').element)
  })

  it('says how long to wait after too many failed logins (429)', async () => {
    useBackend({ signedIn: false })
    backend.state.loginLockSeconds = 900
    const { router, $ } = await openApp('/')
    await logIn($, ADMIN_USERNAME, ADMIN_PASSWORD)

    expect(router.currentRoute.value.name).toBe('login')
    expect($('login-error').text()).toBe('För många misslyckade inloggningar. Försök igen om 15 minuter.')
  })

  it('asks for both fields before sending anything', async () => {
    useBackend({ signedIn: false })
    const { $ } = await openApp('/')
    const calls = fetch.mock.calls.length
    await $('login-form').trigger('submit')
    await settle()
    expect(fetch.mock.calls.length).toBe(calls)
    expect($('login-form').text()).toContain('Skriv ditt användarnamn eller din e-postadress.')
    expect($('login-username').attributes('aria-describedby')).toBe('login-username-error')
  })
})

describe('first run', () => {
  it('creates the first administrator, who then lands on the organisations page signed in', async () => {
    useBackend({ withAdmin: false })
    const { router, $, has } = await openApp('/regional')
    expect(router.currentRoute.value.name).toBe('first-run')

    await $('firstrun-username').setValue('forsta')
    await $('firstrun-password').setValue('kort')
    await $('firstrun-password-repeat').setValue('kort')
    await $('firstrun-form').trigger('submit')
    await settle()
    expect($('firstrun-form').text()).toContain('Lösenordet måste ha minst 10 tecken.')
    expect(backend.users).toHaveLength(0)

    await $('firstrun-password').setValue('ett-langt-losenord')
    await $('firstrun-password-repeat').setValue('ett-annat-losenord')
    await $('firstrun-form').trigger('submit')
    await settle()
    expect($('firstrun-password-repeat').attributes('aria-invalid')).toBe('true')
    expect(backend.users).toHaveLength(0)

    await $('firstrun-password-repeat').setValue('ett-langt-losenord')
    await $('firstrun-form').trigger('submit')
    await settle()
    expect(router.currentRoute.value.name).toBe('home')
    expect(backend.users).toMatchObject([{ username: 'forsta', admin: true }])
    expect($('user-menu-name').text()).toBe('forsta')
    expect(has('org-create')).toBe(true)
    expect(has('nav-users')).toBe(true)
  })

  it('is closed once an administrator exists', async () => {
    useBackend({ signedIn: false })
    const { $, has } = await openApp('/forsta-start')
    expect(has('firstrun-form')).toBe(false)
    expect($('firstrun-closed').text()).toContain('Det finns redan en administratör')
  })
})

describe('invitations', () => {
  it('lets a lead invite by e-mail; the invited person sets a password and lands in their own response', async () => {
    useBackend({ signedIn: false })
    const { org, round } = await organisationWithRound('Exempelby')
    backend.addUser({
      username: 'lena',
      password: 'lenas-losenord',
      roles: [{ organisationId: org.id, role: 'PROJECT_LEAD' }],
    })

    const lead = await openApp(`/omgangar/${round.id}`)
    await logIn(lead.$, 'lena', 'lenas-losenord')
    expect(lead.router.currentRoute.value.fullPath).toBe(`/omgangar/${round.id}`)
    expect(lead.app.text()).toContain('Inga inbjudningar än.')

    await lead.$('invite-email').setValue('sara@exempelby.se')
    await lead.$('invite-submit').trigger('submit')
    await settle()
    const link = lead.$('invitation-link').element.value
    expect(link).toMatch(/^http:\/\/localhost(:\d+)?\/inbjudan\/tok/)
    expect(lead.$('invitation-link').attributes('readonly')).toBeDefined()
    expect(lead.$('invitation-status').text()).toBe('väntar')

    const writeText = vi.fn().mockResolvedValue()
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    await lead.$('invitation-copy').trigger('click')
    await settle()
    expect(writeText).toHaveBeenCalledWith(link)
    expect(lead.$('invitation-copy-status').text()).toBe('Länken är kopierad.')

    await lead.$('logout').trigger('click')
    await settle()

    const path = new URL(link).pathname
    const invited = await openApp(path)
    expect(invited.router.currentRoute.value.name).toBe('invitation')
    expect(invited.$('invitation-organisation').text()).toBe('Exempelby')
    expect(invited.$('invitation-round').text()).toBe('2025')
    expect(invited.$('invitation-instrument').text()).toBe('Checklista för systematiskt arbete')

    await invited.$('invitation-password').setValue('saras-losenord')
    await invited.$('invitation-password-repeat').setValue('saras-losenord')
    await invited.$('invitation-submit').trigger('submit')
    await vi.waitFor(() => expect(invited.app.find('[data-testid="progress"]').exists()).toBe(true), { timeout: 5000 })
    const response = backend.responses.at(-1)
    expect(invited.router.currentRoute.value.fullPath).toBe(`/svar/${response.id}`)
    expect(invited.$('user-menu-name').text()).toBe('sara@exempelby.se')
    expect(invited.$('user-menu-roles').text()).toBe('Svarande i Exempelby')
    expect(backend.users.find((u) => u.username === 'sara@exempelby.se').roles).toEqual([
      { organisationId: org.id, role: 'RESPONDENT' },
    ])

    // The link works once.
    const again = await openApp(path)
    expect(again.$('invitation-unusable').text()).toContain('Länken har redan använts eller har gått ut.')
    expect(again.has('invitation-form')).toBe(false)
  })

  it('asks only for the password when the invited address already has an account', async () => {
    useBackend({ signedIn: false })
    const { org, round } = await organisationWithRound()
    backend.addUser({ username: 'sara', email: 'sara@exempelby.se', password: 'saras-losenord' })
    const invitation = await asAdmin('POST', `/api/rounds/${round.id}/invitations`, { email: 'sara@exempelby.se' })

    const { app, router, $, has } = await openApp(invitation.link)
    expect(has('invitation-password-repeat')).toBe(false)
    expect(app.text()).toContain('Du har redan ett konto med e-postadressen sara@exempelby.se.')

    await $('invitation-password').setValue('fel-losenord')
    await $('invitation-form').trigger('submit')
    await settle()
    expect($('invitation-password').attributes('aria-invalid')).toBe('true')
    expect(router.currentRoute.value.name).toBe('invitation')

    await $('invitation-password').setValue('saras-losenord')
    await $('invitation-form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('response'), { timeout: 5000 })
    expect(backend.users.find((u) => u.username === 'sara').roles).toEqual([
      { organisationId: org.id, role: 'RESPONDENT' },
    ])
  })
})

describe('invitations to Skatta läget (the respondent chooses a role)', () => {
  const skattaLaget = {
    ...instrument,
    code: 'skatta-laget',
    title: 'Skatta läget',
    respondents: 'multiple',
    respondentRoles: [
      { code: 'ledning', label: 'Ledning' },
      { code: 'medarbetare', label: 'Medarbetare' },
    ],
  }

  async function acceptAndChooseRole(invitation, fill) {
    const invited = await openApp(invitation.link)
    await fill(invited.$)
    await invited.$('invitation-form').trigger('submit')
    await vi.waitFor(() => expect(invited.router.currentRoute.value.name).toBe('round'), { timeout: 5000 })
    await vi.waitFor(() => expect(invited.has('role-picker')).toBe(true), { timeout: 5000 })
    expect(invited.router.currentRoute.value.fullPath).not.toContain('undefined')
    expect(invited.app.find('[role="alert"]').exists()).toBe(false)

    await invited.$('role-medarbetare').setValue(true)
    await invited.$('role-picker').trigger('submit')
    await vi.waitFor(() => expect(invited.app.find('[data-testid="progress"]').exists()).toBe(true), { timeout: 5000 })
    const response = backend.responses.at(-1)
    expect(invited.router.currentRoute.value.fullPath).toBe(`/svar/${response.id}`)
    expect(response.respondentRole).toBe('medarbetare')
  }

  it('lands a new account on the round page’s role choice, never on /svar/undefined', async () => {
    useBackend({ signedIn: false }, skattaLaget)
    const { round } = await organisationWithRound()
    const invitation = await asAdmin('POST', `/api/rounds/${round.id}/invitations`, { email: 'sara@exempelby.se' })

    await acceptAndChooseRole(invitation, async ($) => {
      await $('invitation-password').setValue('saras-losenord')
      await $('invitation-password-repeat').setValue('saras-losenord')
    })
  })

  it('lands an existing account on the role choice too', async () => {
    useBackend({ signedIn: false }, skattaLaget)
    const { round } = await organisationWithRound()
    backend.addUser({ username: 'sara', email: 'sara@exempelby.se', password: 'saras-losenord' })
    const invitation = await asAdmin('POST', `/api/rounds/${round.id}/invitations`, { email: 'sara@exempelby.se' })

    await acceptAndChooseRole(invitation, ($) => $('invitation-password').setValue('saras-losenord'))
  })
})

describe('administration', () => {
  it('lets an administrator create a user with a role and change the roles later', async () => {
    useBackend()
    await asAdmin('POST', '/api/organisations', { name: 'Annanby' })
    const org = await asAdmin('POST', '/api/organisations', { name: 'Exempelby' })
    const { app, $ } = await openApp('/admin/anvandare')
    expect(app.findAll('[data-testid="admin-user-row"]').map((r) => r.text())).toEqual([
      expect.stringContaining('admin'),
    ])

    await $('admin-user-username').setValue('lena@exempelby.se')
    await $('admin-user-password').setValue('lenas-losenord')
    await $('admin-user-add-role').trigger('click')
    await $('admin-user-role-0').setValue('PROJECT_LEAD')
    await $('admin-user-role-org-0').setValue(String(org.id))
    await $('admin-user-form').trigger('submit')
    await settle()

    expect($('admin-user-created').text()).toBe('Användaren lena@exempelby.se har skapats.')
    const created = backend.users.find((u) => u.username === 'lena@exempelby.se')
    expect(created).toMatchObject({
      password: 'lenas-losenord',
      admin: false,
      roles: [{ organisationId: org.id, role: 'PROJECT_LEAD' }],
    })
    const row = app.findAll('[data-testid="admin-user-row"]').find((r) => r.text().includes('lena@exempelby.se'))
    expect(row.get('[data-testid="admin-user-roles"]').text()).toBe('Projektledare i Exempelby')

    await $(`admin-user-edit-${created.id}`).trigger('click')
    await $('admin-user-edit-role-0').setValue('RESPONDENT')
    await $('admin-user-edit-form').trigger('submit')
    await settle()
    expect(created.roles).toEqual([{ organisationId: org.id, role: 'RESPONDENT' }])
    expect($('admin-user-saved').text()).toBe('Rollerna för lena@exempelby.se är sparade.')
    const updated = app.findAll('[data-testid="admin-user-row"]').find((r) => r.text().includes('lena@exempelby.se'))
    expect(updated.get('[data-testid="admin-user-roles"]').text()).toBe('Svarande i Exempelby')
  })

  it('names a taken username at the field', async () => {
    useBackend()
    const { $ } = await openApp('/admin/anvandare')
    await $('admin-user-username').setValue('admin')
    await $('admin-user-password').setValue('ett-langt-losenord')
    await $('admin-user-form').trigger('submit')
    await settle()
    expect($('admin-user-username').attributes('aria-invalid')).toBe('true')
    expect($('admin-user-form').text()).toContain('Användarnamnet admin är upptaget.')
  })

  it('requires an organisation for every role except administrator', async () => {
    useBackend()
    const { $ } = await openApp('/admin/anvandare')
    await $('admin-user-username').setValue('nils')
    await $('admin-user-password').setValue('ett-langt-losenord')
    await $('admin-user-add-role').trigger('click')
    await $('admin-user-role-org-0').setValue('')
    await $('admin-user-form').trigger('submit')
    await settle()
    expect($('admin-user-form').text()).toContain('Välj organisation för roll 1.')
    expect(backend.users.map((u) => u.username)).toEqual(['admin'])
  })
})

describe('what each role sees', () => {
  async function signInAs(role) {
    useBackend({ signedIn: false })
    const { org, round } = await organisationWithRound('Exempelby')
    backend.addUser({ username: 'person', password: 'personens-losenord', roles: [{ organisationId: org.id, role }] })
    const view = await openApp('/')
    await logIn(view.$, 'person', 'personens-losenord')
    return { ...view, org, round }
  }

  it('administrator: every page in the nav, the organisation form and the round controls', async () => {
    useBackend()
    const { round } = await organisationWithRound()
    const { router, $, has } = await openApp('/')
    expect(['nav-organisations', 'nav-regional', 'nav-instruments', 'nav-users'].every(has)).toBe(true)
    expect(has('org-create')).toBe(true)
    await router.push(`/omgangar/${round.id}`)
    await settle()
    expect(has('round-close')).toBe(true)
    expect(has('invite-email')).toBe(true)
    expect($('nav-users').attributes('href')).toBe('/admin/anvandare')
  })

  it('project lead: their organisation first, regional overview, round and invitation controls, no admin pages', async () => {
    const { router, org, round, has } = await signInAs('PROJECT_LEAD')
    expect(router.currentRoute.value.fullPath).toBe(`/organisationer/${org.id}`)
    expect(has('nav-regional')).toBe(true)
    expect(has('nav-instruments')).toBe(false)
    expect(has('nav-users')).toBe(false)
    expect(has('round-create')).toBe(true)
    expect(has('audit-trail')).toBe(true)
    await router.push(`/omgangar/${round.id}`)
    await settle()
    expect(has('round-close')).toBe(true)
    expect(has('invite-email')).toBe(true)
    await router.push('/admin/anvandare')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe(`/organisationer/${org.id}`)
  })

  it('respondent: their organisation page with rounds to answer, no management controls', async () => {
    const { router, org, round, has } = await signInAs('RESPONDENT')
    expect(router.currentRoute.value.fullPath).toBe(`/organisationer/${org.id}`)
    expect(has('round-link')).toBe(true)
    expect(['nav-regional', 'nav-instruments', 'nav-users'].some(has)).toBe(false)
    expect(has('round-create')).toBe(false)
    expect(has('audit-trail')).toBe(false)
    expect(document.body.textContent).not.toContain('Läs in en tidigare omgång')
    await router.push(`/omgangar/${round.id}`)
    await settle()
    expect(has('response-create')).toBe(true)
    expect(has('round-close')).toBe(false)
    expect(has('invitations')).toBe(false)
    await router.push('/regional')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe(`/organisationer/${org.id}`)
  })

  it('facilitator: lands on the workshops, where the work is, with no organisations in the menu', async () => {
    const { router, $, has } = await signInAs('FACILITATOR')
    expect(router.currentRoute.value.name).toBe('workshops')
    expect(['nav-organisations', 'nav-regional', 'nav-instruments', 'nav-users'].some(has)).toBe(false)
    expect(has('org-link')).toBe(false)
    expect(has('org-create')).toBe(false)
    expect($('user-menu-roles').text()).toBe('Processledare i Exempelby')
  })
})

describe('audit trail', () => {
  it('tells what happened in Swedish sentences with the instrument title, newest first, and unknown codes as they are', async () => {
    useBackend()
    const { org, round } = await organisationWithRound('Exempelby')
    await asAdmin('POST', `/api/rounds/${round.id}/close`)
    backend.audit.unshift({
      organisationId: org.id,
      at: '2025-03-14T09:30:00Z',
      username: 'admin',
      action: 'something.new',
      entityType: 'x',
      entityId: 1,
      detail: null,
    })
    const { app } = await openApp(`/organisationer/${org.id}`)
    expect(app.findAll('[data-testid="audit-action"]').map((c) => c.text())).toEqual([
      'something.new',
      'admin stängde omgången 2025 av Checklista för systematiskt arbete',
      'admin startade omgången 2025 av Checklista för systematiskt arbete',
      'admin lade till organisationen Exempelby',
    ])
    expect(app.get('[data-testid="audit-row"] time').attributes('datetime')).toBe('2025-03-14T09:30:00Z')
  })
})

describe('answers waiting for a new login', () => {
  it('keeps an answer refused with 401, asks to log in again and sends it right after the login', async () => {
    useBackend({ signedIn: false })
    const { org, round } = await organisationWithRound()
    const person = backend.addUser({
      username: 'sara',
      password: 'saras-losenord',
      roles: [{ organisationId: org.id, role: 'RESPONDENT' }],
    })
    backend.state.sessionUserId = person.id
    const response = await (
      await backend.handle(`/api/rounds/${round.id}/responses`, { method: 'POST', body: '{}' })
    ).json()

    const { app, router, $, has } = await openApp(`/svar/${response.id}`)
    expect(has('progress')).toBe(true)

    // The session ends on the server (expired, or logged out elsewhere).
    backend.state.sessionUserId = null
    await $('option-CS-01-3').setValue(true)
    await settle()
    expect($('session-expired').text()).toContain('Du har loggats ut – logga in igen så skickas dina svar')
    expect(backend.responses[0].answers).toEqual([])
    expect(localStorage.getItem(`lagesbild.outbox.${response.id}`)).toContain('CS-01')

    expect($('session-login-link').attributes('href')).toBe(`/logga-in?redirect=/svar/${response.id}`)
    await router.push($('session-login-link').attributes('href'))
    await settle()
    expect(router.currentRoute.value.name).toBe('login')
    const sendsBefore = fetch.mock.calls.filter(([url]) => String(url).includes('/answers/')).length
    await logIn($, 'sara', 'saras-losenord')

    // Sent at once after the login, not after the next retry delay.
    expect(fetch.mock.calls.filter(([url]) => String(url).includes('/answers/')).length).toBeGreaterThan(sendsBefore)
    expect(backend.responses[0].answers).toMatchObject([{ itemCode: 'CS-01', value: 3 }])
    expect(router.currentRoute.value.fullPath).toBe(`/svar/${response.id}`)
    expect(app.find('[data-testid="session-expired"]').exists()).toBe(false)
    expect(localStorage.getItem(`lagesbild.outbox.${response.id}`)).toBeNull()
  })
})
