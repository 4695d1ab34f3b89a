import { ref } from 'vue'
import { defineStore } from 'pinia'
import * as api from '../api/client.js'

export const useOrganisationsStore = defineStore('organisations', () => {
  const items = ref([])
  const loaded = ref(false)

  const sortByName = (list) => [...list].sort((a, b) => a.name.localeCompare(b.name, 'sv'))

  async function load({ force = false } = {}) {
    if (loaded.value && !force) return items.value
    items.value = sortByName(await api.listOrganisations())
    loaded.value = true
    return items.value
  }

  async function create(name) {
    const org = await api.createOrganisation(name)
    items.value = sortByName([...items.value.filter((o) => o.id !== org.id), org])
    return org
  }

  /** Organisation by id; there is no single-organisation endpoint, so this uses the list. */
  async function byId(id) {
    const find = () => items.value.find((o) => String(o.id) === String(id)) || null
    await load()
    if (find()) return find()
    // It may have been created elsewhere since the list was loaded.
    await load({ force: true })
    return find()
  }

  /** Forget the list (another user signed in: they may see other organisations). */
  function clear() {
    items.value = []
    loaded.value = false
  }

  return { items, loaded, load, create, byId, clear }
})
