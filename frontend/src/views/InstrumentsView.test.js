import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import * as api from '../api/client.js'
import { signedInPinia } from '../test/session.js'
import { mountAt } from '../test/mount.js'

vi.mock('../api/client.js', async (importOriginal) => {
  const actual = await importOriginal()
  return {
    ...actual,
    listInstruments: vi.fn(),
    listInstrumentVersions: vi.fn(),
    uploadInstrument: vi.fn(),
    listOrganisations: vi.fn(),
  }
})

const checklist = { code: 'checklist-systematik', version: 1, title: 'Checklista för systematik', kind: 'checklist' }
const staircase = {
  code: 'jamstalldhetstrappan',
  version: 1,
  title: 'Jämställdhetstrappan',
  titleEn: 'The staircase',
  kind: 'staircase',
}

async function mountApp(path = '/instrument') {
  const { wrapper: app, router } = await mountAt(path, { app: true })
  return { app, router }
}

beforeEach(() => {
  window.scrollTo = vi.fn()
  signedInPinia()
  vi.mocked(api.listOrganisations).mockResolvedValue([])
  vi.mocked(api.listInstruments).mockResolvedValue([checklist, staircase])
  vi.mocked(api.listInstrumentVersions).mockImplementation(async (code) =>
    code === checklist.code ? [checklist] : [staircase],
  )
})

afterEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('InstrumentsView', () => {
  it('is linked from the header and lists the instruments with their versions', async () => {
    const { app, router } = await mountApp('/')
    await app.get('[data-testid="nav-instruments"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('instruments'))
    await flushPromises()
    const entries = app.findAll('[data-testid="instrument-entry"]')
    expect(entries.map((e) => e.get('.card-list__title').text())).toEqual([
      'Checklista för systematik',
      'Jämställdhetstrappan',
    ])
    expect(entries[0].findAll('[data-testid="instrument-version"]').map((v) => v.text())).toEqual(['Version 1'])
    expect(entries[1].text()).toContain('Trappa')
    app.unmount()
  })

  it('uploads pasted text and reports the new version', async () => {
    const v2 = { ...checklist, version: 2 }
    vi.mocked(api.uploadInstrument).mockResolvedValue({ status: 201, data: v2 })
    const { app } = await mountApp()
    vi.mocked(api.listInstruments).mockResolvedValue([checklist, v2, staircase])
    vi.mocked(api.listInstrumentVersions).mockImplementation(async (code) =>
      code === checklist.code ? [checklist, v2] : [staircase],
    )

    await app.get('[data-testid="instrument-text"]').setValue('code: checklist-systematik\nversion: 2\n')
    await app.get('[data-testid="instrument-upload"]').trigger('submit')
    await flushPromises()

    expect(api.uploadInstrument).toHaveBeenCalledWith('code: checklist-systematik\nversion: 2\n')
    expect(app.get('[data-testid="upload-result"]').text()).toBe('Version 2 av Checklista för systematik är inläst')
    expect(
      app.findAll('[data-testid="instrument-entry"]')[0].findAll('[data-testid="instrument-version"]'),
    ).toHaveLength(2)
    app.unmount()
  })

  it('uploads the chosen file rather than the text', async () => {
    vi.mocked(api.uploadInstrument).mockResolvedValue({ status: 200, data: checklist })
    const { app } = await mountApp()
    const input = app.get('[data-testid="instrument-file"]')
    expect(input.attributes('accept')).toContain('.yaml')
    const file = new File(['code: checklist-systematik\nversion: 1\n'], 'v1.yml', { type: 'application/yaml' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await app.get('[data-testid="instrument-text"]').setValue('inte detta')
    await app.get('[data-testid="instrument-upload"]').trigger('submit')
    // Reading the file takes a moment.
    await vi.waitFor(() => expect(app.get('[data-testid="upload-result"]').text()).toContain('fanns redan'))
    expect(api.uploadInstrument).toHaveBeenCalledWith('code: checklist-systematik\nversion: 1\n')
    app.unmount()
  })

  it('shows the problem detail and every error message', async () => {
    vi.mocked(api.uploadInstrument).mockRejectedValue(
      new api.ApiError({
        status: 400,
        detail: 'Definitionsfilen är inte giltig.',
        errors: [
          { field: 'scale', message: 'Rad 12: skalan måste ha minst två steg.' },
          { field: 'parts[0].items[1].code', message: 'Rad 30: koden CS-01 finns redan.' },
        ],
      }),
    )
    const { app } = await mountApp()
    await app.get('[data-testid="instrument-upload"]').trigger('submit')
    await flushPromises()
    // Nothing to upload: asked for a file or text, nothing sent.
    expect(api.uploadInstrument).not.toHaveBeenCalled()
    expect(app.text()).toContain('Välj en fil eller klistra in definitionen.')

    await app.get('[data-testid="instrument-text"]').setValue('code: x')
    await app.get('[data-testid="instrument-upload"]').trigger('submit')
    await flushPromises()
    expect(app.get('[data-testid="upload-problem"]').text()).toContain('Definitionsfilen är inte giltig.')
    expect(app.findAll('[data-testid="upload-errors"] li').map((li) => li.text())).toEqual([
      'Rad 12: skalan måste ha minst två steg.',
      'Rad 30: koden CS-01 finns redan.',
    ])
    app.unmount()
  })
})
