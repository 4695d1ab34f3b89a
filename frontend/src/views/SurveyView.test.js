import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { useResponseEditorStore } from '../stores/responseEditor.js'
import { createFakeSurveyLinks } from '../test/fakeBackend.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'

const roles = [
  { code: 'ledning', label: 'Ledning', labelEn: 'Management' },
  { code: 'medarbetare', label: 'Medarbetare', labelEn: 'Staff' },
]

const skattaLaget = {
  code: 'skatta-laget',
  version: 1,
  title: 'Skatta läget',
  titleEn: 'Assess the situation',
  kind: 'questionnaire',
  respondents: 'multiple',
  respondentRoles: roles,
  scale: [
    { value: 1, label: 'Stämmer inte alls' },
    { value: 4, label: 'Stämmer helt' },
  ],
  parts: [
    {
      code: 'A',
      title: 'Styrning',
      items: [
        { code: 'SL-A1', text: 'Ett' },
        { code: 'SL-A2', text: 'Två' },
      ],
    },
  ],
}

let backend
let wrapper

function useLinks(instrument = skattaLaget) {
  backend = createFakeSurveyLinks(instrument)
  vi.stubGlobal(
    'fetch',
    vi.fn((url, init) => backend.handle(url, init)),
  )
}

async function open(path) {
  const mounted = await mountAt(path)
  wrapper = mounted.wrapper
  return mounted
}

const $ = (testid) => wrapper.get(`[data-testid="${testid}"]`)

beforeEach(() => {
  localStorage.clear()
  window.scrollTo = vi.fn()
  signedInPinia(null)
  useLinks()
})

afterEach(() => {
  useResponseEditorStore().reset()
  wrapper?.unmount()
  wrapper = null
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('SurveyView (/s/:token)', () => {
  it('joins through the open link and moves to the device’s own address', async () => {
    backend.addLink({ token: 'open-abc', open: true })
    const { router } = await open('/s/open-abc')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/s/joined-1'))
    await flushPromises()

    expect(backend.calls).toContain('POST /api/s/open-abc/join')
    expect($('role-picker').exists()).toBe(true)
  })

  it('asks for the role first, then starts and saves answers through the link', async () => {
    backend.addLink({ token: 'p1' })
    await open('/s/p1')

    expect(wrapper.get('h1').text()).toBe('Skatta läget')
    expect($('survey-place').text()).toBe('Exempelby – 2025')
    // Nothing to go back to: no cancel button.
    expect(wrapper.findAll('[data-testid="role-picker"] button').map((b) => b.text())).toEqual(['Börja svara'])
    expect(backend.calls).not.toContain('POST /api/s/p1/response')

    await $('role-medarbetare').setValue(true)
    await $('role-picker').trigger('submit')
    await flushPromises()

    expect(backend.links.get('p1').response.respondentRole).toBe('medarbetare')
    expect($('response-role').text()).toBe('Du svarar som: Medarbetare')
    await $('option-SL-A1-4').setValue(true)
    await vi.waitFor(() => expect(backend.links.get('p1').response.answers).toHaveLength(1))
    expect(backend.calls).toContain('PUT /api/s/p1/answers/SL-A1')
  })

  it('starts at once when the instrument has no roles', async () => {
    useLinks({ ...skattaLaget, respondentRoles: [] })
    backend.addLink({ token: 'p2' })
    await open('/s/p2')

    expect(backend.calls).toContain('POST /api/s/p2/response')
    expect(wrapper.find('[data-testid="role-picker"]').exists()).toBe(false)
    expect($('progress').text()).toBe('0 av 2 besvarade')
  })

  it('resumes a draft with its answers, and shows the thank-you page after submit', async () => {
    backend.addLink({
      token: 'p3',
      status: 'draft',
      respondentRole: 'ledning',
      answers: [{ itemCode: 'SL-A1', value: 1, comment: null }],
    })
    await open('/s/p3')

    expect($('progress').text()).toBe('1 av 2 besvarade')
    expect($('option-SL-A1-1').element.checked).toBe(true)
    await $('review').trigger('click')
    await $('submit').trigger('click')
    await flushPromises()

    expect(backend.calls).toContain('POST /api/s/p3/submit')
    const thanks = $('survey-thanks')
    expect(thanks.get('h1').text()).toBe('Tack för ditt svar!')
    expect(thanks.text()).toContain('Svaren sammanställs när omgången stängs.')
    expect(thanks.text()).toContain('minst 5 personer')
    expect(thanks.text()).toContain('Ingen kan se enskilda svar')
    expect(wrapper.text()).not.toContain('Dolt')
  })

  it('thanks at once when the link’s response is already submitted', async () => {
    backend.addLink({ token: 'p4', status: 'submitted' })
    await open('/s/p4')

    expect($('survey-thanks').exists()).toBe(true)
    expect(backend.calls).toEqual(['GET /api/s/p4'])
  })

  it('says plainly that a closed round takes no answers', async () => {
    backend.addLink({ token: 'p5' })
    backend.round.status = 'closed'
    await open('/s/p5')

    expect($('survey-closed').text()).toContain('Omgången 2025 är stängd och tar inte emot fler svar.')
    expect(backend.calls).toEqual(['GET /api/s/p5'])
  })

  it('explains an unknown link in Swedish and what to do', async () => {
    await open('/s/nonexistent')

    expect(wrapper.get('h1').text()).toBe('Länken finns inte')
    expect($('survey-missing').text()).toContain('Länken finns inte.')
    expect($('survey-missing').text()).toContain('be den som skickade länken om en ny')
  })

  it('carries on from the copy on the device when the server cannot be reached', async () => {
    backend.addLink({ token: 'p6', status: 'draft', respondentRole: 'ledning' })
    await open('/s/p6')
    await $('option-SL-A2-4').setValue(true)
    await vi.waitFor(() => expect($('save-status-global').text()).toBe('Sparat'))
    wrapper.unmount()
    useResponseEditorStore().reset()

    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await open('/s/p6')

    expect($('offline-note').exists()).toBe(true)
    expect($('option-SL-A2-4').element.checked).toBe(true)
  })
})
