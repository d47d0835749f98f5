import { z } from 'zod'

// Zod compiles fast parsers with `new Function` when it may. The studio's Content-Security-
// Policy allows no eval, and the browser reports even zod's guarded probe as a violation: every
// schema of the studio imports zod from here, set to parse without compiling.
z.config({ jitless: true })

export { z }
