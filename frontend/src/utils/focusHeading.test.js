import { afterEach, describe, expect, it, vi } from 'vitest'
import { focusHeading } from './focusHeading.js'

describe('focusHeading', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    vi.useRealTimers()
  })

  it('focuses the heading that is already there', () => {
    document.body.innerHTML = '<main tabindex="-1"><h1>Organisationer</h1><button>x</button></main>'
    focusHeading(document.querySelector('main'))
    expect(document.activeElement.tagName).toBe('H1')
    expect(document.activeElement.getAttribute('tabindex')).toBe('-1')
  })

  it('waits for a heading that the page renders after loading its data', async () => {
    document.body.innerHTML = '<main tabindex="-1"><p>Laddar…</p></main>'
    const main = document.querySelector('main')
    focusHeading(main)
    expect(document.activeElement).not.toBe(main)
    const h1 = document.createElement('h1')
    h1.textContent = 'Jämför omgångar'
    main.appendChild(h1)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(document.activeElement).toBe(h1)
  })

  it('falls back to the main region when no heading comes', () => {
    vi.useFakeTimers()
    document.body.innerHTML = '<main tabindex="-1"><p>Laddar…</p></main>'
    const main = document.querySelector('main')
    focusHeading(main, { timeout: 100 })
    vi.advanceTimersByTime(100)
    expect(document.activeElement).toBe(main)
  })
})
