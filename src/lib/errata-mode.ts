/** How an article shows its errata: collapsed to one line ("reading") or all expanded ("review"). */
export type ErrataMode = 'reading' | 'review';

/** The stored choice, or reading when nothing (or something unknown) is stored. */
export function errataMode(stored: string | null | undefined): ErrataMode {
  return stored === 'review' ? 'review' : 'reading';
}
