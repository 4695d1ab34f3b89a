import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createAppI18n } from '../i18n/index.js'
import * as api from '../api/client.js'
import RolePicker from '../components/RolePicker.vue'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return {
    ...actual,
    getRound: vi.fn(),
    listResponses: vi.fn(),
    getInstrumentVersion: vi.fn(),
    listOrganisations: vi.fn(),
    createResponse: vi.fn(),
    getResponse: vi.fn(),
    getParticipation: vi.fn(),
    listLinks: vi.fn(),
    getMailTexts: vi.fn(),
  }
})

const roles = [
  { code: 'ledning', label: 'Ledning', labelEn: 'Management' },
  { code: 'stodfunktion', label: 'Stödfunktion', labelEn: 'Support function' },
  { code: 'medarbetare', label: 'Medarbetare', labelEn: 'Staff' },
]

const skattaLaget = {
  code: 'skatta-laget',
  version: 1,
  title: 'Skatta läget – jämställd socialtjänst',
  titleEn: 'Assess the situation – gender-equal social services',
  kind: 'questionnaire',
  respondents: 'multiple',
  respondentRoles: roles,
  scale: [
    { value: 1, label: 'Stämmer inte alls' },
    { value: 4, label: 'Stämmer helt' },
  ],
  parts: [{ code: 'A', title: 'Styrning', items: [{ code: 'SL-A1', text: 'Ett' }] }],
}

const checklist = {
  code: 'checklist-systematik',
  version: 1,
  title: 'Checklista',
  kind: 'checklist',
  respondents: 'single',
  scale: [{ value: 1, label: 'Ett' }],
  parts: [{ code: 'A', title: 'A', items: [{ code: 'CS-01', text: 'Ett' }] }],
}

const round = (instrumentCode) => ({
  id: 11,
  organisationId: 3,
  instrumentCode,
  instrumentVersion: 1,
  label: 'Våren 2025',
  status: 'open',
})

beforeEach(() => {
  localStorage.clear()
  window.scrollTo = vi.fn()
  signedInPinia()
  vi.mocked(api.listOrganisations).mockResolvedValue([{ id: 3, name: 'Socialförvaltningen' }])
  vi.mocked(api.createResponse).mockResolvedValue({ id: 42, roundId: 11, status: 'draft' })
  // The response page is not under test here; keep it loading.
  vi.mocked(api.getResponse).mockReturnValue(new Promise(() => {}))
  vi.mocked(api.getParticipation).mockResolvedValue({
    invited: 30,
    invitedSubmitted: 12,
    started: 14,
    submitted: 12,
    openLinkSubmitted: 0,
    anonymityThreshold: 5,
    byRole: null,
  })
  vi.mocked(api.listLinks).mockResolvedValue([])
  vi.mocked(api.getMailTexts).mockResolvedValue({ mailEnabled: false })
})

afterEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('RoundView – respondent role', () => {
  it('asks for the role before creating the response, and creates it with the chosen role', async () => {
    vi.mocked(api.getRound).mockResolvedValue(round('skatta-laget'))
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(skattaLaget)
    vi.mocked(api.listResponses).mockResolvedValue([
      { id: 5, roundId: 11, status: 'submitted', respondentRole: 'ledning', answered: 1 },
    ])
    const { wrapper, router } = await mountAt('/omgangar/11')

    // Where many answer, one's own response only, with neither role nor time.
    expect(wrapper.get('[data-testid="response-link"]').text()).toBe('Ditt svar')
    expect(wrapper.find('[data-testid="response-role"]').exists()).toBe(false)

    expect(wrapper.find('[data-testid="role-picker"]').exists()).toBe(false)
    await wrapper.get('[data-testid="response-create"]').trigger('click')
    expect(api.createResponse).not.toHaveBeenCalled()
    const picker = wrapper.get('[data-testid="role-picker"]')
    expect(picker.get('legend').text()).toBe('Vilken roll svarar du i?')
    expect(roles.map((r) => wrapper.get(`[data-testid="role-${r.code}"]`).attributes('type'))).toEqual([
      'radio',
      'radio',
      'radio',
    ])
    expect(picker.findAll('label').map((l) => l.text())).toEqual(['Ledning', 'Stödfunktion', 'Medarbetare'])
    expect(document.activeElement).toBe(wrapper.get('[data-testid="role-ledning"]').element)

    // Nothing chosen yet: no response, a message instead.
    await wrapper.get('[data-testid="role-confirm"]').trigger('submit')
    expect(api.createResponse).not.toHaveBeenCalled()
    expect(picker.get('[role="alert"]').text()).toBe('Välj den roll du svarar i.')

    await wrapper.get('[data-testid="role-medarbetare"]').setValue(true)
    await picker.trigger('submit')
    await flushPromises()
    expect(api.createResponse).toHaveBeenCalledWith('11', 'medarbetare')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/svar/42'))
    wrapper.unmount()
  })

  it('creates the response at once when the instrument has no roles', async () => {
    vi.mocked(api.getRound).mockResolvedValue(round('checklist-systematik'))
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(checklist)
    vi.mocked(api.listResponses).mockResolvedValue([])
    const { wrapper, router } = await mountAt('/omgangar/11')

    await wrapper.get('[data-testid="response-create"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="role-picker"]').exists()).toBe(false)
    expect(api.createResponse).toHaveBeenCalledWith('11', null)
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/svar/42'))
    wrapper.unmount()
  })
})

