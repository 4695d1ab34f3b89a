import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createFakeWorkshops } from '../test/fakeBackend.js'
import { FakeEventSource } from '../test/fakeEventSource.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'
import { STAIRCASE } from '../test/instruments.js'

// The presenter view on the projector: the code while the room joins, then the current activity; keys F,
// Space, → and ← drive it; no app header (and so no e-mail address) around it.
const staircase = { ...STAIRCASE, reflectionPrompts: [{ text: 'Vad behöver du för att ta nästa steg?' }] }
let backend
let wrapper

async function openPresenter(workshop) {
  ;({ wrapper } = await mountAt(`/workshoppar/${workshop.id}/visning`, { app: true }))
  FakeEventSource.instances.at(-1).emit(backend.liveState(workshop.id))
  await flushPromises()
}

const has = (testid) => wrapper.find(`[data-testid="${testid}"]`).exists()
const key = async (k) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: k }))
  await flushPromises()
}

beforeEach(() => {
  localStorage.clear()
  window.scrollTo = vi.fn()
  signedInPinia()
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
  backend = createFakeWorkshops(staircase, { anonymityThreshold: 5 })
  vi.stubGlobal(
    'fetch',
    vi.fn((url, init) => backend.handle(url, init)),
  )
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('WorkshopPresenterView', () => {
  it('shows the code, the short address and the QR code without the app header while the room joins', async () => {
    const workshop = backend.addWorkshop({ code: 'K7M2QX', status: 'draft', participants: 12 })
    await openPresenter(workshop)
    expect(wrapper.find('.app-header').exists()).toBe(false)
    expect(wrapper.find('[data-testid="user-menu"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="workshop-code"]').text()).toBe('K7M2QX')
    expect(wrapper.get('[data-testid="presenter-address"]').text()).toBe(`${window.location.host}/w`)
    expect(wrapper.get('.presenter__qr').attributes('src')).toBe(`/api/workshops/${workshop.id}/qr`)
    expect(wrapper.text()).toContain('12 har gått med')
  })

  it('Space reveals the result, → goes to the next activity and ← back', async () => {
    const workshop = backend.addWorkshop({ code: 'K7M2QX', participants: 5, answers: [1, 2, 2, 3, 4] })
    await openPresenter(workshop)
    expect(wrapper.get('[data-testid="presenter-responses"]').text()).toBe('5 av 5 har svarat')

    await key(' ')
    expect(backend.calls).toContain(`POST /api/workshops/${workshop.id}/reveal`)
    expect(wrapper.get('[data-testid="presenter-distribution-step-2"]').text()).toContain('2')

    await key('ArrowRight')
    expect(JSON.parse(fetch.mock.calls.findLast(([url]) => url.endsWith('/current'))[1].body)).toEqual({ position: 1 })
    expect(wrapper.get('[data-testid="presenter-question"]').text()).toBe('Vad behöver du för att ta nästa steg?')
    expect(has('presenter-distribution')).toBe(false)

    await key('ArrowLeft')
    expect(JSON.parse(fetch.mock.calls.findLast(([url]) => url.endsWith('/current'))[1].body)).toEqual({ position: 0 })
  })
})
