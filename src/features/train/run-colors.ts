/** One colour per compared run, in the order runs were ticked: distinct, and calm beside the UI. */
const RUN_COLORS = [
  'blue-6',
  'orange-6',
  'teal-6',
  'grape-6',
  'yellow-7',
  'cyan-7',
  'pink-6',
  'lime-7',
]

export function runColor(index: number): string {
  return `var(--mantine-color-${RUN_COLORS[index % RUN_COLORS.length] ?? 'gray-6'})`
}
