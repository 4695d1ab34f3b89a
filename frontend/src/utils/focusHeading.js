// After a page change, focus goes to the new page's main heading, so that a screen reader announces the
// page and the keyboard starts from its top. Pages that load their data first render the heading a moment
// later: wait for it (up to `timeout` ms), then fall back to the main region itself.

/** Focuses the first <h1> inside `container` once it is there; returns a function that stops waiting. */
export function focusHeading(container, { timeout = 5000 } = {}) {
  if (!container) return () => {}
  const focus = (element) => {
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1')
    element.focus({ preventScroll: true })
  }
  const heading = container.querySelector('h1')
  if (heading) {
    focus(heading)
    return () => {}
  }
  let done = false
  const observer = new MutationObserver(() => {
    const found = container.querySelector('h1')
    if (found) finish(found)
  })
  const timer = setTimeout(() => finish(container), timeout)
  function finish(element) {
    if (done) return
    done = true
    observer.disconnect()
    clearTimeout(timer)
    focus(element)
  }
  observer.observe(container, { childList: true, subtree: true })
  return () => {
    done = true
    observer.disconnect()
    clearTimeout(timer)
  }
}
