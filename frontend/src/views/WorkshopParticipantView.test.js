import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createFakeWorkshops } from '../test/fakeBackend.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'
import { STAIRCASE } from '../test/instruments.js'

// The participant's page /w/:code: no account; join (with a group), place yourself on the staircase,
// and the refusals a participant may meet (closed workshop, unknown code, too many wrong codes).
const staircase = { ...STAIRCASE, reflectionPrompts: [{ text: 'Vad behöver du för att ta nästa steg?' }] }

let backend
let wrapper

async function openPage(code) {
  ;({ wrapper } = await mountAt(`/w/${code}`))
  return wrapper
}

const alertText = () => (wrapper.find('[role="alert"]').exists() ? wrapper.get('[role="alert"]').text() : null)
const pageReads = (code) => backend.calls.filter((c) => c === `GET /api/w/${code}`).length

beforeEach(() => {
  localStorage.clear()
  window.scrollTo = vi.fn()
  signedInPinia(null) // participants have no account
  backend = createFakeWorkshops(staircase)
  vi.stubGlobal(
    'fetch',
    vi.fn((url, init) => backend.handle(url, init)),
  )
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('WorkshopParticipantView – joining and answering', () => {
  it('joins with the group, shows the staircase read through the workshop, and saves the chosen step', async () => {
    const workshop = backend.addWorkshop({ title: 'Ledningsgruppen våren 2025', code: 'K7M2QX' })
    await openPage('k7m2qx')

    expect(wrapper.get('h1').text()).toBe('Ledningsgruppen våren 2025')
    expect(wrapper.get('#join-heading').text()).toBe('Gå med i workshoppen')
    expect(wrapper.find('[data-testid="item-JT"]').exists()).toBe(false)

    await wrapper.get('[data-testid="join-group"]').setValue('  Bord 3 ')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    const join = fetch.mock.calls.find(([url]) => url === '/api/w/K7M2QX/join')
    expect(join[1].method).toBe('POST')
    expect(JSON.parse(join[1].body)).toEqual({ group: 'Bord 3' })
    expect(workshop.participants).toBe(1)

    // The instrument comes through the workshop (participants cannot read /api/instruments).
    expect(backend.calls).toContain('GET /api/w/K7M2QX/instrument')
    expect(backend.calls.some((c) => c.includes('/api/instruments'))).toBe(false)

    expect(wrapper.find('[data-testid="join-group"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="participant-group"]').text()).toBe('Grupp: Bord 3')
    const item = wrapper.get('[data-testid="item-JT"]')
    expect(item.get('legend').text()).toBe('Var är du i jämställdhetstrappan?')
    expect(item.findAll('label').map((l) => l.get('strong').text())).toEqual([
      '1. Omedvetet inkompetent',
      '2. Medvetet inkompetent',
      '3. Medvetet kompetent',
      '4. Omedvetet kompetent',
    ])
    expect(item.text()).toContain('Jag vet hur jag kan arbeta med jämställdhet.')
    expect(item.attributes('disabled')).toBeUndefined()
    expect(wrapper.get('[data-testid="answer-status-JT"]').text()).toBe('')

    await wrapper.get('[data-testid="option-JT-3"]').setValue(true)
    await flushPromises()

    const save = fetch.mock.calls.find(([url]) => url === '/api/w/K7M2QX/answer')
    expect(save[1].method).toBe('PUT')
    expect(JSON.parse(save[1].body)).toEqual({ value: 3 })
    expect(workshop.answers).toEqual([{ value: 3 }])
    expect(wrapper.get('[data-testid="answer-status-JT"]').text()).toBe('Sparat')
    expect(wrapper.get('[data-testid="option-JT-3"]').element.checked).toBe(true)
    expect(wrapper.get('.follow__option--selected').text()).toContain('3. Medvetet kompetent')
    expect(alertText()).toBeNull()
  })

  it('shows the earlier answer and group after a reload (the participant cookie keeps the place)', async () => {
    backend.addWorkshop({ code: 'K7M2QX' })
    Object.assign(backend.state, { joined: true, group: 'Bord 1', answers: { JT: 2 } })
    await openPage('K7M2QX')

    expect(wrapper.find('[data-testid="join-button"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="participant-group"]').text()).toBe('Grupp: Bord 1')
    expect(wrapper.get('[data-testid="option-JT-2"]').element.checked).toBe(true)
  })

  it('waits for a workshop that has not opened yet: the steps cannot be chosen', async () => {
    backend.addWorkshop({ code: 'K7M2QX', status: 'draft' })
    backend.state.joined = true
    await openPage('K7M2QX')

    expect(wrapper.get('[data-testid="participant-waiting"]').text()).toBe(
      'Workshoppen har inte öppnat än. Vänta på processledaren; sidan uppdateras själv.',
    )
    expect(wrapper.find('[data-testid="item-JT"]').exists()).toBe(false)
  })
})

describe('WorkshopParticipantView – refusals', () => {
  const CLOSED = 'Workshoppen är avslutad. Tack för att du var med!'

  it('a workshop closed before the participant joins says so, instead of offering to join', async () => {
    backend.addWorkshop({ code: 'K7M2QX', status: 'closed' })
    await openPage('K7M2QX')

    expect(wrapper.get('[data-testid="participant-closed"]').text()).toBe(CLOSED)
    expect(wrapper.find('[data-testid="join-button"]').exists()).toBe(false)
  })

  it('a workshop that closes while the page is open refuses the join (409) with the server’s words and shows it is closed', async () => {
    const workshop = backend.addWorkshop({ code: 'K7M2QX' })
    await openPage('K7M2QX')
    workshop.status = 'closed'

    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(alertText()).toBe('Workshoppen är avslutad och tar inte emot fler svar.')
    expect(wrapper.get('[data-testid="participant-closed"]').text()).toBe(CLOSED)
    expect(wrapper.find('[data-testid="join-button"]').exists()).toBe(false)
  })

  it('an answer refused because the workshop has closed (409) is not shown as saved, and the steps lock', async () => {
    const workshop = backend.addWorkshop({ code: 'K7M2QX' })
    backend.state.joined = true
    await openPage('K7M2QX')
    workshop.status = 'closed'

    await wrapper.get('[data-testid="option-JT-4"]').setValue(true)
    await flushPromises()

    expect(alertText()).toBe('Workshoppen är avslutad och tar inte emot fler svar.')
    expect(wrapper.get('[data-testid="answer-status-JT"]').text()).toBe('')
    expect(wrapper.get('[data-testid="participant-closed"]').text()).toBe(CLOSED)
    expect(wrapper.get('[data-testid="item-JT"]').attributes('disabled')).toBeDefined()
    expect(workshop.answers).toEqual([])
  })

  it('an unknown code shows the problem’s detail, and the page does not keep asking for it', async () => {
    vi.useFakeTimers()
    await openPage('ZZZ999')

    expect(alertText()).toBe(
      'Det finns ingen workshop med koden ZZZ999. Kontrollera koden på skärmen: sex tecken, bokstäver och siffror.',
    )
    expect(wrapper.find('[data-testid="join-button"]').exists()).toBe(false)
    // Every wrong code counts against the address (the whole room behind one router): no polling.
    await vi.advanceTimersByTimeAsync(60_000)
    expect(pageReads('ZZZ999')).toBe(1)
  })

  it('too many wrong codes (429) shows the code box again with the server’s words; the code can be tried again', async () => {
    backend.addWorkshop({ code: 'K7M2QX' })
    backend.state.refuse = {
      status: 429,
      detail:
        'För många felaktiga workshopkoder från din adress. Kontrollera koden på skärmen och försök igen om 42 sekunder.',
      retryAfter: 42,
    }
    await openPage('K7M2QX')

    expect(wrapper.get('[data-testid="code-error"]').text()).toContain('För många felaktiga workshopkoder')
    expect(wrapper.get('[data-testid="code-input"]').element.value).toBe('K7M2QX')
    expect(wrapper.find('[data-testid="join-button"]').exists()).toBe(false)

    backend.state.refuse = null
    await wrapper.get('[data-testid="code-input"]').setValue('k7m 2qx')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(pageReads('K7M2QX')).toBe(2)
    expect(alertText()).toBeNull()
    expect(wrapper.get('[data-testid="join-button"]').text()).toBe('Gå med')
  })
})
