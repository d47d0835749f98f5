/** The file name ending a project file gets: a zip a person can still open to look inside. */
export const PROJECT_FILE_EXTENSION = '.studio.zip'
/** Larger than any project a browser tab can hold; stops a zip bomb before it is inflated. */
export const MAX_PROJECT_BYTES = 2 * 1024 ** 3
