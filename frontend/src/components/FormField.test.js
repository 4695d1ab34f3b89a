import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import FormField from './FormField.vue'

function field(props) {
  return mount(FormField, {
    props: { id: 'round-label', label: 'Namn på omgången', ...props },
    slots: { default: `<template #default="{ control }"><input v-bind="control" data-testid="input" /></template>` },
  })
}

describe('FormField', () => {
  it('labels the control and describes it by the hint while there is no error', () => {
    const wrapper = field({ hint: 'Till exempel årtalet.' })
    const input = wrapper.get('[data-testid="input"]')
    expect(wrapper.get('label').attributes('for')).toBe('round-label')
    expect(input.attributes('id')).toBe('round-label')
    expect(input.attributes('aria-invalid')).toBeUndefined()
    expect(input.attributes('aria-describedby')).toBe('round-label-hint')
    expect(wrapper.get('#round-label-hint').text()).toBe('Till exempel årtalet.')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('marks the control invalid and describes it by the error, which replaces the hint and is announced', () => {
    const wrapper = field({ hint: 'Till exempel årtalet.', error: 'Ange ett namn.' })
    const input = wrapper.get('[data-testid="input"]')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toBe('round-label-error')
    expect(wrapper.get('#round-label-error').attributes('role')).toBe('alert')
    expect(wrapper.find('#round-label-hint').exists()).toBe(false)
  })

  it('describes nothing without a hint or an error, and leaves the announcement to the form when asked', () => {
    expect(field().get('[data-testid="input"]').attributes('aria-describedby')).toBeUndefined()
    const quiet = field({ error: 'Fel.', announce: false })
    expect(quiet.get('#round-label-error').attributes('role')).toBeUndefined()
  })
})
