import { useCallback } from 'react'
import classes from './image-dataset.module.css'

/**
 * One preview. The object URL lives exactly as long as the <img>: React 19 runs the ref's cleanup
 * when the element goes (a new dataset, a closed step), which revokes it.
 */
export function Thumbnail({ blob, label, tiny }: { blob: Blob; label: string; tiny: boolean }) {
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
      className={classes.thumbnail}
      data-tiny={tiny || undefined}
      alt={label}
      title={label}
      loading="lazy"
      decoding="async"
    />
  )
}
