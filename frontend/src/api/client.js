// The only module that talks to the backend. Every function returns parsed JSON
// or throws an ApiError built from the application/problem+json body.

export class ApiError extends Error {
  constructor({ status = 0, title = null, detail = null, errors = [], retryAfter = null, language = null } = {}) {
    super(detail || title || (status ? `HTTP ${status}` : 'Network error'))
    this.name = 'ApiError'
    this.status = status
    this.title = title
    this.detail = detail
    this.errors = Array.isArray(errors) ? errors : []
    /** Seconds from the Retry-After header (429), or null. */
    this.retryAfter = retryAfter
    /** The language the server wrote `detail` and `errors` in (its Content-Language), or null. */
    this.language = language
  }

  /** True when the request never reached the server (offline, DNS, CORS...). */
  get isNetworkError() {
    return this.status === 0
  }
}

const seg = (value) => encodeURIComponent(String(value))

// Told about a 401 from an endpoint that needs a signed-in user: the session has ended (expired, or
// logged out in another tab). The login, set-up and invitation endpoints answer 401 for other reasons.
let unauthorizedListener = null
const SESSIONLESS = ['/api/auth/', '/api/setup', '/api/invitations/', '/api/s/']

/** Register the one function called when a request finds the session gone (the session store). */
export function onUnauthorized(listener) {
  unauthorizedListener = listener
}

/** Seconds from a Retry-After header (a number of seconds or an HTTP date), or null. */
function retryAfterSeconds(value) {
  if (!value) return null
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000))
}

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
 * The UI's language, which the i18n module keeps in `<html lang>`: the server writes its problem details
 * in it (Swedish unless English is asked for).
 */
function uiLanguage() {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'sv'
}

/**
 * One request. `body` is sent as JSON unless `options.rawBody` is given (sent as is, with
 * `options.contentType`) or `options.formData` (multipart/form-data; the browser sets the boundary);
 * `options.headers` are added to the request. With `options.withStatus` the result is
 * `{ status, data }` instead of the data alone.
 */
export async function request(method, path, body, options = {}) {
  const init = {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': uiLanguage(),
      ...(options.headers || {}),
    },
    credentials: 'same-origin',
  }
  if (options.formData !== undefined) {
    init.body = options.formData
  } else if (options.rawBody !== undefined) {
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
    const error = new ApiError({
      status: problem.status || res.status,
      title: problem.title || res.statusText || null,
      detail: problem.detail || null,
      errors: problem.errors,
      retryAfter: retryAfterSeconds(res.headers.get('retry-after')),
      language: res.headers.get('content-language'),
    })
    if (res.status === 401 && !SESSIONLESS.some((prefix) => path.startsWith(prefix))) unauthorizedListener?.(error)
    throw error
  }
  return options.withStatus ? { status: res.status, data } : data
}

// Accounts. The session token travels only in the HttpOnly cookie the server sets; the `accessToken` in
// the login answers is for API clients and is deliberately not kept by the web app.
/** `{ accessToken, user }`; 401 wrong username or password, 429 (with `retryAfter`) too many failures. */
export const login = (username, password) => request('POST', '/api/auth/login', { username, password })
export const logout = () => request('POST', '/api/auth/logout')
/** `{ id, username, admin, roles: [{ organisationId, organisationName, role }] }`; 401 when not signed in. */
export const getMe = () => request('GET', '/api/auth/me')
/** `{ password, providers: [{ id, name }] }`: the password form (or not) and a button per identity provider. */
export const getSignInMethods = () => request('GET', '/api/auth/methods')
/** Administrators open or close the password form; 409 (with the reason) when closing it would lock everyone out. */
export const setPasswordSignIn = (password) => request('PUT', '/api/auth/methods', { password })
/** Where the browser goes to sign in through a provider (a full page load, not a fetch), back to `redirect`. */
export const providerSignInUrl = (id, redirect) =>
  `/api/auth/oidc/${seg(id)}/login${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`
/** The provider's own logout, which returns to the login page. */
export const providerSignOutUrl = (id) => `/api/auth/oidc/${seg(id)}/logout`
/** `{ needed }`: whether the first administrator may still be created here. */
export const getSetup = () => request('GET', '/api/setup')
export const getPasswordResetOptions = () => request('GET', '/api/auth/password-reset')
export const requestPasswordReset = (username) => request('POST', '/api/auth/password-reset', { username })
export const getPasswordReset = (token) => request('GET', `/api/auth/password-reset/${seg(token)}`)
export const choosePassword = (token, password) =>
  request('POST', `/api/auth/password-reset/${seg(token)}`, { password })
