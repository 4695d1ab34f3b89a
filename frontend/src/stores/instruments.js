import { ref } from 'vue'
import { defineStore } from 'pinia'
import * as api from '../api/client.js'
import { localized } from '../utils/localized.js'

// The instruments a form starts on: rounds and the regional view default to the checklist, a workshop to
// the staircase, the exercise a workshop is made for.
export const DEFAULT_INSTRUMENT = 'checklist-systematik'
export const DEFAULT_WORKSHOP_INSTRUMENT = 'jamstalldhetstrappan'

export const useInstrumentsStore = defineStore('instruments', () => {
  const list = ref([])
  const loaded = ref(false)
  // Instrument definitions are immutable per version, so they are cached by "code@version".
  const definitions = ref({})
  // code -> [{ code, version, title, kind }], oldest first.
  const versionLists = ref({})

  async function load({ force = false } = {}) {
    if (loaded.value && !force) return list.value
    list.value = await api.listInstruments()
    loaded.value = true
    return list.value
  }

  /** One entry per instrument code (the highest version), for choosing an instrument. */
  function latestPerCode() {
    const byCode = new Map()
    for (const entry of list.value) {
      const current = byCode.get(entry.code)
      if (!current || Number(entry.version) > Number(current.version)) byCode.set(entry.code, entry)
    }
    return [...byCode.values()]
  }

  async function definition(code, version) {
    const key = `${code}@${version}`
    if (!definitions.value[key]) {
      definitions.value[key] = await api.getInstrumentVersion(code, version)
    }
    return definitions.value[key]
  }

  /** All versions of one instrument, oldest first. */
  async function versions(code, { force = false } = {}) {
    if (!versionLists.value[code] || force) {
      versionLists.value[code] = await api.listInstrumentVersions(code)
    }
    return versionLists.value[code]
  }

  /**
   * Upload a definition file; the lists are read again afterwards. Resolves to
   * `{ created, definition }` (created false: the identical version was already there).
   */
  async function upload(yamlText) {
    const { status, data: def } = await api.uploadInstrument(yamlText)
    if (def?.code && def?.version !== undefined) definitions.value[`${def.code}@${def.version}`] = def
    await load({ force: true }).catch(() => null)
    if (def?.code) await versions(def.code, { force: true }).catch(() => null)
    return { created: status === 201, definition: def }
  }

  /** Best known title for an instrument version in the UI language, falling back to its code. */
  function titleFor(code, version, locale = 'sv') {
    const def = definitions.value[`${code}@${version}`]
    if (def) return localized(def, 'title', locale) || code
    const exact = list.value.find((i) => i.code === code && String(i.version) === String(version))
    const any = list.value.find((i) => i.code === code)
    return localized(exact || any, 'title', locale) || code
  }

  return { list, loaded, load, latestPerCode, definition, versions, versionLists, upload, titleFor }
})
