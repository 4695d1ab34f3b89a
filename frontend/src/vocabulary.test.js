import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import sv from './i18n/sv.json'

// One Swedish name for each role and concept (docs/glossary.md): the Swedish UI texts and the Swedish user
// guides may not use a banned synonym.
const BANNED = [
  /samtalsledar/i,
  /\bfacilitator/i,
  /\bmoderator/i,
  /projektansvarig/i,
  /\brespondent(?!Role)/i,
  /granskningslogg/i,
]

const here = dirname(fileURLToPath(import.meta.url))
const guides = join(here, '..', '..', 'docs', 'anvandare')

function texts(node, path = []) {
  if (typeof node === 'string') return [[path.join('.'), node]]
  return Object.entries(node).flatMap(([key, value]) => texts(value, [...path, key]))
}

const offending = (entries) =>
  entries.filter(([, text]) => BANNED.some((word) => word.test(text))).map(([where, text]) => `${where}: ${text}`)

describe('one vocabulary', () => {
  it('uses no banned synonym in the Swedish UI texts', () => {
    expect(offending(texts(sv))).toEqual([])
  })

  it('uses no banned synonym in the Swedish user guides (links to files aside)', () => {
    const entries = readdirSync(guides)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) =>
        readFileSync(join(guides, name), 'utf8')
          .split('\n')
          .map((line, i) => [`${name}:${i + 1}`, line.replace(/\]\([^)]*\)/g, '](…)')]),
      )
    expect(offending(entries)).toEqual([])
  })

  it('names the roles as the glossary does', () => {
    expect(sv.roles).toEqual({
      ADMIN: 'Administratör',
      PROJECT_LEAD: 'Projektledare',
      RESPONDENT: 'Svarande',
      FACILITATOR: 'Processledare',
    })
  })
})
