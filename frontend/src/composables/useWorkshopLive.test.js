import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { useWorkshopLive } from './useWorkshopLive.js'
import { createFakeWorkshops } from '../test/fakeBackend.js'
import { FakeEventSource } from '../test/fakeEventSource.js'

// The projector's live state: the server's event stream, and polling GET /live while the stream does not
// get through.
const staircase = {
  code: 'jamstalldhetstrappan',
  version: 1,
  title: 'Jämställdhetstrappan',
  kind: 'staircase',
  scale: [1, 2, 3, 4].map((value) => ({ value, label: `Steg ${value}` })),
  reflectionPrompts: [],
  parts: [{ code: 'trappan', title: 'Trappan', items: [{ code: 'JT', text: 'Var är du?' }] }],
}

let backend
let workshop
let wrapper

/** Mount a component that uses the composable, as the projector does; returns what the composable returns. */
function mountLive(id = String(workshop.id)) {
  let live
  const Probe = defineComponent({
    setup() {
      live = useWorkshopLive(id)
      return () => h('p', live.mode.value)
    },
  })
  wrapper = mount(Probe)
  return live
}

const liveCalls = () => backend.calls.filter((c) => c === `GET /api/workshops/${workshop.id}/live`).length

beforeEach(() => {
  vi.useFakeTimers()
  FakeEventSource.instances = []
  backend = createFakeWorkshops(staircase)
  workshop = backend.addWorkshop({ title: 'Ledningsgruppen', participants: 3, answers: [2, 3] })
  vi.stubGlobal(
    'fetch',
    vi.fn((url, init) => backend.handle(url, init)),
  )
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('useWorkshopLive', () => {
  it('listens to the workshop’s event stream and takes its state from the `live` events', async () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const live = mountLive()
    expect(FakeEventSource.instances).toHaveLength(1)
    const source = FakeEventSource.instances[0]
    expect(source.url).toBe(`/api/workshops/${workshop.id}/events`)
    expect(live.mode.value).toBe('live')
    expect(live.state.value).toBeNull()

    source.emit({
      workshop: { id: workshop.id, code: 'K7M2QX' },
      results: { participants: 4, answers: 3 },
      reflections: [],
    })
    expect(live.state.value.results).toEqual({ participants: 4, answers: 3 })
    source.emit({
      workshop: { id: workshop.id, code: 'K7M2QX' },
      results: { participants: 5, answers: 5 },
      reflections: [],
    })
    expect(live.state.value.results.answers).toBe(5)

    // While the stream delivers, nothing is polled.
    await vi.advanceTimersByTimeAsync(5000)
    expect(liveCalls()).toBe(0)
  })

  it('polls GET /live once a second while the event stream fails, and stops polling when it delivers again', async () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const live = mountLive()
    const source = FakeEventSource.instances[0]

    source.fail()
    await flushPromises()
    expect(live.mode.value).toBe('polling')
    expect(wrapper.text()).toBe('polling')
    expect(liveCalls()).toBe(1)
    expect(live.state.value.workshop.code).toBe('K7M2QX')
    expect(live.state.value.results).toMatchObject({ participants: 3, answers: 2 })

    // A new answer reaches the projector with the next poll.
    workshop.answers.push({ value: 4 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(liveCalls()).toBe(2)
    expect(live.state.value.results.answers).toBe(3)

    // A second error while polling neither polls at once nor starts a second timer.
    source.fail()
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(liveCalls()).toBe(3)

    // The stream is back: its state wins and polling ends.
    source.emit({
      workshop: { id: workshop.id, code: 'K7M2QX' },
      results: { participants: 9, answers: 9 },
      reflections: [],
    })
    expect(live.mode.value).toBe('live')
    const before = liveCalls()
    await vi.advanceTimersByTimeAsync(5000)
    expect(liveCalls()).toBe(before)
    expect(live.state.value.results.answers).toBe(9)
  })

  it('polls from the start where the browser has no EventSource', async () => {
    vi.stubGlobal('EventSource', undefined)
    const live = mountLive()
    await flushPromises()
    expect(live.mode.value).toBe('polling')
    expect(live.state.value.results.participants).toBe(3)
    await vi.advanceTimersByTimeAsync(3000)
    expect(liveCalls()).toBe(4)
  })

  it('keeps the last state and reports the error when a poll fails, and clears the error on the next good poll', async () => {
    vi.stubGlobal('EventSource', undefined)
    const live = mountLive()
    await flushPromises()
    expect(live.state.value.results.answers).toBe(2)

    fetch.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')))
    await vi.advanceTimersByTimeAsync(1000)
    expect(live.error.value.status).toBe(0)
    expect(live.state.value.results.answers).toBe(2)

    await vi.advanceTimersByTimeAsync(1000)
    expect(live.error.value).toBeNull()
  })

  it('closes the event stream and stops polling when the page goes away', async () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    mountLive()
    const source = FakeEventSource.instances[0]
    source.fail()
    await flushPromises()
    const before = liveCalls()

    wrapper.unmount()
    wrapper = null
    expect(source.closed).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(5000)
    expect(liveCalls()).toBe(before)

    // A late error from the closed stream does not start polling again.
    source.fail()
    await vi.advanceTimersByTimeAsync(5000)
    expect(liveCalls()).toBe(before)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('refresh() reads the state at once, without waiting for the next event', async () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const live = mountLive()
    await live.refresh()
    expect(liveCalls()).toBe(1)
    expect(live.state.value.results.participants).toBe(3)
  })
})
