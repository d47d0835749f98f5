export const BIG_COLUMNS: readonly string[]
export function writeBigCsv(path: string, rows?: number): Promise<number>
