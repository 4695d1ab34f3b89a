import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createFakeWorkshops } from '../test/fakeBackend.js'
import { FakeEventSource } from '../test/fakeEventSource.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'
import { STAIRCASE } from '../test/instruments.js'

// The facilitator's control view: join code and counts from the live state, the distribution only once
// revealed, the reveal refused below the anonymity threshold, the agenda, closing only after a confirmation.
const staircase = { ...STAIRCASE, reflectionPrompts: [{ text: 'Vad behöver du för att ta nästa steg?' }] }

let backend
let wrapper

/** Open the projector page; the event stream at once delivers what the server has. */
async function openProjector(workshop) {
  ;({ wrapper } = await mountAt(`/workshoppar/${workshop.id}`))
  const source = FakeEventSource.instances.at(-1)
  source.emit(backend.liveState(workshop.id))
  await flushPromises()
  return source
}

const text = (testid) => wrapper.get(`[data-testid="${testid}"]`).text()
const has = (testid) => wrapper.find(`[data-testid="${testid}"]`).exists()
const alertText = () => (wrapper.find('[role="alert"]').exists() ? wrapper.get('[role="alert"]').text() : null)
/** The distribution table as [step, count] rows. */
const tableRows = () =>
  wrapper
    .findAll('[data-testid="projector-distribution"] tbody tr')
    .map((tr) => [tr.get('th').text(), tr.get('td').text()])

