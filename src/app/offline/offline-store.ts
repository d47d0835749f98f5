import { create } from 'zustand'

/**
 * Whether the studio can open with the network off: its service worker has cached this build.
 * 'update': a newer build is cached and waits for the analyst to reload into it.
 */
export type OfflineStatus = 'unavailable' | 'caching' | 'ready' | 'update' | 'failed'

interface OfflineState {
  status: OfflineStatus
  /** Lets the waiting build take over; the page reloads into it. */
  reloadIntoUpdate: () => void
}

export const useOffline = create<OfflineState>()(() => ({
  status: 'unavailable',
  reloadIntoUpdate: () => {},
}))

const set = (status: OfflineStatus) => useOffline.setState({ status })

function watch(registration: ServiceWorkerRegistration, worker: ServiceWorker) {
  const check = () => {
    if (worker.state === 'redundant') set('failed')
    // Installed beside a build already in charge: the new one waits for a reload.
    else if (worker.state === 'installed' && navigator.serviceWorker.controller) {
      useOffline.setState({
        status: 'update',
        reloadIntoUpdate: () => registration.waiting?.postMessage('skip-waiting'),
      })
    } else if (worker.state === 'activated') set('ready')
  }
  worker.addEventListener('statechange', check)
  check()
}

/** Registers the service worker of a built studio (never in development). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  set('caching')
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`, { type: 'module' })
    .then((registration) => {
      const pending = registration.installing ?? registration.waiting
      if (pending) watch(registration, pending)
      else if (registration.active) set('ready')
      registration.addEventListener('updatefound', () => {
        if (registration.installing) watch(registration, registration.installing)
      })
    })
    .catch(() => set('failed'))
  // The new build took over (the analyst chose Reload): load the page from it.
  let reloading = false
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || useOffline.getState().status !== 'update') return
    reloading = true
    window.location.reload()
  })
}
