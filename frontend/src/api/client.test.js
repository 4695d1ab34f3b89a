import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, createOrganisation, createResponse, getResponse, request, saveAnswer, uploadInstrument } from './client.js'

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
})
