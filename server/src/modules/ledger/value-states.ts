/**
 * The life of a value in the portfolio, in one table. Paper cheques and notes enter
 * `in_portfolio`; an ECHEQ enters `pending_acceptance` and its holder accepts or
 * repudiates it (BCRA, "Reglamentación de la cuenta corriente bancaria" point 3.5,
 * Com. "A" 6578 and later: "admisión" / "repudio"); an accepted ECHEQ is in custody
 * like a paper cheque in the portfolio. From there a value is deposited, discounted
 * (assigned to a bank for cash, its fee an expense) or endorsed; a deposit or a
 * discount ends credited (acreditado) or rejected, and a credited value may still be
 * rejected by the bank afterwards (a rejection after the clearing).
 */
export const TRANSITIONS: Record<string, readonly string[]> = {
  pending_acceptance: ['accepted', 'repudiated'],
  accepted: ['deposited', 'discounted', 'endorsed', 'rejected'],
  in_portfolio: ['deposited', 'discounted', 'endorsed', 'rejected'],
  deposited: ['credited', 'rejected'],
  discounted: ['credited', 'rejected'],
  endorsed: ['rejected'],
  credited: ['rejected'],
  repudiated: [],
  rejected: [],
  cancelled: [],
};

/** States in which the company still holds the value: its receipt may be cancelled, it may be deposited. */
export const HELD_STATES = ['pending_acceptance', 'accepted', 'in_portfolio'] as const;

/** States only an ECHEQ goes through. */
export const ECHEQ_ONLY_STATES = ['pending_acceptance', 'accepted', 'repudiated'] as const;

/** Where a move to that state takes the value's money: to the bank, for the presentation rules. */
export const PRESENTATION_STATES = ['deposited', 'discounted'] as const;
