// Tables that become stacked cards on a phone (main.css, `.table--stack` below 768 px): each body row a
// card, each cell a line that starts with its column's name. The column's name comes from the table's own
// header row (`data-label` on each cell, kept up to date when the headers change, e.g. with the language),
// so a table states its headers once. Explicit ARIA roles keep the table a table for screen readers after
// CSS has made its parts blocks (some browsers drop table semantics for `display: block`).

const ROLES = { THEAD: 'rowgroup', TBODY: 'rowgroup', TFOOT: 'rowgroup', TR: 'row', TD: 'cell' }

/** The text of the column headers, one entry per column (a header spanning two columns fills both). */
function columnNames(table) {
  const head = table.tHead?.rows[table.tHead.rows.length - 1]
  if (!head) return []
  const names = []
  for (const cell of head.cells) {
    const name = cell.textContent.replace(/\s+/g, ' ').trim()
    for (let i = 0; i < (cell.colSpan || 1); i++) names.push(name)
  }
  return names
}

/** A cell of buttons or links only ("Ändra roller"): its controls name themselves, a label would repeat them. */
function onlyControls(cell) {
  const controls = cell.querySelectorAll('button, a')
  if (controls.length === 0) return false
  let rest = cell.textContent
  for (const control of controls) rest = rest.replace(control.textContent, '')
  return rest.trim() === ''
}

function setAttribute(element, name, value) {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name)
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value)
  }
}

/**
 * Labels the cells of the table's body with their column's name and gives every part of the table its
 * ARIA role. A cell spanning several columns (a withheld figure's explanation) gets no label: its text
 * says what it is; nor does a cell of buttons only. An empty cell is marked `data-empty`: a card leaves it out. Returns the table.
 */
export function labelCells(table) {
  setAttribute(table, 'role', 'table')
  table.classList.add('table--stack')
  const names = columnNames(table)
  for (const section of [table.tHead, ...table.tBodies, table.tFoot]) {
    if (!section) continue
    setAttribute(section, 'role', ROLES[section.tagName])
    for (const row of section.rows) {
      setAttribute(row, 'role', ROLES.TR)
      let column = 0
      for (const cell of row.cells) {
        const span = cell.colSpan || 1
        if (cell.tagName === 'TH') {
          setAttribute(cell, 'role', section === table.tHead || cell.scope === 'col' ? 'columnheader' : 'rowheader')
        } else {
          setAttribute(cell, 'role', ROLES.TD)
        }
        const empty = section !== table.tHead && cell.tagName === 'TD' && cell.textContent.trim() === ''
        const labelled = section !== table.tHead && cell.tagName === 'TD' && span === 1 && !empty && !onlyControls(cell)
        const label = labelled ? names[column] || null : null
        setAttribute(cell, 'data-label', label)
        setAttribute(cell, 'data-empty', empty ? '' : null)
        column += span
      }
    }
  }
  return table
}

/** `v-stacked-table` on a `<table>`: labels its cells now and whenever its rows or headers change. */
export const vStackedTable = {
  mounted(table) {
    labelCells(table)
    // Attribute changes are not observed, so labelling does not trigger itself.
    table._stackObserver = new MutationObserver(() => labelCells(table))
    table._stackObserver.observe(table, { childList: true, subtree: true, characterData: true })
  },
  unmounted(table) {
    table._stackObserver?.disconnect()
  },
}
