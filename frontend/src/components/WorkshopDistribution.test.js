import { beforeAll, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '../i18n'
import { STAIRCASE } from '../test/instruments.js'
import WorkshopDistribution from './WorkshopDistribution.vue'

// The median between two steps in the page's language: "steg 2,5" in Swedish, "step 2.5" in English.
describe('WorkshopDistribution', () => {
  // jsdom draws no canvas: the chart stays empty, the table and the median are what is read here.
  beforeAll(() => {
    HTMLCanvasElement.prototype.getContext = () => null
  })

  const mountIn = (locale) =>
    mount(WorkshopDistribution, {
      props: { scale: STAIRCASE.scale, distribution: [{ value: 2, count: 2 }], median: 2.5 },
      global: { plugins: [createAppI18n(locale)] },
    })

  it('writes the median in the UI language', () => {
    expect(mountIn('sv').get('[data-testid="workshop-distribution-median"]').text()).toBe('Median: steg 2,5')
    expect(mountIn('en').get('[data-testid="workshop-distribution-median"]').text()).toBe('Median: step 2.5')
  })
})