describe('RoundView – who has answered', () => {
  it('shows a lead the participation and the links panel, not a list of responses, where many answer', async () => {
    vi.mocked(api.getRound).mockResolvedValue(round('skatta-laget'))
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(skattaLaget)
    vi.mocked(api.listResponses).mockResolvedValue([])
    const { wrapper } = await mountAt('/omgangar/11')

    expect(wrapper.get('[data-testid="participation-headline"]').text()).toBe('12 av 30 inbjudna har svarat')
    const bar = wrapper.get('[data-testid="participation"] progress')
    expect([bar.attributes('max'), bar.attributes('value')]).toEqual(['30', '12'])
    expect(wrapper.get('[data-testid="participation-started"]').text()).toBe('14')
    expect(wrapper.find('[data-testid="participation-roles"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="reach-respondents"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="invitations"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Svar 1')
    wrapper.unmount()
  })

  it('shows the table by role only when the server gives it, and counts those from the open link', async () => {
    vi.mocked(api.getParticipation).mockResolvedValue({
      invited: 3,
      invitedSubmitted: 2,
      started: 8,
      submitted: 7,
      openLinkSubmitted: 5,
      anonymityThreshold: 5,
      byRole: [
        { role: 'ledning', label: 'Ledning', labelEn: 'Management', submitted: 5 },
        { role: 'medarbetare', label: 'Medarbetare', labelEn: 'Staff', submitted: 6 },
      ],
    })
    vi.mocked(api.getRound).mockResolvedValue(round('skatta-laget'))
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(skattaLaget)
    vi.mocked(api.listResponses).mockResolvedValue([])
    const { wrapper } = await mountAt('/omgangar/11')

    expect(wrapper.get('[data-testid="participation-headline"]').text()).toBe('2 av 3 inbjudna har svarat')
    expect(wrapper.get('[data-testid="participation-others"]').text()).toBe(
      'Dessutom 5 svar utan personlig inbjudan (5 via den öppna länken).',
    )
    const rows = wrapper.findAll('[data-testid="participation-roles"] tbody tr').map((tr) => tr.text())
    expect(rows).toEqual(['Ledning5', 'Medarbetare6'])
    wrapper.unmount()
  })

  it('keeps the invitations with accounts for the checklist, answered by one', async () => {
    vi.mocked(api.getRound).mockResolvedValue(round('checklist-systematik'))
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(checklist)
    vi.mocked(api.listResponses).mockResolvedValue([{ id: 5, roundId: 11, status: 'draft', answered: 0 }])
    const { wrapper } = await mountAt('/omgangar/11')

    expect(wrapper.get('[data-testid="response-link"]').text()).toBe('Svar 1')
    expect(wrapper.find('[data-testid="invitations"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="participation"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="reach-respondents"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('RoundView – arriving from an invitation (?svara)', () => {
  it('opens the role choice when the person has no response yet', async () => {
    vi.mocked(api.getRound).mockResolvedValue(round('skatta-laget'))
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(skattaLaget)
    vi.mocked(api.listResponses).mockResolvedValue([])
    const { wrapper } = await mountAt('/omgangar/11?svara')

    expect(wrapper.find('[data-testid="role-picker"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('resumes the response the person already has', async () => {
    vi.mocked(api.getRound).mockResolvedValue(round('skatta-laget'))
    vi.mocked(api.getInstrumentVersion).mockResolvedValue(skattaLaget)
    vi.mocked(api.listResponses).mockResolvedValue([{ id: 5, roundId: 11, status: 'draft' }])
    const { wrapper, router } = await mountAt('/omgangar/11?svara')

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/svar/5'))
    wrapper.unmount()
  })
})

describe('RolePicker', () => {
  it('shows the English labels and emits the chosen code', async () => {
    const wrapper = mount(RolePicker, { props: { roles }, global: { plugins: [createAppI18n('en')] } })
    expect(wrapper.get('legend').text()).toBe('In which role are you answering?')
    expect(wrapper.findAll('label').map((l) => l.text())).toEqual(['Management', 'Support function', 'Staff'])
    await wrapper.get('[data-testid="role-stodfunktion"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('confirm')).toEqual([['stodfunktion']])
  })
})
