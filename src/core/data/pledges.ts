/** A defence-spending commitment of the allies, as adopted at a summit. */
export interface PledgeDefinition {
  readonly id: string;
  readonly name: string;
  /** Target as a share of GDP (0.02 = 2 %). */
  readonly target: number;
  /** Year adopted. */
  readonly adopted: number;
  /** Year by which the target is to be reached. */
  readonly by: number;
  /** Year the allies agreed to review the trajectory and balance of spending, if any. */
  readonly review?: number;
  readonly text: string;
  readonly source: string;
}

/**
 * The allies' spending pledges. Targets and years are those of the summit declarations cited.
 */
export const PLEDGES: readonly PledgeDefinition[] = [
  {
    id: 'wales-2',
    name: 'Wales 2 %',
    target: 0.02,
    adopted: 2014,
    by: 2024,
    text: 'Allies below 2 % of GDP aim to move towards the 2 % guideline within a decade',
    source: 'Wales Summit Declaration, 5 September 2014, paragraph 14',
  },
  {
    id: 'hague-core',
    name: 'The Hague core defence 3.5 %',
    target: 0.035,
    adopted: 2025,
    by: 2035,
    review: 2029,
    text: 'At least 3.5 % of GDP annually on core defence requirements by 2035, within the 5 % commitment',
    source: 'The Hague Summit Declaration, 25 June 2025, paragraph 3 (review in 2029)',
  },
  {
    id: 'hague-total',
    name: 'The Hague total 5 %',
    target: 0.05,
    adopted: 2025,
    by: 2035,
    review: 2029,
    text: '5 % of GDP annually by 2035: at least 3.5 % core defence plus up to 1.5 % defence- and security-related spending',
    source: 'The Hague Summit Declaration, 25 June 2025, paragraphs 2-3',
  },
];

/** The pledge with id `id`, or `undefined`. */
export function pledgeById(id: string): PledgeDefinition | undefined {
  return PLEDGES.find((p) => p.id === id);
}
