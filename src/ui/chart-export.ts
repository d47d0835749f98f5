import { downloadBytes } from './download'

/**
 * The chart's SVG as a standalone file: computed fill, stroke and font of every element are
 * written inline, so the file looks like the screen without the page's stylesheets.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement
  const from = [svg, ...svg.querySelectorAll('*')]
  const to = [copy, ...copy.querySelectorAll('*')]
  const keep = [
    'fill',
    'stroke',
    'stroke-width',
    'stroke-dasharray',
    'opacity',
    'font-size',
    'font-family',
    'font-weight',
  ]
  from.forEach((element, i) => {
    const style = getComputedStyle(element)
    const target = to[i]
    if (!target) return
    for (const name of keep) {
      const value = style.getPropertyValue(name)
      if (value) (target as SVGElement).style.setProperty(name, value)
    }
  })
  const { width, height } = svg.getBoundingClientRect()
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  copy.setAttribute('width', String(Math.round(width)))
  copy.setAttribute('height', String(Math.round(height)))
  if (!copy.getAttribute('viewBox'))
    copy.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`)
  return new XMLSerializer().serializeToString(copy)
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  downloadBytes(standaloneSvg(svg), fileName, 'image/svg+xml')
}

/** A PNG at twice the screen size on a white ground, drawn from the standalone SVG. */
export async function downloadPng(svg: SVGSVGElement, fileName: string, scale = 2): Promise<void> {
  const text = standaloneSvg(svg)
  const { width, height } = svg.getBoundingClientRect()
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(width * scale))
    canvas.height = Math.max(1, Math.round(height * scale))
    const context = canvas.getContext('2d')
    if (!context) throw new Error('This browser cannot draw the chart to a PNG; download the SVG.')
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('The PNG could not be made; download the SVG.')
    downloadBytes(new Uint8Array(await blob.arrayBuffer()), fileName, 'image/png')
  } finally {
    URL.revokeObjectURL(url)
  }
}
