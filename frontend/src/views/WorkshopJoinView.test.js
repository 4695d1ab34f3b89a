import { afterEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mountAt } from '../test/mount.js'

describe('WorkshopJoinView (/w)', () => {
  let wrapper
  afterEach(() => wrapper?.unmount())

  it('says once what the page is for: one heading, then the code box', async () => {
    setActivePinia(createPinia())
    ;({ wrapper } = await mountAt('/w'))
    const headings = wrapper.findAll('h1, h2, h3').map((heading) => heading.text())
    expect(headings).toEqual(['Gå med i en workshop'])
    expect(wrapper.find('[data-testid="code-input"]').exists()).toBe(true)
    expect(wrapper.find('label[for="workshop-code-input"]').text()).toBe('Koden på skärmen')
  })

  it('keeps the code box titled where it stands beside other things (the login page)', async () => {
    setActivePinia(createPinia())
    ;({ wrapper } = await mountAt('/logga-in'))
    expect(wrapper.findAll('h2').map((heading) => heading.text())).toContain('Gå med i en workshop')
  })
})
