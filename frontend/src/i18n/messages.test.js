import { describe, expect, it } from 'vitest'
import sv from './sv.json'
import en from './en.json'
import { routes } from '../router/index.js'

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

function lookup(messages, key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), messages)
}

// Every source file of the app (not the tests), read as text.
const sources = Object.entries(
  import.meta.glob(['../**/*.vue', '../**/*.js', '!../**/*.test.js', '!../test/**'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)

/** The message keys the sources use: t('a.b'), $t('a.b'), titleKey: 'a.b'; and t(`a.${x}`) as the prefix 'a.'. */
function usedKeys() {
  const fixed = new Set()
  const prefixes = new Set()
  for (const [, text] of sources) {
    for (const m of text.matchAll(/(?<![\w.])\$?t\(\s*'([^']+)'/g)) fixed.add(m[1])
    for (const m of text.matchAll(/titleKey:\s*'([^']+)'/g)) fixed.add(m[1])
    for (const m of text.matchAll(/(?<![\w.])\$?t\(\s*`([^`$]*)\$\{/g)) prefixes.add(m[1])
    for (const m of text.matchAll(/(?<![\w.])\$?t\(\s*`([^`$]+)`/g)) fixed.add(m[1])
  }
  return { fixed: [...fixed].sort(), prefixes: [...prefixes].sort() }
}

describe('i18n messages', () => {
  it('has the same keys in Swedish and English', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort())
  })

  it('has no empty message in either language', () => {
    for (const [name, messages] of [
      ['sv', sv],
      ['en', en],
    ]) {
      const empty = keys(messages).filter((key) => String(lookup(messages, key)).trim() === '')
      expect(empty, `empty messages in ${name}.json`).toEqual([])
    }
  })

  it('has every key that the sources use, in both languages', () => {
    const { fixed, prefixes } = usedKeys()
    expect(sources.length).toBeGreaterThan(20)
    expect(fixed.length).toBeGreaterThan(100)
    for (const [name, messages] of [
      ['sv', sv],
      ['en', en],
    ]) {
      const missing = fixed.filter((key) => typeof lookup(messages, key) !== 'string')
      expect(missing, `keys used in the sources but missing in ${name}.json`).toEqual([])
      // A key built at run time (t(`status.${kind}.${status}`)) needs its fixed beginning to hold messages.
      const missingPrefixes = prefixes.filter((prefix) => {
        const parent = prefix.endsWith('.') ? lookup(messages, prefix.slice(0, -1)) : undefined
        return (
          !(parent && typeof parent === 'object' && Object.keys(parent).length > 0) &&
          !keys(messages).some((key) => key.startsWith(prefix))
        )
      })
      expect(missingPrefixes, `key beginnings used in the sources but missing in ${name}.json`).toEqual([])
    }
  })

  it('names a page title for every route, in both languages', () => {
    for (const route of routes) {
      expect(typeof lookup(sv, route.meta.titleKey), route.path).toBe('string')
      expect(typeof lookup(en, route.meta.titleKey), route.path).toBe('string')
    }
  })

  it('uses the exact Swedish texts the end-to-end test relies on', () => {
    expect(sv.save.saved).toBe('Sparat')
    expect(sv.save.saving).toBe('Sparar…')
    expect(sv.save.retrying).toBe('Inte sparat än – vi försöker igen')
    expect(sv.response.progress).toBe('{answered} av {total} besvarade')
  })

  it('has the account texts in both languages, with the Swedish wording the browser test uses', () => {
    for (const messages of [sv, en]) {
      for (const code of ['ADMIN', 'PROJECT_LEAD', 'RESPONDENT', 'FACILITATOR'])
        expect(messages.roles[code]).toBeTruthy()
      for (const status of ['pending', 'accepted', 'expired']) expect(messages.invite.statuses[status]).toBeTruthy()
      for (const action of [
        'round_created',
        'round_closed',
        'round_imported',
        'response_submitted',
        'action_created',
        'action_updated',
        'action_deleted',
        'invitation_created',
        'invitation_accepted',
        'user_created',
        'organisation_created',
      ]) {
        expect(messages.audit.actions[action]).toBeTruthy()
      }
    }
    expect(sv.userMenu.logout).toBe('Logga ut')
    expect(sv.login.submit).toBe('Logga in')
    expect(sv.invite.submit).toBe('Bjud in')
    expect(sv.invite.copy).toBe('Kopiera länk')
    expect(sv.invite.statuses).toEqual({ pending: 'väntar', accepted: 'använd', expired: 'utgången' })
    expect(sv.session.expiredOutbox).toBe('Du har loggats ut – logga in igen så skickas dina svar')
  })
})
