import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  acceptInvitation,
  createInvitation,
  createUser,
  getAudit,
  login,
  onUnauthorized,
  updateUserRoles,
  compareRounds,
  comparisonExportUrl,
  comparisonReportUrl,
  createAction,
  createOrganisation,
  createResponse,
  getRegional,
  getResponse,
  getTrend,
  importRound,
  request,
  roundExportUrl,
  saveAnswer,
  updateAction,
  uploadInstrument,
} from './client.js'

function mockFetch(status, body, contentType = 'application/json') {
  const res = new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': contentType },
  })
  const fn = vi.fn().mockResolvedValue(res)
  vi.stubGlobal('fetch', fn)
  return fn
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('api client', () => {
  it('turns a problem+json response into an ApiError carrying status, detail and field errors', async () => {
    mockFetch(
      409,
      {
        status: 409,
        title: 'Conflict',
        detail: 'Svaret är redan inskickat.',
        errors: [{ field: 'value', message: 'Ogiltigt värde' }],
      },
      'application/problem+json',
    )

    const error = await saveAnswer('r1', 'CS-01', { value: 2, comment: null }).catch((e) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toBeInstanceOf(Error)
    expect(error.status).toBe(409)
    expect(error.detail).toBe('Svaret är redan inskickat.')
    expect(error.message).toBe('Svaret är redan inskickat.')
    expect(error.errors).toEqual([{ field: 'value', message: 'Ogiltigt värde' }])
  })

  it('falls back to the HTTP status when the error body is not problem+json', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('Bad gateway', { status: 502 })))
    const error = await request('GET', '/api/organisations').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(502)
    expect(error.detail).toBeNull()
  })

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const error = await getResponse('x').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(0)
    expect(error.isNetworkError).toBe(true)
  })

  it('sends JSON bodies and returns parsed JSON', async () => {
    const fetchFn = mockFetch(201, { id: 5, name: 'Socialtjänsten' })
    const org = await createOrganisation('Socialtjänsten')

    expect(org).toEqual({ id: 5, name: 'Socialtjänsten' })
    const [url, init] = fetchFn.mock.calls[0]
    expect(url).toBe('/api/organisations')
    expect(init.method).toBe('POST')
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(init.body)).toEqual({ name: 'Socialtjänsten' })
  })

  it('encodes path segments and sends null for "Vet inte"', async () => {
    const fetchFn = mockFetch(200, { itemCode: 'A/1', value: null, comment: null })
    await saveAnswer('r 1', 'A/1', { value: null, comment: null })
    const [url, init] = fetchFn.mock.calls[0]
    expect(url).toBe('/api/responses/r%201/answers/A%2F1')
    expect(init.method).toBe('PUT')
    expect(JSON.parse(init.body)).toEqual({ value: null, comment: null })
  })

  it("asks for problem details in the UI's language, Swedish unless the page is in English", async () => {
    const fetchFn = mockFetch(200, [])
    document.documentElement.lang = 'en'
    await request('GET', '/api/organisations')
    document.documentElement.lang = 'sv'
    await request('GET', '/api/organisations')
    document.documentElement.removeAttribute('lang')
    await request('GET', '/api/organisations')
    expect(fetchFn.mock.calls.map(([, init]) => init.headers['Accept-Language'])).toEqual(['en', 'sv', 'sv'])
  })

  it('keeps the language the server wrote a problem in', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(JSON.stringify({ status: 404, title: 'Not Found', detail: 'There is no round with id 9.' }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json', 'Content-Language': 'en' },
        }),
      ),
    )
    const error = await request('GET', '/api/rounds/9').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.language).toBe('en')
    expect(error.detail).toBe('There is no round with id 9.')
  })

  it('sends answeredAt in the body and the Idempotency-Key header', async () => {
    const fetchFn = mockFetch(200, { itemCode: 'CS-01', value: 2, comment: null, applied: true })
    await saveAnswer(7, 'CS-01', { value: 2, comment: null, answeredAt: '2025-03-01T09:00:00.000Z' }, 'k-1')
    const [, init] = fetchFn.mock.calls[0]
    expect(init.headers['Idempotency-Key']).toBe('k-1')
    expect(JSON.parse(init.body)).toEqual({ value: 2, comment: null, answeredAt: '2025-03-01T09:00:00.000Z' })
  })

  it('creates a response with the respondent role', async () => {
    const fetchFn = mockFetch(201, { id: 9 })
    await createResponse(3, 'medarbetare')
    expect(fetchFn.mock.calls[0][0]).toBe('/api/rounds/3/responses')
    expect(JSON.parse(fetchFn.mock.calls[0][1].body)).toEqual({ respondentRole: 'medarbetare' })
  })

  it('uploads an instrument file as YAML and tells 201 from 200', async () => {
    const fetchFn = mockFetch(201, { code: 'x', version: 2 })
    const result = await uploadInstrument('code: x\nversion: 2\n')
    const [url, init] = fetchFn.mock.calls[0]
    expect(url).toBe('/api/instruments')
    expect(init.method).toBe('POST')
    expect(init.headers['Content-Type']).toBe('application/yaml')
    expect(init.body).toBe('code: x\nversion: 2\n')
    expect(result).toEqual({ status: 201, data: { code: 'x', version: 2 } })
  })

  it('returns null for 204 No Content', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 204 })))
    await expect(request('POST', '/api/x')).resolves.toBeNull()
  })

  it('sends an import as multipart form data and lets the browser set the boundary', async () => {
    const fetchFn = mockFetch(201, { round: { id: 4 }, responses: 2, answers: 20 })
    const file = new File(['CS-01;CS-02\n1;2\n'], 'svar.csv', { type: 'text/csv' })
    await importRound(3, { file, instrumentCode: 'checklist-systematik', label: '2022', instrumentVersion: 1 })
    const [url, init] = fetchFn.mock.calls[0]
    expect(url).toBe('/api/organisations/3/rounds/import')
    expect(init.method).toBe('POST')
    expect(init.headers['Content-Type']).toBeUndefined()
    expect(init.body).toBeInstanceOf(FormData)
    expect(init.body.get('file').name).toBe('svar.csv')
    expect(init.body.get('instrumentCode')).toBe('checklist-systematik')
    expect(init.body.get('label')).toBe('2022')
    expect(init.body.get('instrumentVersion')).toBe('1')

    mockFetch(201, {})
    await importRound(3, { file, instrumentCode: 'x', label: 'y' })
    expect(fetch.mock.calls[0][1].body.has('instrumentVersion')).toBe(false)
  })

  it('posts and puts actions with every field, empty ones as null', async () => {
    let fetchFn = mockFetch(201, { id: 1 })
    await createAction(11, { itemCode: 'CS-01', what: 'Plan' })
    expect(fetchFn.mock.calls[0][0]).toBe('/api/rounds/11/actions')
    expect(JSON.parse(fetchFn.mock.calls[0][1].body)).toEqual({
      itemCode: 'CS-01',
      what: 'Plan',
      who: null,
      dueDate: null,
      status: 'planned',
    })

    fetchFn = mockFetch(200, { id: 1 })
    await updateAction(1, { what: 'Plan', who: 'Anna', dueDate: '2025-06-30', status: 'done' })
    expect(fetchFn.mock.calls[0][0]).toBe('/api/actions/1')
    expect(fetchFn.mock.calls[0][1].method).toBe('PUT')
    expect(JSON.parse(fetchFn.mock.calls[0][1].body)).toEqual({
      what: 'Plan',
      who: 'Anna',
      dueDate: '2025-06-30',
      status: 'done',
    })
  })

  it('builds the comparison, trend, regional and download addresses', async () => {
    const fetchFn = mockFetch(200, {})
    await compareRounds(1, 2)
    expect(fetchFn.mock.calls[0][0]).toBe('/api/comparisons?from=1&to=2')
    mockFetch(200, {})
    await getTrend(3, 'skatta-laget')
    expect(fetch.mock.calls[0][0]).toBe('/api/organisations/3/trend?instrumentCode=skatta-laget')
    mockFetch(200, {})
    await getRegional('checklist-systematik', 'Våren 2025')
    expect(fetch.mock.calls[0][0]).toBe('/api/regional?instrumentCode=checklist-systematik&label=V%C3%A5ren%202025')
    expect(roundExportUrl(5, 'answers', 'xlsx')).toBe('/api/rounds/5/export/answers.xlsx')
    expect(comparisonExportUrl(1, 2, 'csv')).toBe('/api/comparisons/export.csv?from=1&to=2')
    expect(comparisonReportUrl(1, 2)).toBe('/api/comparisons/report.pdf?from=1&to=2')
  })

  it('sends the login as JSON with the cookie, and keeps no token', async () => {
    const fn = mockFetch(200, { accessToken: 'secret', user: { id: 1, username: 'anna', admin: false, roles: [] } })
    const answer = await login('anna', 'ett-langt-losenord')
    const [url, init] = fn.mock.calls[0]
    expect(url).toBe('/api/auth/login')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(JSON.parse(init.body)).toEqual({ username: 'anna', password: 'ett-langt-losenord' })
    expect(answer.user.username).toBe('anna')
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret')
  })

  it('carries the Retry-After seconds of a 429 on the error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(
          JSON.stringify({ status: 429, title: 'Too Many Requests', detail: 'Försök igen om 15 minuter.' }),
          {
            status: 429,
            headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '900' },
          },
        ),
      ),
    )
    const error = await login('anna', 'x').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(429)
    expect(error.retryAfter).toBe(900)
    expect(error.detail).toBe('Försök igen om 15 minuter.')
  })

  it('tells the session about a 401 from a signed-in endpoint, but not about a refused login', async () => {
    const listener = vi.fn()
    onUnauthorized(listener)
    try {
      mockFetch(401, { status: 401, detail: 'Fel lösenord.' }, 'application/problem+json')
      await login('anna', 'fel').catch(() => {})
      expect(listener).not.toHaveBeenCalled()
      mockFetch(401, { status: 401, detail: 'Inte inloggad.' }, 'application/problem+json')
      await getAudit(3).catch(() => {})
      expect(listener).toHaveBeenCalledTimes(1)
      expect(listener.mock.calls[0][0].status).toBe(401)
    } finally {
      onUnauthorized(null)
    }
  })

  it('builds the user, invitation and audit requests', async () => {
    let fn = mockFetch(201, { id: 7, username: 'lena' })
    await createUser({
      username: 'lena',
      password: 'ett-langt-losenord',
      roles: [{ organisationId: 3, role: 'PROJECT_LEAD' }],
    })
    expect(fn.mock.calls[0][0]).toBe('/api/users')
    expect(JSON.parse(fn.mock.calls[0][1].body)).toEqual({
      username: 'lena',
      password: 'ett-langt-losenord',
      roles: [{ organisationId: 3, role: 'PROJECT_LEAD' }],
    })
    fn = mockFetch(200, { id: 7 })
    await updateUserRoles(7, [{ organisationId: null, role: 'ADMIN' }])
    expect(fn.mock.calls[0][0]).toBe('/api/users/7/roles')
    expect(fn.mock.calls[0][1].method).toBe('PUT')
    expect(JSON.parse(fn.mock.calls[0][1].body)).toEqual({ roles: [{ organisationId: null, role: 'ADMIN' }] })
    fn = mockFetch(201, { id: 1 })
    await createInvitation(5, 'sara@exempelby.se')
    expect(fn.mock.calls[0][0]).toBe('/api/rounds/5/invitations')
    expect(JSON.parse(fn.mock.calls[0][1].body)).toEqual({ email: 'sara@exempelby.se' })
    fn = mockFetch(200, { responseId: 9 })
    await acceptInvitation('a/b', 'ett-langt-losenord')
    expect(fn.mock.calls[0][0]).toBe('/api/invitations/a%2Fb/accept')
    fn = mockFetch(200, [])
    await getAudit(3)
    expect(fn.mock.calls[0][0]).toBe('/api/organisations/3/audit?page=0&limit=50')
    fn = mockFetch(200, [])
    await getAudit(3, { page: 2, kind: 'round' })
    expect(fn.mock.calls[0][0]).toBe('/api/organisations/3/audit?page=2&limit=50&kind=round')
  })
})
