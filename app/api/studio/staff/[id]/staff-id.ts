// The [id] segment of staff URLs: a positive integer, else 404 (not 400: an
// unparseable id names no staff member, like an unknown one).
import { NotFoundError } from '@/server/errors';

export function parseStaffId(raw: string): number {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new NotFoundError('No such staff member.');
  return Number(raw);
}
