import { useCallback } from 'react'
import classes from './image-prepare.module.css'

interface PixelCanvasProps {
  /** One resized picture: height × width × channels values 0…255, channels last. */
  readonly pixels: Uint8ClampedArray
  readonly width: number
  readonly height: number
  readonly channels: 1 | 3
  readonly label: string
}

/** A resized picture exactly as the network gets it, drawn one canvas pixel per value. */
export function PixelCanvas({ pixels, width, height, channels, label }: PixelCanvasProps) {
  const draw = useCallback(
    (canvas: HTMLCanvasElement | null) => {
      const context = canvas?.getContext('2d')
      if (!canvas || !context) return
      canvas.width = width
      canvas.height = height
      const rgba = new Uint8ClampedArray(width * height * 4)
      for (let p = 0; p < width * height; p++) {
        for (let c = 0; c < 3; c++)
          rgba[p * 4 + c] = pixels[p * channels + (channels === 1 ? 0 : c)] ?? 0
        rgba[p * 4 + 3] = 255
      }
      context.putImageData(new ImageData(rgba, width, height), 0, 0)
    },
    [pixels, width, height, channels],
  )
  return (
    <canvas
      ref={draw}
      className={classes.picture}
      role="img"
      aria-label={label}
      data-size={`${width}x${height}x${channels}`}
    />
  )
}