export const getPersonalData = (email) => request('GET', `/api/personal-data?email=${encodeURIComponent(email)}`)
export const erasePersonalData = (email) => request('DELETE', `/api/personal-data?email=${encodeURIComponent(email)}`)
export const createPasswordResetLink = (userId) => request('POST', `/api/users/${seg(userId)}/password-reset`)
/** Create the first administrator (signed in at once): `{ accessToken, user }`; 409 when closed. */
export const createFirstAdmin = (username, password) => request('POST', '/api/setup', { username, password })

// Users (administrators only). A role is `{ organisationId, role }`; ADMIN has no organisation (null).
export const listUsers = () => request('GET', '/api/users')
/** `{ username, password, roles }` → `{ id, username }` (201); 409 when the username is taken. */
export const createUser = ({ username, password, roles }) =>
  request('POST', '/api/users', { username, password, roles })
/** Replace a user's roles; resolves to the user with the new roles. */
export const updateUserRoles = (id, roles) => request('PUT', `/api/users/${seg(id)}/roles`, { roles })
/** Disable an account (it signs in no more) or enable it again; resolves to the user. */
export const setUserDisabled = (id, disabled) => request('PUT', `/api/users/${seg(id)}/disabled`, { disabled })

// Invitations: a project lead invites a respondent to an open round.
/** `{ id, email, link, expiresAt }`: the single-use link is only returned here. */
export const createInvitation = (roundId, email) =>
  request('POST', `/api/rounds/${seg(roundId)}/invitations`, { email })
/** `[{ id, email, createdAt, expiresAt, acceptedAt? }]` */
export const listInvitations = (roundId) => request('GET', `/api/rounds/${seg(roundId)}/invitations`)
/** `{ email, organisationName, roundLabel, instrumentTitle, accountExists }`; 410 used or expired. */
export const getInvitation = (token) => request('GET', `/api/invitations/${seg(token)}`)
/** Set (or, with an existing account, enter) the password: `{ accessToken, user, responseId }`, signed in. */
export const acceptInvitation = (token, password) =>
  request('POST', `/api/invitations/${seg(token)}/accept`, { password })

// Reaching respondents: the lead's personal links, open link, participation and mailings.
/** `lines` as typed or read from a file → `{ links: [{ email, url }], rejected: [{ line, value, message }], mailEnabled }`. */
export const createLinks = (roundId, lines) => request('POST', `/api/rounds/${seg(roundId)}/links`, { emails: lines })
/** `[{ email, url }]`; `notSubmitted` only those who have not submitted. */
export const listLinks = (roundId, notSubmitted = false) =>
  request('GET', `/api/rounds/${seg(roundId)}/links${notSubmitted ? '?notSubmitted=true' : ''}`)
/** The links as a file for a mail merge: `format` 'csv' or 'xlsx'. */
export const linksDownloadUrl = (roundId, format, notSubmitted = false) =>
  `/api/rounds/${seg(roundId)}/links.${format}${notSubmitted ? '?notSubmitted=true' : ''}`
/** The round's one open link `{ url }` (the same each time). */
export const createOpenLink = (roundId) => request('POST', `/api/rounds/${seg(roundId)}/open-link`)
/** `{ invited, started, submitted, anonymityThreshold, byRole: null | [{ role, label, labelEn, submitted }] }` */
export const getParticipation = (roundId) => request('GET', `/api/rounds/${seg(roundId)}/participation`)
/** `{ invitationSubject, invitationBody, reminderSubject, reminderBody, remindersSent, mailEnabled }` */
export const getMailTexts = (roundId, language) =>
  request('GET', `/api/rounds/${seg(roundId)}/mail-texts?language=${seg(language)}`)
export const saveMailTexts = (roundId, { invitationSubject, invitationBody, reminderSubject, reminderBody }) =>
  request('PUT', `/api/rounds/${seg(roundId)}/mail-texts`, {
    invitationSubject,
    invitationBody,
    reminderSubject,
    reminderBody,
  })
/** `kind` 'INVITATION' or 'REMINDER' → progress `{ id, total, sent, failed, done, failedAddresses }`; 409 without SMTP. */
export const startMailing = (roundId, kind, language) =>
  request('POST', `/api/rounds/${seg(roundId)}/mailings`, { kind, language })
export const getMailing = (roundId, jobId) => request('GET', `/api/rounds/${seg(roundId)}/mailings/${seg(jobId)}`)

