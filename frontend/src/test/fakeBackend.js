// In-memory stand-in for the Lägesbild API, used by the app flow tests through a stubbed fetch.
// It keeps one session (as the browser's cookie would): every /api call except logging in, first-run
// set-up and invitations answers 401 without it, as docs/accounts.md describes.

const json = (status, body, type = 'application/json', extraHeaders = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { ...(body === undefined ? {} : { 'Content-Type': type }), ...extraHeaders },
  })
const problem = (status, detail, extraHeaders = {}) =>
  json(status, { status, title: 'Error', detail }, 'application/problem+json', extraHeaders)

export const ADMIN_USERNAME = 'admin'
export const ADMIN_PASSWORD = 'admin-losenord'
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * @param {object} instrument  the one instrument definition the fake serves
 * @param {object} [options]
 * @param {boolean} [options.withAdmin]  start with the administrator `admin` / `admin-losenord` (default true)
 * @param {boolean} [options.signedIn]  start signed in as that administrator (default: withAdmin)
 */
export function createFakeBackend(instrument, { withAdmin = true, signedIn = withAdmin } = {}) {
  let nextId = 1
  let nextUserId = 100
  const orgs = []
  const rounds = []
  const responses = []
  const actions = []
  const users = []
  const invitations = []
  const audit = []
  const state = {
    /** The signed-in user's id (the session cookie), or null. */
    sessionUserId: null,
    /** Seconds a login must wait (429), 0 when logins are allowed. */
    loginLockSeconds: 0,
    loginFailures: 0,
  }

  function addUser({ username, password, admin = false, email = null, roles = [] }) {
    const user = { id: nextUserId++, username, password, admin, email, roles: roles.map((r) => ({ ...r })) }
    users.push(user)
    return user
  }
  if (withAdmin) {
    const admin = addUser({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD, admin: true })
    if (signedIn) state.sessionUserId = admin.id
  }

  const currentUser = () => users.find((u) => u.id === state.sessionUserId) || null
  const orgName = (id) => orgs.find((o) => o.id === Number(id))?.name || null
  const describe = (u) => ({
    id: u.id,
    username: u.username,
    admin: u.admin,
    roles: u.roles.map((r) => ({
      organisationId: r.organisationId,
      organisationName: orgName(r.organisationId),
      role: r.role,
    })),
  })
  const signIn = (u) => {
    state.sessionUserId = u.id
    return { accessToken: `token-${u.id}`, user: describe(u) }
  }
  const record = (organisationId, action, entityType, entityId, detail = null) =>
    audit.unshift({
      organisationId,
      at: new Date().toISOString(),
      username: currentUser()?.username || null,
      action,
      entityType,
      entityId,
      detail,
    })
  const mayManage = (u, organisationId) =>
    u.admin || u.roles.some((r) => r.organisationId === Number(organisationId) && r.role === 'PROJECT_LEAD')

  /** The account endpoints; null when the path is not one of them. */
  function handleAccounts(method, path, body) {
    let m
    if (method === 'POST' && path === '/api/auth/login') {
      if (state.loginLockSeconds > 0) {
        const minutes = Math.ceil(state.loginLockSeconds / 60)
        return problem(429, `För många misslyckade inloggningar. Försök igen om ${minutes} minuter.`, {
          'Retry-After': String(state.loginLockSeconds),
        })
      }
      const name = String(body?.username || '').toLowerCase()
      const user = users.find((u) => u.username.toLowerCase() === name || (u.email && u.email.toLowerCase() === name))
      if (!user || user.password !== body?.password) {
        state.loginFailures += 1
        return problem(401, 'Fel användarnamn eller lösenord.')
      }
      return json(200, signIn(user))
    }
    if (method === 'POST' && path === '/api/auth/logout') {
      if (!currentUser()) return problem(401, 'Du är inte inloggad.')
      state.sessionUserId = null
      return json(204)
    }
    if (method === 'GET' && path === '/api/auth/me') {
      const user = currentUser()
      return user ? json(200, describe(user)) : problem(401, 'Du är inte inloggad.')
    }
    if (path === '/api/setup') {
      const needed = !users.some((u) => u.admin)
      if (method === 'GET') return json(200, { needed })
      if (!needed) return problem(409, 'Det finns redan en administratör.')
      if (!body?.username || String(body.password || '').length < 10)
        return problem(400, 'Lösenordet måste ha minst 10 tecken.')
      return json(201, signIn(addUser({ username: body.username, password: body.password, admin: true })))
    }
    if ((m = path.match(/^\/api\/invitations\/([^/]+)(\/accept)?$/))) {
      const invitation = invitations.find((i) => i.token === decodeURIComponent(m[1]))
      if (!invitation) return problem(404, 'Inbjudan finns inte.')
      if (invitation.acceptedAt || Date.parse(invitation.expiresAt) <= Date.now()) {
        return problem(410, 'Länken har redan använts eller har gått ut.')
      }
      const round = rounds.find((r) => r.id === invitation.roundId)
      const existing = users.find((u) => u.email === invitation.email || u.username === invitation.email)
      if (method === 'GET' && !m[2]) {
        return json(200, {
          email: invitation.email,
          organisationName: orgName(round.organisationId),
          roundLabel: round.label,
          instrumentTitle: instrument.title,
          accountExists: Boolean(existing),
        })
      }
      if (method === 'POST' && m[2]) {
        let user = existing
        if (user && user.password !== body?.password) return problem(401, 'Fel lösenord.')
        if (!user) {
          if (String(body?.password || '').length < 10) return problem(400, 'Lösenordet måste ha minst 10 tecken.')
          user = addUser({ username: invitation.email, email: invitation.email, password: body.password })
        }
        if (!user.roles.some((r) => r.organisationId === round.organisationId)) {
          user.roles.push({ organisationId: round.organisationId, role: 'RESPONDENT' })
        }
        invitation.acceptedAt = new Date().toISOString()
        // As the server: where the instrument asks for the role, the person starts the response on the round page.
        let response = null
        if (!(instrument.respondentRoles || []).length) {
          response = {
            id: nextId++,
            roundId: round.id,
            userId: user.id,
            status: 'draft',
            respondentRole: null,
            answers: [],
            createdAt: new Date().toISOString(),
            submittedAt: null,
          }
          responses.push(response)
        }
        const answer = signIn(user)
        record(round.organisationId, 'invitation.accepted', 'invitation', invitation.id, invitation.email)
        return json(200, { ...answer, roundId: round.id, responseId: response?.id ?? null })
      }
    }
    return null
  }

  /** Endpoints that need a signed-in user and belong to accounts; null when not one of them. */
  function handleSignedIn(user, method, path, body) {
    let m
    if (path === '/api/users' || path.startsWith('/api/users/')) {
      if (!user.admin) return problem(403, 'Bara administratörer hanterar användare.')
      if (method === 'GET' && path === '/api/users') return json(200, users.map(describe))
      if (method === 'POST' && path === '/api/users') {
        if (users.some((u) => u.username === body.username))
          return problem(409, `Användarnamnet ${body.username} är upptaget.`)
        const roles = body.roles || []
        const created = addUser({
          username: body.username,
          password: body.password,
          admin: roles.some((r) => r.role === 'ADMIN'),
          roles: roles.filter((r) => r.role !== 'ADMIN'),
        })
        return json(201, { id: created.id, username: created.username })
      }
      if (method === 'PUT' && (m = path.match(/^\/api\/users\/(\d+)\/roles$/))) {
        const target = users.find((u) => u.id === Number(m[1]))
        if (!target) return problem(404, 'Användaren finns inte.')
        target.admin = body.roles.some((r) => r.role === 'ADMIN')
        target.roles = body.roles.filter((r) => r.role !== 'ADMIN').map((r) => ({ ...r }))
        return json(200, describe(target))
      }
    }
    if ((m = path.match(/^\/api\/rounds\/(\d+)\/invitations$/))) {
      const round = rounds.find((r) => r.id === Number(m[1]))
      if (!round || !mayManage(user, round.organisationId)) return problem(404, 'Omgången finns inte.')
      if (method === 'GET') {
        return json(
          200,
          invitations.filter((i) => i.roundId === round.id).map(({ token, roundId, ...rest }) => rest),
        )
      }
      if (method === 'POST') {
        if (round.status !== 'open') return problem(409, 'Omgången är stängd.')
        const invitation = {
          id: nextId++,
          roundId: round.id,
          email: body.email,
          token: `tok${nextId}x${Math.random().toString(36).slice(2, 10)}`,
          createdAt: new Date().toISOString(),
          expiresAt: new Date(Date.now() + 14 * DAY_MS).toISOString(),
          acceptedAt: null,
        }
        invitations.push(invitation)
        record(round.organisationId, 'invitation.created', 'invitation', invitation.id, invitation.email)
        return json(201, {
          id: invitation.id,
          email: invitation.email,
          link: `/inbjudan/${invitation.token}`,
          expiresAt: invitation.expiresAt,
        })
      }
    }
    if (method === 'GET' && (m = path.match(/^\/api\/organisations\/(\d+)\/audit$/))) {
      if (!mayManage(user, m[1])) return problem(404, 'Organisationen finns inte.')
      return json(
        200,
        audit.filter((a) => a.organisationId === Number(m[1])).map(({ organisationId, ...rest }) => rest),
      )
    }
    return null
  }
  const items = instrument.parts.flatMap((p) => p.items)
  // Idempotency-Key -> the answer returned the first time.
  const idempotent = new Map()

  function scores(roundId) {
    const submitted = responses.filter((r) => r.roundId === roundId && r.status === 'submitted')
    const itemScores = items.map((item) => {
      const vals = submitted
        .map((r) => r.answers.find((a) => a.itemCode === item.code))
        .filter((a) => a && a.value !== null)
        .map((a) => a.value)
      const mean = vals.length ? vals.reduce((s, v) => s + v, 0) / vals.length : null
      return {
        code: item.code,
        mean,
        n: vals.length,
        min: vals.length ? Math.min(...vals) : null,
        max: vals.length ? Math.max(...vals) : null,
        stdDev: 0,
      }
    })
    const answeredMeans = itemScores.filter((i) => i.mean !== null)
    const sum = answeredMeans.reduce((s, i) => s + i.mean, 0)
    return {
      roundId,
      respondents: submitted.length,
      total: {
        mean: answeredMeans.length ? sum / answeredMeans.length : null,
        sum,
        answered: answeredMeans.length,
        items: items.length,
        complete: answeredMeans.length === items.length,
      },
      parts: instrument.parts.map((p) => {
        const ps = itemScores.filter((i) => p.items.some((it) => it.code === i.code) && i.mean !== null)
        return {
          code: p.code,
          title: p.title,
          mean: ps.length ? ps.reduce((s, i) => s + i.mean, 0) / ps.length : null,
          answered: ps.length,
          items: p.items.length,
        }
      }),
      items: itemScores,
    }
  }

  async function handle(url, init = {}) {
    const method = init.method || 'GET'
    const body = init.body ? JSON.parse(init.body) : undefined
    const headers = init.headers || {}
    const path = new URL(url, 'http://localhost').pathname
    let m
    const accounts = handleAccounts(method, path, body)
    if (accounts) return accounts
    const user = currentUser()
    if (!user) return problem(401, 'Du är inte inloggad.')
    const signedInAnswer = handleSignedIn(user, method, path, body)
    if (signedInAnswer) return signedInAnswer
    if (method === 'GET' && path === '/api/instruments') {
      return json(200, [
        { code: instrument.code, version: instrument.version, title: instrument.title, kind: instrument.kind },
      ])
    }
    if (method === 'GET' && path === `/api/instruments/${instrument.code}/versions`) {
      return json(200, [
        { code: instrument.code, version: instrument.version, title: instrument.title, kind: instrument.kind },
      ])
    }
    if (method === 'GET' && (m = path.match(/^\/api\/instruments\/([^/]+)\/versions\/([^/]+)$/))) {
      return json(200, instrument)
    }
    if (path === '/api/organisations') {
      if (method === 'GET') {
        return json(200, user.admin ? orgs : orgs.filter((o) => user.roles.some((r) => r.organisationId === o.id)))
      }
      if (!user.admin) return problem(403, 'Bara administratörer skapar organisationer.')
      if (!body.name)
        return json(
          400,
          {
            status: 400,
            title: 'Bad Request',
            detail: 'Namn saknas.',
            errors: [{ field: 'name', message: 'Får inte vara tomt' }],
          },
          'application/problem+json',
        )
      const org = { id: nextId++, name: body.name }
      orgs.push(org)
      record(org.id, 'organisation.created', 'organisation', org.id, org.name)
      return json(201, org)
    }
    if (method === 'GET' && (m = path.match(/^\/api\/organisations\/(\d+)\/rounds$/))) {
      return json(
        200,
        rounds.filter((r) => r.organisationId === Number(m[1])),
      )
    }
    if (method === 'POST' && path === '/api/rounds') {
      const round = {
        id: nextId++,
        organisationId: Number(body.organisationId),
        instrumentCode: body.instrumentCode,
        instrumentVersion: instrument.version,
        label: body.label,
        status: 'open',
        createdAt: new Date().toISOString(),
      }
      rounds.push(round)
      record(round.organisationId, 'round.created', 'round', round.id, `${round.instrumentCode} ${round.label}`)
      return json(201, round)
    }
    if ((m = path.match(/^\/api\/rounds\/(\d+)(\/.*)?$/))) {
      const round = rounds.find((r) => r.id === Number(m[1]))
      if (!round) return problem(404, 'Omgången finns inte.')
      const rest = m[2] || ''
      if (method === 'GET' && rest === '') return json(200, round)
      if (method === 'POST' && rest === '/close') {
        round.status = 'closed'
        record(round.organisationId, 'round.closed', 'round', round.id, `${round.instrumentCode} ${round.label}`)
        return json(200, round)
      }
      if (rest === '/responses' && method === 'GET') {
        return json(
          200,
          responses
            // Where many answer, everyone sees only their own response (a lead neither sees the others).
            .filter((r) => r.roundId === round.id && (instrument.respondents !== 'multiple' || r.userId === user.id))
            .map(({ answers, ...r }) => ({ ...r, answered: answers.length })),
        )
      }
      if (rest === '/responses' && method === 'POST') {
        const roles = instrument.respondentRoles || []
        const role = body?.respondentRole ?? null
        if (roles.length && !roles.some((x) => x.code === role)) return problem(400, 'Välj en roll.')
        const r = {
          id: nextId++,
          roundId: round.id,
          userId: user.id,
          status: 'draft',
          respondentRole: role,
          answers: [],
          createdAt: new Date().toISOString(),
          submittedAt: null,
        }
        responses.push(r)
        return json(201, { id: r.id, roundId: r.roundId, status: r.status })
      }
      if (rest === '/scores' && method === 'GET') return json(200, scores(round.id))
      if (rest === '/comments' && method === 'GET') return json(200, { roundId: round.id, comments: [] })
      if (rest === '/actions' && method === 'GET')
        return json(
          200,
          actions.filter((x) => x.roundId === round.id),
        )
      if (rest === '/actions' && method === 'POST') {
        const now = new Date().toISOString()
        const action = {
          id: nextId++,
          roundId: round.id,
          ...body,
          status: body.status || 'planned',
          createdAt: now,
          updatedAt: now,
        }
        actions.push(action)
        return json(201, action)
      }
    }
    if ((m = path.match(/^\/api\/actions\/(\d+)$/))) {
      const index = actions.findIndex((x) => x.id === Number(m[1]))
      if (index < 0) return problem(404, 'Åtgärden finns inte.')
      if (method === 'PUT') {
        actions[index] = { ...actions[index], ...body, updatedAt: new Date().toISOString() }
        return json(200, actions[index])
      }
      if (method === 'DELETE') {
        actions.splice(index, 1)
        return json(204)
      }
    }
    if ((m = path.match(/^\/api\/responses\/(\d+)(\/.*)?$/))) {
      const r = responses.find((x) => x.id === Number(m[1]))
      if (!r || r.userId !== user.id) return problem(404, 'Svaret finns inte.')
      const rest = m[2] || ''
      if (method === 'GET' && rest === '') return json(200, { ...r })
      let a
      if (method === 'PUT' && (a = rest.match(/^\/answers\/(.+)$/))) {
        const key = headers['Idempotency-Key']
        if (key && idempotent.has(key)) return json(200, idempotent.get(key))
        if (r.status === 'submitted') return problem(409, 'Svaret är redan inskickat.')
        const itemCode = decodeURIComponent(a[1])
        const answeredAt = body.answeredAt || new Date().toISOString()
        const current = r.answers.find((x) => x.itemCode === itemCode)
        let result
        if (current && current.answeredAt > answeredAt) {
          result = { ...current, applied: false }
        } else {
          const answer = {
            itemCode,
            value: body.value,
            comment: body.comment,
            answeredAt,
            updatedAt: new Date().toISOString(),
          }
          r.answers = [...r.answers.filter((x) => x.itemCode !== itemCode), answer]
          result = { ...answer, applied: true }
        }
        if (key) idempotent.set(key, result)
        return json(200, result)
      }
      if (method === 'POST' && rest === '/submit') {
        r.status = 'submitted'
        r.submittedAt = new Date().toISOString()
        record(rounds.find((x) => x.id === r.roundId).organisationId, 'response.submitted', 'response', r.id)
        return json(200, { id: r.id, status: r.status })
      }
    }
    return problem(404, `No route for ${method} ${path}`)
  }

  return { handle, orgs, rounds, responses, actions, users, invitations, audit, state, addUser }
}

