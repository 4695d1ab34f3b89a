// A stand-in for the browser's EventSource, so that tests deliver the server's events and errors by hand.
export class FakeEventSource {
  /** Every source opened since the last reset, oldest first. */
  static instances = []
  constructor(url) {
    this.url = url
    this.listeners = {}
    this.closed = false
    this.onerror = null
    FakeEventSource.instances.push(this)
  }
  addEventListener(type, listener) {
    ;(this.listeners[type] ||= []).push(listener)
  }
  close() {
    this.closed = true
  }
  /** The server sends the event `live` with this state. */
  emit(state) {
    for (const listener of this.listeners.live || []) listener({ data: JSON.stringify(state) })
  }
  /** The stream breaks (or never gets through). */
  fail() {
    this.onerror?.(new Event('error'))
  }
}
