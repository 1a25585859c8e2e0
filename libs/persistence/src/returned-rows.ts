/** Rows of an UPDATE or DELETE … RETURNING: TypeORM's Postgres driver answers those as [rows, affected count]. */
export function returned<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
