/** What the bloc rules need to know of an actor at one time. */
export interface BlocStanding {
  /** NATO ally at that time. */
  readonly ally: boolean;
  /** Member of the Russian bloc (Russia, Belarus). */
  readonly russianBloc: boolean;
  /** NATO partner that Russia counts as an adversary (Ukraine). */
  readonly partner: boolean;
}

/**
 * How actor `i` sees actor `j` (docs/model.md §1): `1` adversary, `-1` ally, `0` neither.
 * Allies and partners face the Russian bloc; the Russian bloc faces allies and partners; allies
 * are allied among themselves, and so are the members of the Russian bloc.
 *
 * @example relation({ ally: true, russianBloc: false, partner: false }, { ally: false, russianBloc: true, partner: false }) // 1
 */
export function relation(i: BlocStanding, j: BlocStanding): 1 | -1 | 0 {
  if (((i.ally || i.partner) && j.russianBloc) || (i.russianBloc && (j.ally || j.partner))) return 1;
  if ((i.ally && j.ally) || (i.russianBloc && j.russianBloc)) return -1;
  return 0;
}
