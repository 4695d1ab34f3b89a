// In-memory stand-in for the Lägesbild API, used by the app flow test through a stubbed fetch.

const json = (status, body, type = 'application/json') =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': type },
  })
const problem = (status, detail) =>
  json(status, { status, title: 'Error', detail }, 'application/problem+json')

export function createFakeBackend(instrument) {
  let nextId = 1
  const orgs = []
  const rounds = []
  const responses = []
  const actions = []
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
      return { code: item.code, mean, n: vals.length, min: vals.length ? Math.min(...vals) : null, max: vals.length ? Math.max(...vals) : null, stdDev: 0 }
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
    if (method === 'GET' && path === '/api/instruments') {
      return json(200, [{ code: instrument.code, version: instrument.version, title: instrument.title, kind: instrument.kind }])
    }
    if (method === 'GET' && path === `/api/instruments/${instrument.code}/versions`) {
      return json(200, [{ code: instrument.code, version: instrument.version, title: instrument.title, kind: instrument.kind }])
    }
    if (method === 'GET' && (m = path.match(/^\/api\/instruments\/([^/]+)\/versions\/([^/]+)$/))) {
      return json(200, instrument)
    }
    if (path === '/api/organisations') {
      if (method === 'GET') return json(200, orgs)
      if (!body.name) return json(400, { status: 400, title: 'Bad Request', detail: 'Namn saknas.', errors: [{ field: 'name', message: 'Får inte vara tomt' }] }, 'application/problem+json')
      const org = { id: nextId++, name: body.name }
      orgs.push(org)
      return json(201, org)
    }
    if (method === 'GET' && (m = path.match(/^\/api\/organisations\/(\d+)\/rounds$/))) {
      return json(200, rounds.filter((r) => r.organisationId === Number(m[1])))
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
      return json(201, round)
    }
    if ((m = path.match(/^\/api\/rounds\/(\d+)(\/.*)?$/))) {
      const round = rounds.find((r) => r.id === Number(m[1]))
      if (!round) return problem(404, 'Omgången finns inte.')
      const rest = m[2] || ''
      if (method === 'GET' && rest === '') return json(200, round)
      if (method === 'POST' && rest === '/close') {
        round.status = 'closed'
        return json(200, round)
      }
      if (rest === '/responses' && method === 'GET') {
        return json(
          200,
          responses
            .filter((r) => r.roundId === round.id)
            .map(({ answers, ...r }) => ({ ...r, answered: answers.length })),
        )
      }
      if (rest === '/responses' && method === 'POST') {
        const roles = instrument.respondentRoles || []
        const role = body?.respondentRole ?? null
        if (roles.length && !roles.some((x) => x.code === role)) return problem(400, 'Välj en roll.')
        const r = { id: nextId++, roundId: round.id, status: 'draft', respondentRole: role, answers: [], createdAt: new Date().toISOString(), submittedAt: null }
        responses.push(r)
        return json(201, { id: r.id, roundId: r.roundId, status: r.status })
      }
      if (rest === '/scores' && method === 'GET') return json(200, scores(round.id))
      if (rest === '/actions' && method === 'GET') return json(200, actions.filter((x) => x.roundId === round.id))
      if (rest === '/actions' && method === 'POST') {
        const now = new Date().toISOString()
        const action = { id: nextId++, roundId: round.id, ...body, status: body.status || 'planned', createdAt: now, updatedAt: now }
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
      if (!r) return problem(404, 'Svaret finns inte.')
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
          const answer = { itemCode, value: body.value, comment: body.comment, answeredAt, updatedAt: new Date().toISOString() }
          r.answers = [...r.answers.filter((x) => x.itemCode !== itemCode), answer]
          result = { ...answer, applied: true }
        }
        if (key) idempotent.set(key, result)
        return json(200, result)
      }
      if (method === 'POST' && rest === '/submit') {
        r.status = 'submitted'
        r.submittedAt = new Date().toISOString()
        return json(200, { id: r.id, status: r.status })
      }
    }
    return problem(404, `No route for ${method} ${path}`)
  }

  return { handle, orgs, rounds, responses, actions }
}
