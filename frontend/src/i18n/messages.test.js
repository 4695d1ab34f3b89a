import { describe, expect, it } from 'vitest'
import sv from './sv.json'
import en from './en.json'

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('i18n messages', () => {
  it('has the same keys in Swedish and English', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort())
  })

  it('uses the exact Swedish texts the end-to-end test relies on', () => {
    expect(sv.save.saved).toBe('Sparat')
    expect(sv.save.saving).toBe('Sparar…')
    expect(sv.save.retrying).toBe('Inte sparat än – vi försöker igen')
    expect(sv.response.progress).toBe('{answered} av {total} besvarade')
  })
})
