import { VALUE_TRANSITIONS } from '../../../../shared/catalog/value-states';

/** The allowed moves (shared/catalog/value-states.ts), keyed by any state string read from the database. */
export const TRANSITIONS: Record<string, readonly string[]> = VALUE_TRANSITIONS;

/** States in which the company still holds the value: its receipt may be cancelled, it may be deposited. */
export const HELD_STATES = ['pending_acceptance', 'accepted', 'in_portfolio'] as const;

/** States only an ECHEQ goes through. */
export const ECHEQ_ONLY_STATES = ['pending_acceptance', 'accepted', 'repudiated'] as const;

/** Where a move to that state takes the value's money: to the bank, for the presentation rules. */
export const PRESENTATION_STATES = ['deposited', 'discounted'] as const;

/** States from which a value may be deposited (the table above): held, and accepted if an ECHEQ. */
export const DEPOSITABLE_STATES = Object.keys(TRANSITIONS).filter((s) => TRANSITIONS[s].includes('deposited'));
