import { useCallback } from 'react'

/** The file as it was chosen; the object URL lives exactly as long as the <img>. */
export function OriginalThumbnail({
  blob,
  label,
  size,
}: {
  blob: Blob
  label: string
  size: number
}) {
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img) return
      const url = URL.createObjectURL(blob)
      img.src = url
      return () => URL.revokeObjectURL(url)
    },
    [blob],
  )
  return (
    <img
      ref={attach}
      alt={label}
      style={{
        maxWidth: size,
        maxHeight: size,
        imageRendering: 'pixelated',
        minWidth: 48,
        borderRadius: 4,
        border: '1px solid var(--mantine-color-gray-3)',
      }}
    />
  )
}
