import { useCallback } from 'react'
import type { OcclusionMap } from '../../../core/export/pictures/picture-occlusion'

interface HeatCanvasProps {
  /** The picture as the model sees it: height × width × channels values 0…255. */
  readonly pixels: Uint8ClampedArray
  readonly width: number
  readonly height: number
  readonly channels: number
  /** Drawn over the picture when given: red supports the prediction, blue argues against it. */
  readonly occlusion: OcclusionMap | null
  readonly label: string
  readonly size: number
}

/**
 * The resized picture, one canvas pixel per model input (enlarged with crisp squares), with the
 * occlusion map blended over it. The colour scale is the map's own largest drop, so a faint map
 * still shows where the model looks; the card's sentence gives the size of the effect.
 */
export function HeatCanvas({
  pixels,
  width,
  height,
  channels,
  occlusion,
  label,
  size,
}: HeatCanvasProps) {
  const draw = useCallback(
    (canvas: HTMLCanvasElement | null) => {
      const context = canvas?.getContext('2d')
      if (!canvas || !context) return
      canvas.width = width
      canvas.height = height
      const heat = occlusion?.heat
      let scale = 0
      if (heat) for (const v of heat) scale = Math.max(scale, Math.abs(v))
      const rgba = new Uint8ClampedArray(width * height * 4)
      for (let p = 0; p < width * height; p++) {
        const grey = channels === 1
        const r = pixels[p * channels] ?? 0
        const g = pixels[p * channels + (grey ? 0 : 1)] ?? 0
        const b = pixels[p * channels + (grey ? 0 : 2)] ?? 0
        const h = heat && scale > 0 ? (heat[p] ?? 0) / scale : 0
        const a = Math.min(0.65, Math.abs(h) * 0.65)
        const tint = h >= 0 ? [230, 40, 40] : [40, 90, 230]
        rgba[p * 4] = r * (1 - a) + (tint[0] ?? 0) * a
        rgba[p * 4 + 1] = g * (1 - a) + (tint[1] ?? 0) * a
        rgba[p * 4 + 2] = b * (1 - a) + (tint[2] ?? 0) * a
        rgba[p * 4 + 3] = 255
      }
      context.putImageData(new ImageData(rgba, width, height), 0, 0)
    },
    [pixels, width, height, channels, occlusion],
  )
  return (
    <canvas
      ref={draw}
      role="img"
      aria-label={label}
      data-size={`${width}x${height}x${channels}`}
      style={{
        width: size,
        height: (size * height) / width,
        imageRendering: 'pixelated',
        borderRadius: 4,
        border: '1px solid var(--mantine-color-gray-3)',
      }}
    />
  )
}