// Survey links: the respondent's side, with no account (the token in the address is the key).
const surveyPath = (token) => `/api/s/${seg(token)}`
/** `{ roundId, roundLabel, roundStatus, organisationName, instrument…, asksForRespondentRole, status, respondentRole }` */
export const getSurvey = (token) => request('GET', surveyPath(token))
export const getSurveyInstrument = (token) => request('GET', `${surveyPath(token)}/instrument`)
/** With the round's open link: this device's own token `{ token }`. */
export const joinSurvey = (token) => request('POST', `${surveyPath(token)}/join`)
/** Start the link's response (or get the one it has): one response per link. */
export const startSurveyResponse = (token, respondentRole = null) =>
  request('POST', `${surveyPath(token)}/response`, respondentRole ? { respondentRole } : {})
export const getSurveyResponse = (token) => request('GET', `${surveyPath(token)}/response`)
export const saveSurveyAnswer = (token, itemCode, { value, comment, answeredAt }, idempotencyKey) =>
  request(
    'PUT',
    `${surveyPath(token)}/answers/${seg(itemCode)}`,
    { value, comment, answeredAt },
    idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {},
  )
export const submitSurvey = (token) => request('POST', `${surveyPath(token)}/submit`)

/** The organisation's audit trail, newest first: `[{ at, username, action, entityType, entityId, detail }]`. */
/** One page (0-based) of the organisation's audit trail, newest first; `kind` keeps one kind of event. */
export const getAudit = (organisationId, { page = 0, limit = 50, kind = '' } = {}) =>
  request(
    'GET',
    `/api/organisations/${seg(organisationId)}/audit?page=${page}&limit=${limit}${kind ? `&kind=${seg(kind)}` : ''}`,
  )

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
export const listRounds = (organisationId) => request('GET', `/api/organisations/${seg(organisationId)}/rounds`)

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
// The comments per item, only for instruments one person answers (the checklist).
export const getComments = (roundId) => request('GET', `/api/rounds/${seg(roundId)}/comments`)

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

// Improvement actions: what an organisation decided to do about an item of a round.
/** The round's actions: [{ id, roundId, itemCode, what, who, dueDate, status, createdAt, updatedAt }]. */
export const listActions = (roundId) => request('GET', `/api/rounds/${seg(roundId)}/actions`)
/** `{ itemCode, what, who?, dueDate? (YYYY-MM-DD), status? ('planned' by default) }` → the new action (201). */
export const createAction = (roundId, { itemCode, what, who = null, dueDate = null, status = 'planned' }) =>
  request('POST', `/api/rounds/${seg(roundId)}/actions`, { itemCode, what, who, dueDate, status })
export const updateAction = (id, { what, who = null, dueDate = null, status }) =>
  request('PUT', `/api/actions/${seg(id)}`, { what, who, dueDate, status })
export const deleteAction = (id) => request('DELETE', `/api/actions/${seg(id)}`)

// Rounds over the years
/** Two rounds of the same organisation and instrument: total, parts and items, from → to. */
export const compareRounds = (from, to) => request('GET', `/api/comparisons?from=${seg(from)}&to=${seg(to)}`)
/** One organisation's rounds of one instrument, oldest first, with total and part means. */
export const getTrend = (organisationId, instrumentCode) =>
  request('GET', `/api/organisations/${seg(organisationId)}/trend?instrumentCode=${seg(instrumentCode)}`)
/** All organisations' rounds with one label (e.g. "2025") of one instrument: totals and parts, no items. */
export const getRegional = (instrumentCode, label) =>
  request('GET', `/api/regional?instrumentCode=${seg(instrumentCode)}&label=${seg(label)}`)

/**
 * Read a past round from a spreadsheet (.xlsx or .csv). Resolves to `{ round, responses, answers }`;
 * a 400 rejects with `errors: [{ field, message }]` naming row and column of every problem.
 */
export function importRound(organisationId, { file, instrumentCode, label, instrumentVersion = null }) {
  const form = new FormData()
  form.append('file', file)
  form.append('instrumentCode', instrumentCode)
  form.append('label', label)
  if (instrumentVersion !== null && instrumentVersion !== undefined && instrumentVersion !== '') {
    form.append('instrumentVersion', String(instrumentVersion))
  }
  return request('POST', `/api/organisations/${seg(organisationId)}/rounds/import`, undefined, { formData: form })
}

// Downloads: plain links (with the download attribute), so these only build the addresses.
/** `kind` 'answers' or 'scores', `format` 'csv' or 'xlsx'. */
export const roundExportUrl = (roundId, kind, format) => `/api/rounds/${seg(roundId)}/export/${kind}.${format}`
/** The comparison as a table, `format` 'csv' or 'xlsx'. */
export const comparisonExportUrl = (from, to, format) =>
  `/api/comparisons/export.${format}?from=${seg(from)}&to=${seg(to)}`
