import { ref } from 'vue'
import { defineStore } from 'pinia'
import * as api from '../api/client.js'

export const DEFAULT_INSTRUMENT = 'checklist-systematik'

export const useInstrumentsStore = defineStore('instruments', () => {
  const list = ref([])
  const loaded = ref(false)
  // Instrument definitions are immutable per version, so they are cached by "code@version".
  const definitions = ref({})

  async function load() {
    if (loaded.value) return list.value
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

  /** Best known title for an instrument version, falling back to its code. */
  function titleFor(code, version) {
    const def = definitions.value[`${code}@${version}`]
    if (def) return def.title
    const exact = list.value.find((i) => i.code === code && String(i.version) === String(version))
    const any = list.value.find((i) => i.code === code)
    return (exact || any)?.title || code
  }

  return { list, loaded, load, latestPerCode, definition, titleFor }
})
