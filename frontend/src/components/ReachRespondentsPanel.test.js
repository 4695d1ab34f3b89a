import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createAppI18n } from '../i18n/index.js'
import * as api from '../api/client.js'
import AuditTrail from './AuditTrail.vue'
import ReachRespondentsPanel from './ReachRespondentsPanel.vue'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return {
    ...actual,
    createLinks: vi.fn(),
    listLinks: vi.fn(),
    getMailTexts: vi.fn(),
    saveMailTexts: vi.fn(),
    startMailing: vi.fn(),
    getMailing: vi.fn(),
    createOpenLink: vi.fn(),
    getAudit: vi.fn(),
  }
})

const texts = (mailEnabled) => ({
  invitationSubject: 'Enkät om jämställdhet',
  invitationBody: 'Hej! Svara här: {länk}',
  reminderSubject: 'Påminnelse',
  reminderBody: 'Hej igen: {länk}',
  remindersSent: 0,
  mailEnabled,
})
const link = (n) => ({ email: `person${n}@lund.se`, url: `http://localhost/s/tok${n}` })

let wrapper
async function mountPanel({ open = true, locale = 'sv' } = {}) {
  wrapper = mount(ReachRespondentsPanel, {
    props: { roundId: 11, open },
    global: { plugins: [createAppI18n(locale)] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}
const $ = (testid) => wrapper.get(`[data-testid="${testid}"]`)

beforeEach(() => {
  vi.mocked(api.listLinks).mockResolvedValue([])
  vi.mocked(api.getMailTexts).mockResolvedValue(texts(false))
})

afterEach(() => {
  wrapper?.unmount()
  vi.useRealTimers()
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('ReachRespondentsPanel', () => {
  it('sends the pasted lines, lists a rejected line with its number and counts the links made', async () => {
    await mountPanel()
    expect($('link-count').text()).toBe('Inga personliga länkar än.')
    vi.mocked(api.createLinks).mockResolvedValue({
      links: [link(1), link(2)],
      rejected: [
        {
          line: 2,
          value: 'kalle',
          message: 'Rad 2: ”kalle” är ingen e-postadress. Skriv den som anna.andersson@lund.se.',
        },
      ],
      mailEnabled: false,
    })
    vi.mocked(api.listLinks).mockImplementation(async (id, notSubmitted) =>
      notSubmitted ? [link(2)] : [link(1), link(2)],
    )

    await $('link-addresses').setValue('person1@lund.se\nkalle\nperson2@lund.se, ')
    await $('link-form').trigger('submit')
    await flushPromises()

    expect(api.createLinks).toHaveBeenCalledWith(11, ['person1@lund.se', 'kalle', 'person2@lund.se, '])
    expect($('link-result').text()).toContain('2 länkar är klara.')
    expect(wrapper.findAll('[data-testid="link-rejected-line"]').map((li) => li.text())).toEqual([
      'Rad 2: ”kalle” är ingen e-postadress. Skriv den som anna.andersson@lund.se.',
    ])
    expect($('link-count').text()).toBe('2 personliga länkar. 1 har inte svarat.')
    expect(wrapper.emitted('changed')).toHaveLength(1)
  })

  it('asks for an address instead of sending an empty list', async () => {
    await mountPanel()
    await $('link-form').trigger('submit')

    expect(api.createLinks).not.toHaveBeenCalled()
    expect(wrapper.get('#link-addresses-error').text()).toBe('Skriv eller klistra in minst en e-postadress.')
  })

  it('reads a CSV file in the browser into the box', async () => {
    await mountPanel()
    const file = new File(['e-post\nanna@lund.se\nbo@lund.se\n'], 'adresser.csv', { type: 'text/csv' })
    const input = $('link-file')
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')

    await vi.waitFor(() => expect($('link-addresses').element.value).toBe('e-post\nanna@lund.se\nbo@lund.se\n'))
    expect(wrapper.text()).toContain('Adresserna från adresser.csv finns i rutan ovan.')
  })

  it('sends the invitation by e-mail and follows the progress until it is done', async () => {
    vi.useFakeTimers()
    vi.mocked(api.getMailTexts).mockResolvedValue(texts(true))
    vi.mocked(api.listLinks).mockResolvedValue([link(1), link(2), link(3)])
    await mountPanel()
    const progress = (sent, done = false) => ({ id: 'job-1', total: 3, sent, failed: 0, done, failedAddresses: [] })
    vi.mocked(api.startMailing).mockResolvedValue(progress(0))
    vi.mocked(api.getMailing).mockResolvedValueOnce(progress(2)).mockResolvedValueOnce(progress(3, true))

    await $('mail-invitation').trigger('click')
    await flushPromises()
    expect(api.startMailing).toHaveBeenCalledWith(11, 'INVITATION', 'sv')
    expect($('mail-progress').text()).toContain('Skickar inbjudan: 0 av 3…')
    expect($('mail-invitation').element.disabled).toBe(true)

    await vi.advanceTimersByTimeAsync(1000)
    expect(api.getMailing).toHaveBeenCalledWith(11, 'job-1')
    expect($('mail-progress').get('progress').attributes('value')).toBe('2')

    await vi.advanceTimersByTimeAsync(1000)
    expect($('mail-progress').text()).toContain('Inbjudan skickad till 3 av 3.')
    expect($('mail-invitation').element.disabled).toBe(false)
    await vi.advanceTimersByTimeAsync(5000)
    expect(api.getMailing).toHaveBeenCalledTimes(2)
  })

  it('offers the reminder only to those who have not answered, and the CSV when the server has no e-mail', async () => {
    vi.mocked(api.getMailTexts).mockResolvedValue(texts(true))
    vi.mocked(api.listLinks).mockImplementation(async (id, notSubmitted) => (notSubmitted ? [] : [link(1)]))
    await mountPanel()
    expect($('mail-reminder').element.disabled).toBe(true)

    vi.mocked(api.startMailing).mockRejectedValue(
      new api.ApiError({ status: 409, detail: 'E-post är inte inställd på den här servern.' }),
    )
    await $('mail-invitation').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('E-post är inte inställd på den här servern.')
    expect($('mail-use-csv').exists()).toBe(true)
  })

  it('always links the CSV files for a mail merge, also without e-mail', async () => {
    await mountPanel()

    expect(wrapper.find('[data-testid="mail-invitation"]').exists()).toBe(false)
    expect($('mail-disabled').exists()).toBe(true)
    expect($('links-csv').attributes('href')).toBe('/api/rounds/11/links.csv')
    expect($('links-csv').text()).toBe('Ladda ned länkar (CSV)')
    expect($('links-csv-not-answered').attributes('href')).toBe('/api/rounds/11/links.csv?notSubmitted=true')
    expect($('links-csv-not-answered').text()).toBe('Ladda ned länkar till dem som inte svarat (CSV)')
  })

  it('saves the edited mail texts', async () => {
    await mountPanel()
    vi.mocked(api.saveMailTexts).mockImplementation(async (id, body) => ({ ...texts(false), ...body }))
    await $('mail-invitationSubject').setValue('Vår enkät')
    await wrapper.get('[data-testid="mail-texts"] form').trigger('submit')
    await flushPromises()

    expect(api.saveMailTexts).toHaveBeenCalledWith(11, expect.objectContaining({ invitationSubject: 'Vår enkät' }))
    expect($('mail-texts-status').text()).toBe('Texterna är sparade.')
  })

  it('shows the open link large, to copy', async () => {
    await mountPanel()
    vi.mocked(api.createOpenLink).mockResolvedValue({ url: 'http://localhost/s/oppen123' })
    await $('open-link-show').trigger('click')
    await flushPromises()

    expect($('open-link-big').text()).toBe('http://localhost/s/oppen123')
    expect($('open-link-url').element.value).toBe('http://localhost/s/oppen123')
  })
})

describe('AuditTrail wording', () => {
  it('counts anonymous submissions per day with the date only, and words the link actions', async () => {
    vi.mocked(api.getAudit).mockResolvedValue([
      {
        at: '2026-11-27T23:00:00Z',
        username: null,
        action: 'response.submitted',
        entityType: 'round',
        entityId: 11,
        detail: '3',
      },
      {
        at: '2026-11-26T23:00:00Z',
        username: null,
        action: 'response.submitted',
        entityType: 'round',
        entityId: 11,
        detail: '1',
      },
      {
        at: '2026-11-26T09:30:00Z',
        username: 'lena',
        action: 'links.created',
        entityType: 'round',
        entityId: 11,
        detail: '30',
      },
      {
        at: '2026-11-26T09:31:00Z',
        username: 'lena',
        action: 'links.mailed',
        entityType: 'round',
        entityId: 11,
        detail: '30',
      },
      {
        at: '2026-11-26T09:32:00Z',
        username: 'lena',
        action: 'links.reminded',
        entityType: 'round',
        entityId: 11,
        detail: '1',
      },
      {
        at: '2026-11-26T09:33:00Z',
        username: 'lena',
        action: 'open-link.created',
        entityType: 'round',
        entityId: 11,
        detail: null,
      },
    ])
    wrapper = mount(AuditTrail, {
      props: { organisationId: 3 },
      global: { plugins: [createAppI18n('sv'), createPinia()] },
    })
    await flushPromises()

    const rows = wrapper
      .findAll('[data-testid="audit-row"]')
      .map((li) => [li.get('time').text(), li.get('[data-testid="audit-action"]').text()])
    expect(rows[0]).toEqual(['28 nov. 2026', '3 svar inskickade'])
    expect(rows[1]).toEqual(['27 nov. 2026', '1 svar inskickat'])
    expect(rows[2][1]).toBe('30 personliga länkar skapade')
    expect(rows[3][1]).toBe('Inbjudan skickad via e-post till 30 personer')
    expect(rows[4][1]).toBe('Påminnelse skickad via e-post till 1 person')
    expect(rows[5][1]).toBe('lena skapade omgångens öppna länk')
  })

  it('writes the times in English when the page is in English', async () => {
    vi.mocked(api.getAudit).mockResolvedValue([
      {
        at: '2026-11-27T23:00:00Z',
        username: null,
        action: 'response.submitted',
        entityType: 'round',
        entityId: 11,
        detail: '3',
      },
      {
        at: '2026-11-26T09:30:00Z',
        username: 'lena',
        action: 'links.created',
        entityType: 'round',
        entityId: 11,
        detail: '30',
      },
    ])
    wrapper = mount(AuditTrail, {
      props: { organisationId: 3 },
      global: { plugins: [createAppI18n('en'), createPinia()] },
    })
    await flushPromises()

    const times = wrapper.findAll('[data-testid="audit-row"] time').map((time) => time.text())
    expect(times[0]).toBe('28 Nov 2026')
    expect(times[1]).toMatch(/^26 Nov 2026, \d\d:\d\d$/)
  })
})
