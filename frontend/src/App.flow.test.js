import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import App from './App.vue'
import { createAppRouter } from './router/index.js'
import { createAppI18n } from './i18n/index.js'
import { createFakeBackend } from './test/fakeBackend.js'
import { useResponseEditorStore } from './stores/responseEditor.js'

const instrument = {
  code: 'checklist-systematik',
  version: 1,
  title: 'Checklista för systematiskt arbete',
  kind: 'checklist',
  respondents: 'single',
  scale: [
    { value: 1, label: 'Inte påbörjat' },
    { value: 2, label: 'Påbörjat' },
    { value: 3, label: 'Delvis genomfört' },
    { value: 4, label: 'Genomfört' },
  ],
  dontKnowLabel: 'Vet inte',
  commentPrompt: 'Kommentar',
  parts: [
    {
      code: 'P1',
      title: 'Styrning',
      items: [
        { code: 'CS-01', text: 'Ett' },
        { code: 'CS-02', text: 'Två' },
      ],
    },
    { code: 'P2', title: 'Uppföljning', items: [{ code: 'CS-03', text: 'Tre' }] },
  ],
}

let backend

beforeEach(() => {
  localStorage.clear()
  backend = createFakeBackend(instrument)
  vi.stubGlobal(
    'fetch',
    vi.fn((url, init) => backend.handle(url, init)),
  )
  window.scrollTo = vi.fn()
  // jsdom has no canvas; the chart then simply is not drawn.
  HTMLCanvasElement.prototype.getContext = () => null
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

describe('app flow', () => {
  it('creates an organisation and round, answers, submits and shows the result', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createAppRouter(createMemoryHistory())
    router.push('/')
    await router.isReady()
    const app = mount(App, {
      global: { plugins: [pinia, createAppI18n('sv'), router] },
      attachTo: document.body,
    })
    await settle()
    const $ = (id) => app.get(`[data-testid="${id}"]`)

    await $('org-name-input').setValue('Socialtjänsten Exempelby')
    await $('org-create').trigger('submit')
    await settle()
    expect($('org-link').text()).toBe('Socialtjänsten Exempelby')

    await router.push($('org-link').attributes('href'))
    await vi.waitFor(() => expect(app.find('[data-testid="round-create"]').exists()).toBe(true), { timeout: 5000 })
    expect($('instrument-select').element.value).toBe('checklist-systematik')
    expect($('round-label-input').element.value).toBe(String(new Date().getFullYear()))
    await $('round-create').trigger('submit')
    await settle()
    expect(app.findAll('[data-testid="round-link"]')).toHaveLength(1)

    await router.push($('round-link').attributes('href'))
    await vi.waitFor(() => expect(app.find('[data-testid="response-create"]').exists()).toBe(true), { timeout: 5000 })
    expect(app.text()).toContain('Checklista för systematiskt arbete')
    await $('response-create').trigger('click')
    await vi.waitFor(() => expect(app.find('[data-testid="progress"]').exists()).toBe(true), { timeout: 5000 })
    expect(router.currentRoute.value.name).toBe('response')

    await $('option-CS-01-3').setValue(true)
    await $('option-CS-02-dontknow').setValue(true)
    await settle()
    expect($('save-status-CS-01').text()).toBe('Sparat')
    expect($('progress').text()).toBe('2 av 3 besvarade')

    await $('review').trigger('click')
    expect($('unanswered-list').text()).toContain('CS-03')
    await $('submit').trigger('click')
    await vi.waitFor(() => expect(app.find('[data-testid="total-sum"]').exists()).toBe(true), { timeout: 5000 })
    expect(router.currentRoute.value.name).toBe('result')
    expect(backend.responses[0].status).toBe('submitted')

    expect($('total-sum').text()).toBe('3 av 12')
    expect($('total-mean').text()).toBe('3,00')
    expect(app.findAll('[data-testid="part-row"]')).toHaveLength(2)
    expect($('part-chart').find('canvas').attributes('aria-label')).toContain('Styrning: 3,00')
    expect(app.text()).toContain('1 av 3 påståenden besvarade')

    app.unmount()
  })

  it('shows the problem detail when creating an organisation fails', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createAppRouter(createMemoryHistory())
    router.push('/')
    await router.isReady()
    const app = mount(App, {
      global: { plugins: [pinia, createAppI18n('sv'), router] },
      attachTo: document.body,
    })
    await settle()
    // Bypass the client-side required check to exercise the server's problem+json.
    backend.handle = vi.fn(
      async () =>
        new Response(JSON.stringify({ status: 409, title: 'Conflict', detail: 'Organisationen finns redan.' }), {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    )
    await app.get('[data-testid="org-name-input"]').setValue('Dubblett')
    await app.get('[data-testid="org-create"]').trigger('submit')
    await settle()
    expect(app.get('[role="alert"]').text()).toContain('Organisationen finns redan.')
    app.unmount()
  })

  it('keeps an answer given offline through a reload and sends it when the connection is back', async () => {
    const call = async (method, url, body) =>
      (await backend.handle(url, { method, body: body && JSON.stringify(body) })).json()
    const org = await call('POST', '/api/organisations', { name: 'Exempelby' })
    const round = await call('POST', '/api/rounds', {
      organisationId: org.id,
      instrumentCode: instrument.code,
      label: '2025',
    })
    const response = await call('POST', `/api/rounds/${round.id}/responses`, {})

    let online = true
    vi.stubGlobal(
      'fetch',
      vi.fn((url, init) => (online ? backend.handle(url, init) : Promise.reject(new TypeError('Failed to fetch')))),
    )
    const open = async () => {
      const pinia = createPinia()
      setActivePinia(pinia)
      const router = createAppRouter(createMemoryHistory())
      router.push(`/svar/${response.id}`)
      await router.isReady()
      const app = mount(App, { global: { plugins: [pinia, createAppI18n('sv'), router] }, attachTo: document.body })
      await settle()
      return { app, editor: useResponseEditorStore(pinia) }
    }

    let { app, editor } = await open()
    await app.get('[data-testid="option-CS-01-2"]').setValue(true)
    await settle()
    expect(app.get('[data-testid="save-status-CS-01"]').text()).toBe('Sparat')

    online = false
    await app.get('[data-testid="option-CS-02-4"]').setValue(true)
    await app.get('[data-testid="comment-CS-02"]').setValue('Skrivet utan nät')
    await app.get('[data-testid="comment-CS-02"]').trigger('blur')
    await settle()
    expect(app.get('[data-testid="save-status-CS-02"]').text()).toBe('Inte sparat än – vi försöker igen')
    expect(app.get('[data-testid="save-status-global"]').text()).toBe('Inte sparat än – vi försöker igen')

    // Reload while still offline: the page comes back from the device's copy and the outbox.
    editor.reset()
    app.unmount()
    ;({ app, editor } = await open())
    expect(app.find('[data-testid="offline-note"]').exists()).toBe(true)
    expect(app.get('[data-testid="progress"]').text()).toBe('2 av 3 besvarade')
    expect(app.get('[data-testid="option-CS-01-2"]').element.checked).toBe(true)
    expect(app.get('[data-testid="option-CS-02-4"]').element.checked).toBe(true)
    expect(app.get('[data-testid="comment-CS-02"]').element.value).toBe('Skrivet utan nät')
    expect(backend.responses[0].answers.map((a) => a.itemCode)).toEqual(['CS-01'])

    online = true
    window.dispatchEvent(new Event('online'))
    await settle()
    expect(app.get('[data-testid="save-status-CS-02"]').text()).toBe('Sparat')
    expect(app.get('[data-testid="save-status-global"]').text()).toBe('Sparat')
    const saved = backend.responses[0].answers.find((a) => a.itemCode === 'CS-02')
    expect(saved).toMatchObject({ value: 4, comment: 'Skrivet utan nät' })
    expect(localStorage.getItem(`lagesbild.outbox.${response.id}`)).toBeNull()
    editor.reset()
    app.unmount()
  })
})
