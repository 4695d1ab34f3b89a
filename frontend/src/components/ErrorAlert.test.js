import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '@/i18n'
import { ApiError } from '@/api/client.js'
import ErrorAlert from './ErrorAlert.vue'

function alert(error, locale) {
  return mount(ErrorAlert, { props: { error }, global: { plugins: [createAppI18n(locale)] } })
}

describe('ErrorAlert', () => {
  it("shows the server's detail and field messages as they are, in English as in Swedish", () => {
    const english = alert(
      new ApiError({
        status: 400,
        detail: 'Correct the details and try again: Give the organisation’s name.',
        errors: [{ field: 'name', message: 'Give the organisation’s name.' }],
      }),
      'en',
    )
    expect(english.get('.alert__message').text()).toBe(
      'Correct the details and try again: Give the organisation’s name.',
    )
    expect(english.get('.alert__fields').text()).toBe('name: Give the organisation’s name.')
    expect(english.find('[lang="sv"]').exists()).toBe(false)
    expect(english.text()).not.toContain('Swedish')

    const swedish = alert(
      new ApiError({ status: 409, detail: 'Omgången 2025 är stängd och tar inte emot fler svar.' }),
      'sv',
    )
    expect(swedish.get('.alert__message').text()).toBe('Omgången 2025 är stängd och tar inte emot fler svar.')
  })

  it('says in the UI language what kind of error it is once the language was switched since the error came', () => {
    const stale = alert(
      new ApiError({
        status: 404,
        detail: 'Organisationen med id 7 finns inte.',
        errors: [{ field: 'name', message: 'Ange organisationens namn.' }],
        language: 'sv',
      }),
      'en',
    )
    expect(stale.get('.alert__message').text()).toBe('What you are looking for does not exist.')
    expect(stale.get('.alert__fields').attributes('lang')).toBe('sv')
    const current = alert(
      new ApiError({ status: 404, detail: 'There is no organisation with id 7.', language: 'en' }),
      'en',
    )
    expect(current.get('.alert__message').text()).toBe('There is no organisation with id 7.')
  })

  it('says what kind of error it is when the server gave no detail', () => {
    expect(
      alert(new ApiError({ status: 0 }), 'en')
        .get('.alert__message')
        .text(),
    ).toBe('Could not reach the server. Check your connection and try again.')
    expect(
      alert(new ApiError({ status: 404 }), 'sv')
        .get('.alert__message')
        .text(),
    ).not.toBe('')
  })
})