/**
 * In-memory stand-in for the workshop endpoints (the facilitator's /api/workshops and the participants'
 * /api/w/{code}), for the workshop tests through a stubbed fetch. The participant is one device: joining
 * sets `state.joined` as the participant cookie would. `state.refuse` makes the next participant requests
 * answer with a problem instead: `{ status, detail, retryAfter? }` (the unknown-code 404 and the 429 after
 * too many wrong codes). `calls` records every request as "METHOD path".
 *
 * @param {object} instrument  the workshop's instrument definition
 * @param {object} [options]
 * @param {number} [options.anonymityThreshold]  answers needed before the results may be revealed (default 5)
 * @param {Array} [options.organisations]  what GET /api/organisations answers (default none)
 */
export function createFakeWorkshops(instrument, { anonymityThreshold = 5, organisations = [] } = {}) {
  const workshops = []
  const calls = []
  const state = { joined: false, group: null, answers: {}, refuse: null }
  let nextId = 7
  const items = instrument.parts.flatMap((p) => p.items)

  const view = (w) => ({
    id: w.id,
    code: w.code,
    title: w.title,
    organisationId: w.organisationId,
    instrumentCode: instrument.code,
    instrumentVersion: instrument.version,
    instrumentTitle: instrument.title,
    status: w.status,
    revealed: w.revealed,
    joinPath: `/w/${w.code}`,
    currentPosition: w.position,
  })
  // The template agenda: a placement on every item, then a group reflection per prompt.
  const agendaOf = (w) => [
    {
      id: w.id * 100,
      position: 0,
      kind: 'placement',
      itemCode: null,
      promptIndex: null,
      title: instrument.parts[0].title,
    },
    ...(instrument.reflectionPrompts ?? []).map((p, i) => ({
      id: w.id * 100 + i + 1,
      position: i + 1,
      kind: 'groupReflection',
      itemCode: null,
      promptIndex: i,
      title: p.text,
    })),
  ]
  function current(w) {
    const activity = w.position === null ? null : agendaOf(w)[w.position]
    if (!activity) return null
    const r = results(w)
    if (activity.kind === 'placement') {
      return {
        activity,
        revealed: w.revealed,
        responses: r.answers,
        withheld: r.withheld,
        distribution: r.distribution,
        median: r.median,
        dontKnow: null,
        entries: null,
      }
    }
    const entries = w.texts.filter((x) => x.activityId === activity.id)
    return { activity, revealed: w.revealed, responses: entries.length, withheld: !w.revealed, entries }
  }
  const counts = (values) =>
    instrument.scale.map((s) => ({ value: s.value, count: values.filter((v) => v === s.value).length }))
  function results(w) {
    const answers = w.answers.length
    const withheld = !w.revealed || answers < anonymityThreshold
    const values = w.answers.map((a) => a.value)
    return {
      workshopId: w.id,
      status: w.status,
      participants: w.participants,
      answers,
      revealed: w.revealed,
      anonymityThreshold,
      withheld,
      distribution: withheld ? null : counts(values),
      median: null,
      dontKnow: null,
      items: items.map((item) => ({ code: item.code, answers, distribution: withheld ? null : counts(values) })),
    }
  }
  const live = (w) => ({
    workshop: view(w),
    results: results(w),
    reflections: [],
    agenda: agendaOf(w),
    current: current(w),
  })
  const participantLive = (w) => {
    const now = current(w)
    return {
      code: w.code,
      title: w.title,
      status: w.status,
      activities: agendaOf(w).length,
      current: now && {
        ...now,
        distribution: now.revealed ? now.distribution : null,
        entries: now.revealed && now.entries ? now.entries.filter((x) => !x.hidden) : null,
      },
    }
  }

  /** A workshop as the server would have it; `answers` are the values given so far. */
  function addWorkshop({
    title = 'Workshop',
    code = 'K7M2QX',
    status = 'open',
    revealed = false,
    participants = 0,
    answers = [],
  } = {}) {
    const w = {
      id: nextId++,
      code,
      title,
      organisationId: null,
      status,
      revealed,
      participants,
      answers: answers.map((value) => ({ value })),
      position: status === 'draft' ? null : 0,
      texts: [],
    }
    workshops.push(w)
    return w
  }

  async function handle(url, init = {}) {
    const method = init.method || 'GET'
    const body = init.body ? JSON.parse(init.body) : undefined
    const path = new URL(url, 'http://localhost').pathname
    calls.push(`${method} ${path}`)
    let m
    if (method === 'GET' && path === `/api/instruments/${instrument.code}/versions/${instrument.version}`)
      return json(200, instrument)
    if (method === 'GET' && path === '/api/instruments') {
      return json(200, [
        { code: instrument.code, version: instrument.version, title: instrument.title, kind: instrument.kind },
      ])
    }
    if (method === 'GET' && path === '/api/organisations') return json(200, organisations)
    if (path === '/api/workshops' && method === 'GET') return json(200, workshops.map(view))
    if (path === '/api/workshops' && method === 'POST') {
      if (!body?.title) return problem(400, 'Ange workshoppens namn.')
      const w = addWorkshop({ title: body.title, code: `NEW${nextId}AB`.slice(0, 6), status: 'draft' })
      w.organisationId = body.organisationId ?? null
      return json(201, view(w))
    }
    if ((m = path.match(/^\/api\/workshops\/(\d+)\/texts\/(\d+)$/)) && method === 'PUT') {
      const w = workshops.find((x) => x.id === Number(m[1]))
      const entry = w.texts.find((x) => x.id === Number(m[2]))
      entry.hidden = body.hidden
      return new Response(null, { status: 204 })
    }
    if ((m = path.match(/^\/api\/workshops\/(\d+)(\/[a-z]+)?$/))) {
      const w = workshops.find((x) => x.id === Number(m[1]))
      if (!w) return problem(404, `Workshoppen med id ${m[1]} finns inte.`)
      const rest = m[2] || ''
      if (method === 'GET' && rest === '') return json(200, view(w))
      if (method === 'GET' && rest === '/live') return json(200, live(w))
      if (method === 'POST' && rest === '/open') {
        if (w.status === 'draft') w.position = 0
        w.status = 'open'
        return json(200, view(w))
      }
      if (method === 'POST' && rest === '/close') {
        if (body?.confirm !== true)
          return problem(400, 'Att avsluta workshoppen betyder att den inte tar emot fler deltagare.')
        w.status = 'closed'
        return json(200, view(w))
      }
      if (method === 'PUT' && rest === '/current') {
        if (body.position !== w.position) w.revealed = false
        w.position = body.position
        return json(200, view(w))
      }
      if (method === 'POST' && rest === '/reveal') {
        if (w.answers.length < anonymityThreshold) {
          return problem(
            409,
            `Resultatet kan visas först när minst ${anonymityThreshold} deltagare har svarat, så att ingen enskild kan pekas ut. Nu har ${w.answers.length} svarat.`,
          )
        }
        w.revealed = true
        return json(200, view(w))
      }
      if (method === 'POST' && rest === '/hide') {
        w.revealed = false
        return json(200, view(w))
      }
    }
    if ((m = path.match(/^\/api\/w\/([^/]+)(\/.*)?$/))) {
      const code = decodeURIComponent(m[1])
      if (state.refuse) {
        const { status, detail, retryAfter } = state.refuse
        return problem(status, detail, retryAfter ? { 'Retry-After': String(retryAfter) } : {})
      }
      const w = workshops.find((x) => x.code === code)
      if (!w)
        return problem(
          404,
          `Det finns ingen workshop med koden ${code}. Kontrollera koden på skärmen: sex tecken, bokstäver och siffror.`,
        )
      const rest = m[2] || ''
      const me = () => ({
        group: state.group,
        answers: Object.entries(state.answers).map(([itemCode, value]) => ({ itemCode, value })),
        reflections: [],
        texts: w.texts.filter((x) => x.mine).map((x) => ({ activityId: x.activityId, text: x.text })),
      })
      if (method === 'GET' && rest === '') {
        return json(200, {
          code,
          title: w.title,
          status: w.status,
          instrumentCode: instrument.code,
          instrumentVersion: instrument.version,
          joined: state.joined,
          me: state.joined ? me() : null,
        })
      }
      if (method === 'GET' && rest === '/instrument') return json(200, instrument)
      if (method === 'GET' && rest === '/live') return json(200, participantLive(w))
      if (method === 'PUT' && (m = rest.match(/^\/activities\/(\d+)\/text$/))) {
        const activityId = Number(m[1])
        const mine = w.texts.find((x) => x.mine && x.activityId === activityId)
        if (mine) mine.text = body.text
        else w.texts.push({ id: nextId++, activityId, group: state.group, text: body.text, hidden: false, mine: true })
        return json(200, { activityId, text: body.text })
      }
      if (method === 'POST' && rest === '/join') {
        if (w.status === 'closed') return problem(409, 'Workshoppen är avslutad och tar inte emot fler svar.')
        if (!state.joined) w.participants += 1
        state.joined = true
        state.group = body?.group ?? state.group
        return json(200, { participantToken: 'token', code, group: state.group })
      }
      if (method === 'PUT' && (rest === '/answer' || rest.startsWith('/answers/'))) {
        if (!state.joined) return problem(403, `Du är inte med i workshoppen ${code} på den här enheten.`)
        if (w.status !== 'open') {
          return problem(
            409,
            w.status === 'closed'
              ? 'Workshoppen är avslutad och tar inte emot fler svar.'
              : 'Workshoppen har inte öppnat än. Vänta tills processledaren öppnar den och försök igen.',
          )
        }
        const itemCode = rest === '/answer' ? items[0].code : decodeURIComponent(rest.slice('/answers/'.length))
        state.answers[itemCode] = body.value
        w.answers.push({ value: body.value })
        return json(200, { saved: true })
      }
    }
    return problem(404, `No route for ${method} ${path}`)
  }

  /** What GET /live answers now (what the event stream would send). */
  const liveState = (id) => live(workshops.find((w) => w.id === Number(id)))
  /** What GET /api/w/{code}/live answers now (what the participants' stream would send). */
  const participantState = (code) => participantLive(workshops.find((w) => w.code === code))

  return { handle, workshops, calls, state, addWorkshop, liveState, participantState }
}

