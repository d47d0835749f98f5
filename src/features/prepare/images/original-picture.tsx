import { useCallback } from 'react'
import classes from './image-prepare.module.css'

/** A picture as loaded; its object URL is revoked when the element goes. */
export function OriginalPicture({ blob, label }: { blob: Blob; label: string }) {
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img) return
      const url = URL.createObjectURL(blob)
      img.src = url
      return () => URL.revokeObjectURL(url)
    },
    [blob],
  )
  return <img ref={attach} className={classes.picture} alt={label} decoding="async" />
}
