import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createFakeWorkshops } from '../test/fakeBackend.js'
import { FakeEventSource } from '../test/fakeEventSource.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'

// The facilitator's list of workshops and the form that creates one.
const staircase = {
  code: 'jamstalldhetstrappan',
  version: 1,
  title: 'Jämställdhetstrappan',
  kind: 'staircase',
  scale: [
    { value: 1, label: 'Omedvetet inkompetent' },
    { value: 4, label: 'Omedvetet kompetent' },
  ],
  reflectionPrompts: [],
  parts: [{ code: 'trappan', title: 'Trappan', items: [{ code: 'JT', text: 'Var är du?' }] }],
}

let backend
let wrapper

async function openList() {
  let router
  ;({ wrapper, router } = await mountAt('/workshoppar'))
  return router
}

beforeEach(() => {
  localStorage.clear()
  window.scrollTo = vi.fn()
  HTMLCanvasElement.prototype.getContext = () => null
  signedInPinia()
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
  backend = createFakeWorkshops(staircase, { organisations: [{ id: 3, name: 'Socialförvaltningen' }] })
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

describe('WorkshopsView', () => {
  it('lists the workshops with code and status, each linked to its projector', async () => {
    const w = backend.addWorkshop({ title: 'Ledningsgruppen', code: 'K7M2QX', status: 'draft' })
    await openList()
    const item = wrapper.get(`[data-testid="workshop-${w.id}"]`)
    expect(item.get('a').text()).toBe('Ledningsgruppen')
    expect(item.get('a').attributes('href')).toBe(`/workshoppar/${w.id}`)
    expect(item.text()).toContain('K7M2QX · Jämställdhetstrappan · Utkast')
  })

  it('creating a workshop sends the form and opens the new workshop’s projector page', async () => {
    const router = await openList()
    expect(wrapper.text()).toContain('Inga workshoppar än.')
    expect(wrapper.get('[data-testid="workshop-instrument"]').element.value).toBe('jamstalldhetstrappan')

    await wrapper.get('[data-testid="workshop-title"]').setValue('  Arbetsplatsträff maj ')
    await wrapper.get('[data-testid="workshop-organisation"]').setValue('3')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    const create = fetch.mock.calls.find(([url, init]) => url === '/api/workshops' && init.method === 'POST')
    expect(JSON.parse(create[1].body)).toEqual({
      title: 'Arbetsplatsträff maj',
      instrumentCode: 'jamstalldhetstrappan',
      organisationId: 3,
    })
    const created = backend.workshops.at(-1)
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/workshoppar/${created.id}`))
    await flushPromises()

    // The projector of the new workshop: its join code once the live state arrives.
    FakeEventSource.instances.at(-1).emit(backend.liveState(created.id))
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe('Arbetsplatsträff maj')
    expect(wrapper.get('[data-testid="workshop-code"]').text()).toBe(created.code)
    expect(wrapper.get('[data-testid="workshop-status"]').text()).toBe('Utkast')
  })

  it('without a name it asks for one and creates nothing', async () => {
    const router = await openList()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('.field-error').text()).toBe('Ange workshoppens namn.')
    expect(wrapper.get('[data-testid="workshop-title"]').attributes('aria-invalid')).toBe('true')
    expect(backend.calls).not.toContain('POST /api/workshops')
    expect(router.currentRoute.value.fullPath).toBe('/workshoppar')
  })
})