/**
 * In-memory stand-in for the survey link endpoints (/api/s/{token}), for the survey page tests through a
 * stubbed fetch. `addLink({ token, open?, status?, respondentRole?, answers? })` makes a personal link (or,
 * with `open`, the round's open link); joining the open link makes the personal token `joined-1`, … (or
 * gives back `state.cookie`, as the browser's cookie would). `round.status` 'closed' closes the round.
 * `calls` records every request as "METHOD path".
 */
export function createFakeSurveyLinks(instrument, { roundLabel = '2025', organisationName = 'Exempelby' } = {}) {
  const round = { id: 11, label: roundLabel, status: 'open' }
  const links = new Map()
  const calls = []
  const state = { cookie: null, joins: 0 }
  let nextResponseId = 40

  function addLink({ token, open = false, status = 'new', respondentRole = null, answers = [] }) {
    const link = { token, open, response: null }
    if (status !== 'new' && !open) {
      link.response = { id: nextResponseId++, roundId: round.id, status, respondentRole, answers }
    }
    links.set(token, link)
    return link
  }
  const view = (link) => ({
    roundId: round.id,
    roundLabel: round.label,
    roundStatus: round.status,
    organisationName,
    instrumentCode: instrument.code,
    instrumentVersion: instrument.version,
    instrumentTitle: instrument.title,
    instrumentTitleEn: instrument.titleEn || null,
    asksForRespondentRole: (instrument.respondentRoles || []).length > 0,
    status: link.open ? 'open' : link.response ? link.response.status : 'new',
    respondentRole: link.response?.respondentRole ?? null,
  })

  async function handle(url, init = {}) {
    const method = init.method || 'GET'
    const body = init.body ? JSON.parse(init.body) : undefined
    const path = new URL(url, 'http://localhost').pathname
    calls.push(`${method} ${path}`)
    const m = path.match(/^\/api\/s\/([^/]+)(\/.*)?$/)
    if (!m) return problem(404, `No route for ${method} ${path}`)
    const link = links.get(decodeURIComponent(m[1]))
    if (!link) return problem(404, 'Länken finns inte. Kontrollera att hela länken kom med.')
    const rest = m[2] || ''
    if (method === 'GET' && rest === '') return json(200, view(link))
    if (method === 'GET' && rest === '/instrument') return json(200, instrument)
    if (method === 'POST' && rest === '/join') {
      if (state.cookie && links.has(state.cookie)) return json(200, { token: state.cookie })
      if (round.status !== 'open') return problem(409, `Omgången ${round.label} är stängd.`)
      state.joins += 1
      const token = `joined-${state.joins}`
      addLink({ token })
      state.cookie = token
      return json(201, { token })
    }
    if (link.open) return problem(400, 'Den öppna länken delas av alla; gå med först.')
    if (method === 'POST' && rest === '/response') {
      if (link.response) return json(200, link.response)
      if (round.status !== 'open') return problem(409, `Omgången ${round.label} är stängd.`)
      const roles = instrument.respondentRoles || []
      if (roles.length && !roles.some((r) => r.code === body?.respondentRole)) return problem(400, 'Välj en roll.')
      link.response = {
        id: nextResponseId++,
        roundId: round.id,
        status: 'draft',
        respondentRole: body?.respondentRole ?? null,
        answers: [],
      }
      return json(201, link.response)
    }
    if (!link.response) return problem(404, 'Inget svar är påbörjat med den här länken än.')
    if (method === 'GET' && rest === '/response') return json(200, link.response)
    const answer = rest.match(/^\/answers\/(.+)$/)
    if (method === 'PUT' && answer) {
      if (link.response.status === 'submitted') return problem(409, 'Svaret är redan inskickat.')
      const itemCode = decodeURIComponent(answer[1])
      const saved = { itemCode, value: body.value, comment: body.comment ?? null, answeredAt: body.answeredAt }
      link.response.answers = [...link.response.answers.filter((a) => a.itemCode !== itemCode), saved]
      return json(200, { ...saved, applied: true })
    }
    if (method === 'POST' && rest === '/submit') {
      link.response.status = 'submitted'
      return json(200, link.response)
    }
    return problem(404, `No route for ${method} ${path}`)
  }

  return { handle, round, links, calls, state, addLink }
}