/** The printable report (PDF, in Swedish). */
export const roundReportUrl = (roundId) => `/api/rounds/${seg(roundId)}/report.pdf`
export const comparisonReportUrl = (from, to) => `/api/comparisons/report.pdf?from=${seg(from)}&to=${seg(to)}`

// Workshops: the facilitator's side (a facilitator's or an administrator's login)
/** `{ title, instrumentCode?, organisationId? }` → the new draft workshop `{ id, code, status, joinPath, … }`. */
export const createWorkshop = ({ title, instrumentCode = null, organisationId = null }) =>
  request('POST', '/api/workshops', { title, instrumentCode, organisationId })
export const listWorkshops = (organisationId = null) =>
  request('GET', organisationId ? `/api/workshops?organisationId=${seg(organisationId)}` : '/api/workshops')
export const getWorkshop = (id) => request('GET', `/api/workshops/${seg(id)}`)
/** `action` is 'open' (also reopens one closed today), 'reveal' or 'hide'; resolves to the workshop. Reveal below the threshold → 409. */
export const workshopAction = (id, action) => request('POST', `/api/workshops/${seg(id)}/${action}`)
/** Ends the workshop: sent only after the facilitator has confirmed what closing means. */
export const closeWorkshop = (id) => request('POST', `/api/workshops/${seg(id)}/close`, { confirm: true })
/** Moves the room to the agenda's activity at `position` (0-based; null: the join screen). */
export const moveWorkshop = (id, position) => request('PUT', `/api/workshops/${seg(id)}/current`, { position })
/** `{ kind: 'placement'|'openQuestion'|'groupReflection', itemCode?, promptIndex?, text? }` at the end of the agenda. */
export const addWorkshopActivity = (id, activity) => request('POST', `/api/workshops/${seg(id)}/activities`, activity)
export const setWorkshopTextHidden = (id, textId, hidden) =>
  request('PUT', `/api/workshops/${seg(id)}/texts/${seg(textId)}`, { hidden })
/** `{ workshop, results, reflections }`: what the projector shows, once (polled when events do not get through). */
export const getWorkshopLive = (id) => request('GET', `/api/workshops/${seg(id)}/live`)
/** The results for the record, with the groups' reflections. */
export const getWorkshopSummary = (id) => request('GET', `/api/workshops/${seg(id)}/summary`)
export const compareWorkshops = (from, to) =>
  request('GET', `/api/workshops/comparison?from=${seg(from)}&to=${seg(to)}`)
/** The Server-Sent Events stream of the projector (event `live`). */
export const workshopEventsUrl = (id) => `/api/workshops/${seg(id)}/events`
export const workshopQrUrl = (id) => `/api/workshops/${seg(id)}/qr`
/** `format` 'csv' or 'xlsx'. */
export const workshopExportUrl = (id, format) => `/api/workshops/${seg(id)}/export.${format}`

// Workshops: the participant's side (no account; the participant token travels in an HttpOnly cookie)
/** A code as typed: case, spaces and dashes do not matter (the server reads it the same way). */
export const normaliseWorkshopCode = (typed) =>
  String(typed ?? '')
    .replace(/[\s-]/g, '')
    .toUpperCase()
const workshopPath = (code) => `/api/w/${seg(normaliseWorkshopCode(code))}`
export const getParticipantWorkshop = (code) => request('GET', workshopPath(code))
/** The workshop's instrument version (participants read it through the workshop: they have no account). */
export const getWorkshopInstrument = (code) => request('GET', `${workshopPath(code)}/instrument`)
export const joinWorkshop = (code, group = null) => request('POST', `${workshopPath(code)}/join`, { group })
/** The answer to an item; `itemCode` null answers a single-item instrument (the staircase). */
export const saveWorkshopAnswer = (code, itemCode, value) =>
  request('PUT', itemCode ? `${workshopPath(code)}/answers/${seg(itemCode)}` : `${workshopPath(code)}/answer`, {
    value,
  })
/** `{ code, title, status, activities, current }`: where the room is, as every phone may see it. */
export const getParticipantLive = (code) => request('GET', `${workshopPath(code)}/live`)
export const participantEventsUrl = (code) => `${workshopPath(code)}/events`
/** The participant's own text for an open question or a group reflection of the agenda. */
export const saveWorkshopText = (code, activityId, text) =>
  request('PUT', `${workshopPath(code)}/activities/${seg(activityId)}/text`, { text })
export const saveWorkshopReflection = (code, promptIndex, text) =>
  request('PUT', `${workshopPath(code)}/reflections/${seg(promptIndex)}`, { text })
