import { catalogEs } from '../../../../shared/catalog/es';

/** Card issuers and their plans. Castellano de la Argentina, registro profesional neutro (sin voseo). */
const cardsEs = {
  resources: {
    'card-issuers': {
      name: 'Tarjeta |||| Tarjetas',
      forcedCaseName: 'tarjeta |||| tarjetas',
      page: { create: 'Nueva tarjeta' },
      fields: catalogEs.fields['card-issuers'],
    },
    'card-plans': {
      name: 'Plan de tarjeta |||| Planes de tarjeta',
      forcedCaseName: 'plan de tarjeta |||| planes de tarjeta',
      page: { create: 'Nuevo plan' },
      fields: catalogEs.fields['card-plans'],
    },
  },
  ctacte: {
    cardIssuers: {
      saveFirst: 'Guarde la tarjeta para agregarle planes y contactos.',
      bankHelp: 'Donde se acreditan los cupones',
      layoutHelp:
        'Cómo llama el archivo de liquidación de la tarjeta a cada columna (deje vacío lo que no trae). Se usa al importar una liquidación.',
    },
    cardPlans: {
      coefficientHelp: 'Importe × coeficiente = lo que paga el comprador',
      example:
        'Ejemplo: %{amount} → %{total} en un pago (recargo %{surcharge}) |||| Ejemplo: %{amount} → %{total} en %{smart_count} cuotas de %{installment} (recargo %{surcharge})',
      exampleHint: 'Ingrese las cuotas y el coeficiente (1 o más) para ver un ejemplo.',
    },
  },
};

export default cardsEs;
