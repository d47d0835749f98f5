import '@mantine/core/styles.css'
import { MantineProvider } from '@mantine/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { isBackendName } from '../core/train/backend-names'
import { useStudio } from '../state/studio-store'
import { App } from './app'
import { registerServiceWorker } from './offline/offline-store'
import { theme } from './theme'

// ?backend=webgpu|webgl|wasm|cpu forces a backend, for tests and for users who know their machine.
const forced = new URLSearchParams(window.location.search).get('backend')
if (forced && isBackendName(forced)) useStudio.getState().setBackendRequest(forced)

registerServiceWorker()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <App />
    </MantineProvider>
  </StrictMode>,
)
