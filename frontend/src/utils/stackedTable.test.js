import { describe, expect, it } from 'vitest'
import { h, nextTick, withDirectives } from 'vue'
import { mount } from '@vue/test-utils'
import { labelCells, vStackedTable } from './stackedTable.js'

function table(html) {
  const element = document.createElement('table')
  element.innerHTML = html
  return element
}

const RESULT = `
  <thead><tr><th scope="col">Kod</th><th scope="col">Påstående</th><th scope="col">Medel</th><th scope="col">n</th></tr></thead>
  <tbody>
    <tr><th scope="row">CS-01</th><td>Vi har en plan</td><td class="num">2,20</td><td class="num">5</td></tr>
    <tr><th scope="row">CS-02</th><td>Vi följer upp</td><td colspan="2">Döljs: färre än 5 svar</td></tr>
  </tbody>`

describe('labelCells()', () => {
  it("labels every body cell with its column's header, and a spanning cell with nothing", () => {
    const t = labelCells(table(RESULT))
    const rows = [...t.tBodies[0].rows].map((row) => [...row.cells].map((cell) => cell.getAttribute('data-label')))
    expect(rows).toEqual([
      [null, 'Påstående', 'Medel', 'n'],
      [null, 'Påstående', null],
    ])
    expect(t.classList.contains('table--stack')).toBe(true)
  })

  it('keeps the table a table for screen readers with explicit roles', () => {
    const t = labelCells(table(RESULT))
    expect(t.getAttribute('role')).toBe('table')
    expect(t.tHead.getAttribute('role')).toBe('rowgroup')
    expect(t.tHead.rows[0].cells[0].getAttribute('role')).toBe('columnheader')
    const first = t.tBodies[0].rows[0]
    expect(first.getAttribute('role')).toBe('row')
    expect([...first.cells].map((c) => c.getAttribute('role'))).toEqual(['rowheader', 'cell', 'cell', 'cell'])
  })

  it('marks an empty cell (no verdict yet) so the card leaves out its line, label and all', () => {
    const t = labelCells(
      table(`<thead><tr><th scope="col">Kod</th><th scope="col">Förändring</th><th scope="col">Hur säker</th></tr></thead>
        <tbody><tr><th scope="row">CS-10</th><td class="num">–</td><td> </td></tr></tbody>`),
    )
    const [, change, certainty] = t.tBodies[0].rows[0].cells
    expect(certainty.getAttribute('data-label')).toBeNull()
    expect(certainty.hasAttribute('data-empty')).toBe(true)
    expect(change.getAttribute('data-label')).toBe('Förändring')
    expect(change.hasAttribute('data-empty')).toBe(false)
  })

  it('gives a cell of buttons only no label: the buttons name themselves', () => {
    const t = labelCells(
      table(`<thead><tr><th>Användare</th><th>Roller</th><th>Ändra</th></tr></thead>
        <tbody><tr><th>anna</th><td>Projektledare <a href="#">Kalmar</a></td><td><button>Ändra roller</button></td></tr></tbody>`),
    )
    expect([...t.tBodies[0].rows[0].cells].map((c) => c.getAttribute('data-label'))).toEqual([null, 'Roller', null])
  })

  it('counts a header spanning two columns for both', () => {
    const t = labelCells(
      table(`<thead><tr><th>Roll</th><th colspan="2">Svar</th></tr></thead>
        <tbody><tr><th>Ledning</th><td>3</td><td>4</td></tr></tbody>`),
    )
    expect([...t.tBodies[0].rows[0].cells].map((c) => c.getAttribute('data-label'))).toEqual([null, 'Svar', 'Svar'])
  })
})

describe('v-stacked-table', () => {
  it('labels the cells again when the headers change, e.g. with the language', async () => {
    const Table = {
      props: ['heading'],
      render() {
        const head = h('thead', [h('tr', [h('th', 'Kod'), h('th', this.heading)])])
        const body = h('tbody', [h('tr', [h('th', 'A'), h('td', '2,20')])])
        return withDirectives(h('table', [head, body]), [[vStackedTable]])
      },
    }
    const wrapper = mount(Table, { props: { heading: 'Medel' }, attachTo: document.body })
    expect(wrapper.find('td').attributes('data-label')).toBe('Medel')
    await wrapper.setProps({ heading: 'Mean' })
    await nextTick()
    await new Promise((resolve) => setTimeout(resolve))
    expect(wrapper.find('td').attributes('data-label')).toBe('Mean')
    wrapper.unmount()
  })
})
