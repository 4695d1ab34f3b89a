// Test helper: what a stubbed fetch resolves to, as the API answers: JSON, or problem+json for a 4xx/5xx.

/** A promise of the API's answer with `status` and `body` (no body when undefined). */
export function answer(status, body) {
  return Promise.resolve(
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  )
}
