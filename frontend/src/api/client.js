// The only module that talks to the backend. Every function returns parsed JSON
// or throws an ApiError built from the application/problem+json body.

export class ApiError extends Error {
  constructor({ status = 0, title = null, detail = null, errors = [] } = {}) {
    super(detail || title || (status ? `HTTP ${status}` : 'Network error'))
    this.name = 'ApiError'
    this.status = status
    this.title = title
    this.detail = detail
    this.errors = Array.isArray(errors) ? errors : []
  }

  /** True when the request never reached the server (offline, DNS, CORS...). */
  get isNetworkError() {
    return this.status === 0
  }
}

const seg = (value) => encodeURIComponent(String(value))

async function readBody(res) {
  if (res.status === 204) return null
  const type = res.headers.get('content-type') || ''
  if (type.includes('json')) {
    try {
      return await res.json()
    } catch {
      return null
    }
  }
  const text = await res.text()
  return text === '' ? null : text
}

/**
 * One request. `body` is sent as JSON unless `options.rawBody` is given (sent as is, with
 * `options.contentType`); `options.headers` are added to the request. With `options.withStatus`
 * the result is `{ status, data }` instead of the data alone.
 */
export async function request(method, path, body, options = {}) {
  const init = {
    method,
    headers: { Accept: 'application/json, application/problem+json', ...(options.headers || {}) },
    credentials: 'same-origin',
  }
  if (options.rawBody !== undefined) {
    init.headers['Content-Type'] = options.contentType || 'text/plain'
    init.body = options.rawBody
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }

  let res
  try {
    res = await fetch(path, init)
  } catch (cause) {
    const err = new ApiError({ status: 0 })
    err.cause = cause
    throw err
  }

  const data = await readBody(res)
  if (!res.ok) {
    const problem = data && typeof data === 'object' ? data : {}
    throw new ApiError({
      status: problem.status || res.status,
      title: problem.title || res.statusText || null,
      detail: problem.detail || null,
      errors: problem.errors,
    })
  }
  return options.withStatus ? { status: res.status, data } : data
}

// Instruments
export const listInstruments = () => request('GET', '/api/instruments')
export const getInstrument = (code) => request('GET', `/api/instruments/${seg(code)}`)
export const getInstrumentVersion = (code, version) =>
  request('GET', `/api/instruments/${seg(code)}/versions/${seg(version)}`)
/** All versions of one instrument, oldest first: [{ code, version, title, kind }]. */
export const listInstrumentVersions = (code) => request('GET', `/api/instruments/${seg(code)}/versions`)
/**
 * Load an instrument definition file (YAML text). Resolves to `{ status, data }`: 201 with the new
 * version's definition, 200 when that version is already stored with the same content; 400 (with
 * `errors` naming the lines) and 409 (that version exists with other content) reject with the problem.
 */
export const uploadInstrument = (yamlText) =>
  request('POST', '/api/instruments', undefined, {
    rawBody: yamlText,
    contentType: 'application/yaml',
    withStatus: true,
  })

// Organisations
export const listOrganisations = () => request('GET', '/api/organisations')
export const createOrganisation = (name) => request('POST', '/api/organisations', { name })
export const listRounds = (organisationId) =>
  request('GET', `/api/organisations/${seg(organisationId)}/rounds`)

// Rounds
export const createRound = ({ organisationId, instrumentCode, label }) =>
  request('POST', '/api/rounds', { organisationId, instrumentCode, label })
export const getRound = (id) => request('GET', `/api/rounds/${seg(id)}`)
export const closeRound = (id) => request('POST', `/api/rounds/${seg(id)}/close`)
export const listResponses = (roundId) => request('GET', `/api/rounds/${seg(roundId)}/responses`)
/** Start a response; `respondentRole` is required when the instrument has respondent roles. */
export const createResponse = (roundId, respondentRole = null) =>
  request('POST', `/api/rounds/${seg(roundId)}/responses`, respondentRole ? { respondentRole } : {})
export const getScores = (roundId) => request('GET', `/api/rounds/${seg(roundId)}/scores`)

// Responses
export const getResponse = (id) => request('GET', `/api/responses/${seg(id)}`)
/**
 * Save one answer. `answeredAt` is when the person made the choice (ISO-8601, client clock); the server
 * keeps a later answer it already has and then returns that one with `applied: false`. A repeated
 * request with the same `idempotencyKey` returns the stored answer without changing anything.
 */
export const saveAnswer = (responseId, itemCode, { value, comment, answeredAt }, idempotencyKey) =>
  request(
    'PUT',
    `/api/responses/${seg(responseId)}/answers/${seg(itemCode)}`,
    { value, comment, answeredAt },
    idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {},
  )
export const submitResponse = (id) => request('POST', `/api/responses/${seg(id)}/submit`)