beforeEach(() => {
  localStorage.clear()
  window.scrollTo = vi.fn()
  HTMLCanvasElement.prototype.getContext = () => null
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

describe('WorkshopView (control view)', () => {
  it('shows the join code, the join address and the live counts; the results stay hidden until revealed', async () => {
    const workshop = backend.addWorkshop({
      title: 'Ledningsgruppen',
      code: 'K7M2QX',
      participants: 7,
      answers: [1, 2, 2, 3, 3, 4],
    })
    const source = await openProjector(workshop)

    expect(source.url).toBe(`/api/workshops/${workshop.id}/events`)
    expect(wrapper.get('h1').text()).toBe('Ledningsgruppen')
    expect(text('workshop-code')).toBe('K7M2QX')
    expect(wrapper.get('.control-join').text()).toContain(`Gå med på ${window.location.origin}/w/K7M2QX`)
    expect(wrapper.get('[data-testid="open-presenter"]').attributes('href')).toBe(`/workshoppar/${workshop.id}/visning`)
    expect(text('workshop-status')).toBe('Öppen')
    expect(text('live-mode')).toBe('Uppdateras direkt')
    expect(text('projector-participants')).toBe('7')
    expect(text('projector-answers')).toBe('6')

    expect(text('results-withheld')).toBe('Resultatet visas när du väljer Visa resultat.')
    expect(has('projector-distribution')).toBe(false)

    // A new answer arrives through the stream.
    workshop.participants = 8
    workshop.answers.push({ value: 4 })
    source.emit(backend.liveState(workshop.id))
    await flushPromises()
    expect(text('projector-participants')).toBe('8')
    expect(text('projector-answers')).toBe('7')
    expect(has('projector-distribution')).toBe(false)
  })

  it('below the anonymity threshold it says how many must answer, and the refused reveal (409) shows the server’s detail', async () => {
    const workshop = backend.addWorkshop({ code: 'K7M2QX', participants: 4, answers: [2, 3, 3] })
    await openProjector(workshop)

    expect(text('results-withheld')).toBe('Resultatet kan visas när minst 5 har svarat.')

    await wrapper.get('[data-testid="workshop-reveal"]').trigger('click')
    await flushPromises()

    expect(backend.calls).toContain(`POST /api/workshops/${workshop.id}/reveal`)
    expect(alertText()).toBe(
      'Resultatet kan visas först när minst 5 deltagare har svarat, så att ingen enskild kan pekas ut. Nu har 3 svarat.',
    )
    expect(workshop.revealed).toBe(false)
    expect(has('projector-distribution')).toBe(false)
    expect(has('workshop-reveal')).toBe(true)
    expect(wrapper.get('[data-testid="workshop-reveal"]').attributes('disabled')).toBeUndefined()
  })

  it('reveal shows the distribution: the table matches the counts per step; hide withholds it again', async () => {
    const workshop = backend.addWorkshop({ code: 'K7M2QX', participants: 7, answers: [1, 2, 2, 3, 3, 3, 4] })
    await openProjector(workshop)

    await wrapper.get('[data-testid="workshop-reveal"]').trigger('click')
    await flushPromises()

    expect(backend.calls).toContain(`POST /api/workshops/${workshop.id}/reveal`)
    // The page reads the state at once after the action, not waiting for the next event.
    expect(backend.calls.at(-1)).toBe(`GET /api/workshops/${workshop.id}/live`)
    expect(alertText()).toBeNull()
    expect(has('results-withheld')).toBe(false)
    expect(tableRows()).toEqual([
      ['1 Omedvetet inkompetent', '1'],
      ['2 Medvetet inkompetent', '2'],
      ['3 Medvetet kompetent', '3'],
      ['4 Omedvetet kompetent', '1'],
    ])
    expect(wrapper.get('[data-testid="projector-distribution-chart"] canvas').attributes('aria-label')).toContain(
      '1 Omedvetet inkompetent: 1, 2 Medvetet inkompetent: 2, 3 Medvetet kompetent: 3, 4 Omedvetet kompetent: 1',
    )

    await wrapper.get('[data-testid="workshop-hide"]').trigger('click')
    await flushPromises()
    expect(backend.calls).toContain(`POST /api/workshops/${workshop.id}/hide`)
    expect(has('projector-distribution')).toBe(false)
    expect(text('results-withheld')).toBe('Resultatet visas när du väljer Visa resultat.')
  })

  it('opens a draft workshop, steps through the agenda, and closes it only after saying what closing means', async () => {
    const workshop = backend.addWorkshop({ code: 'K7M2QX', status: 'draft' })
    await openProjector(workshop)
    expect(text('workshop-status')).toBe('Utkast')
    expect(wrapper.findAll('[data-testid="agenda"] li')).toHaveLength(2)

    await wrapper.get('[data-testid="workshop-open"]').trigger('click')
    await flushPromises()
    expect(backend.calls).toContain(`POST /api/workshops/${workshop.id}/open`)
    expect(text('workshop-status')).toBe('Öppen')
    expect(has('workshop-open')).toBe(false)
    expect(wrapper.get('[data-testid="agenda-0"]').attributes('aria-current')).toBe('step')

    await wrapper.get('[data-testid="workshop-next"]').trigger('click')
    await flushPromises()
    const move = fetch.mock.calls.find(([url]) => url === `/api/workshops/${workshop.id}/current`)
    expect(JSON.parse(move[1].body)).toEqual({ position: 1 })
    expect(wrapper.get('#current-heading').text()).toBe('Vad behöver du för att ta nästa steg?')

    await wrapper.get('[data-testid="workshop-close"]').trigger('click')
    await flushPromises()
    expect(text('close-confirmation')).toContain('inte tar emot fler deltagare, svar eller texter')
    expect(workshop.status).toBe('open')
    await wrapper.get('[data-testid="workshop-close-confirm"]').trigger('click')
    await flushPromises()
    const close = fetch.mock.calls.find(([url]) => url === `/api/workshops/${workshop.id}/close`)
    expect(JSON.parse(close[1].body)).toEqual({ confirm: true })
    expect(text('workshop-status')).toBe('Avslutad')
    expect(has('workshop-close')).toBe(false)
    expect(has('workshop-reopen')).toBe(true)
  })

  it('says it polls while the event stream does not get through, and still shows the counts', async () => {
    const workshop = backend.addWorkshop({ code: 'K7M2QX', participants: 2, answers: [3] })
    const source = await openProjector(workshop)
    source.fail()
    await flushPromises()
    expect(text('live-mode')).toBe('Uppdateras var sekund')
    expect(text('projector-answers')).toBe('1')
  })

  it('says so when the instrument cannot be read, instead of waiting for it without a word', async () => {
    const workshop = backend.addWorkshop({ code: 'K7M2QX', participants: 5, answers: [1, 2, 3, 4, 4], revealed: true })
    const handle = backend.handle
    fetch.mockImplementation((url, init) =>
      url.startsWith('/api/instruments/')
        ? Promise.resolve(
            new Response(
              JSON.stringify({ status: 503, title: 'Service Unavailable', detail: 'Databasen svarar inte just nu.' }),
              {
                status: 503,
                headers: { 'Content-Type': 'application/problem+json' },
              },
            ),
          )
        : handle(url, init),
    )
    await openProjector(workshop)

    expect(alertText()).toBe('Databasen svarar inte just nu.')
    expect(text('projector-answers')).toBe('5')
  })
})
