/** The key that, assigned by a careless parser or merge, replaces an object's prototype. */
const PROTO = '__proto__'

/**
 * JSON from a file someone handed the studio (a bundle, a project): a `__proto__` key anywhere is
 * refused, since no file the studio writes has one and code further on (TensorFlow.js reading a
 * model's config, a spread, a merge) might assign it. Throws an Error naming `what`, with
 * `remedy` (what to do) after a parse failure.
 */
export function parseUntrustedJson(text: string, what: string, remedy: string): unknown {
  const seen = { hostile: false }
  let parsed: unknown
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (key === PROTO) seen.hostile = true
      return value
    })
  } catch (error) {
    throw new Error(`${what} is not valid JSON (the file may be damaged or cut short). ${remedy}`, {
      cause: error,
    })
  }
  if (seen.hostile)
    throw new Error(
      `${what} holds a "__proto__" key, which no file from Model Studio has: it was changed by hand or made to attack. It was not opened.`,
    )
  return parsed
}
