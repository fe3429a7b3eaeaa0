import type { Messages } from '../types';
import type cardsEs from '../es/cards';
import { catalogEn } from '../../../../shared/catalog/en';

/** Card issuers and their plans. Same keys as ../es/cards.ts. */
const cardsEn: Messages<typeof cardsEs> = {
  resources: {
    'card-issuers': {
      name: 'Card issuer |||| Card issuers',
      forcedCaseName: 'card issuer |||| card issuers',
      page: { create: 'New card issuer' },
      fields: catalogEn.fields['card-issuers'],
    },
    'card-plans': {
      name: 'Card plan |||| Card plans',
      forcedCaseName: 'card plan |||| card plans',
      page: { create: 'New plan' },
      fields: catalogEn.fields['card-plans'],
    },
  },
  ctacte: {
    cardIssuers: {
      saveFirst: 'Save the card issuer to add its plans and contacts.',
      bankHelp: 'Where the vouchers are settled',
      layoutHelp:
        "How the issuer's settlement file names each column (leave empty what it does not carry). Used when a settlement is imported.",
    },
    cardPlans: {
      coefficientHelp: 'Amount × coefficient = what the buyer pays',
      example:
        'Example: %{amount} → %{total} in one payment (surcharge %{surcharge}) |||| Example: %{amount} → %{total} in %{smart_count} installments of %{installment} (surcharge %{surcharge})',
      exampleHint: 'Enter the installments and the coefficient (1 or more) to see an example.',
    },
  },
};

export default cardsEn;
