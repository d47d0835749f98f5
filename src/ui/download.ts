/** Hands bytes to the browser as a file download; nothing leaves the machine. */
export function downloadBytes(content: Uint8Array | string, fileName: string, type: string): void {
  const part = typeof content === 'string' ? content : new Uint8Array(content)
  const url = URL.createObjectURL(new Blob([part], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
