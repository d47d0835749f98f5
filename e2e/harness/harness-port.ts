/** The layer harness is served one port above the studio, so both run side by side in e2e. */
export const harnessPort = Number(process.env.E2E_PORT ?? 4173) + 1
