// Role rows as the forms edit them, and as the API takes them.

/** The API's roles ([{ organisationId, role }]) as form rows with string ids ('' for ADMIN). */
export function rowsFromRoles(roles = []) {
  return roles.map((r) => ({
    organisationId: r.role === 'ADMIN' || r.organisationId == null ? '' : String(r.organisationId),
    role: r.role,
  }))
}

/**
 * Check form rows and turn them into the API's roles. Returns `{ roles, errors }` where errors maps a
 * row index to a message (a row without organisation, or the same role twice); `t` translates. The
 * organisation ids are taken from `organisations` so they keep the server's type.
 */
export function rolesFromRows(rows, t, organisations = []) {
  const errors = {}
  const seen = new Set()
  const roles = []
  rows.forEach((row, index) => {
    const admin = row.role === 'ADMIN'
    if (!admin && !row.organisationId) {
      errors[index] = t('users.organisationRequired', { n: index + 1 })
      return
    }
    const key = admin ? 'ADMIN' : `${row.organisationId}:${row.role}`
    if (seen.has(key)) {
      errors[index] = t('users.duplicateRole', { n: index + 1 })
      return
    }
    seen.add(key)
    const org = organisations.find((o) => String(o.id) === String(row.organisationId))
    roles.push({ organisationId: admin ? null : org ? org.id : row.organisationId, role: row.role })
  })
  return { roles, errors }
}

/**
 * "Projektledare i Exempelby, Svarande i Annanby" – one user's roles in words. `nameOf(id)` names an
 * organisation when a role does not carry its name.
 */
export function roleSummary(user, t, nameOf = () => null) {
  const roles = Array.isArray(user?.roles) ? user.roles : []
  const parts = roles
    .filter((r) => r.role !== 'ADMIN')
    .map((r) => {
      const organisation = r.organisationName || nameOf(r.organisationId)
      return organisation ? t('userMenu.roleIn', { role: t(`roles.${r.role}`), organisation }) : t(`roles.${r.role}`)
    })
  if (user?.admin || roles.some((r) => r.role === 'ADMIN')) parts.unshift(t('roles.ADMIN'))
  return parts.length ? parts.join(', ') : t('userMenu.noRoles')
}
