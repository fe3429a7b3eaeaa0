import { catalogEs } from '../../../../shared/catalog/es';

/** Reference tables: payment terms, salespeople, collectors, price lists, carriers, segments, banks, exchange rates, holidays. Castellano de la Argentina, registro profesional neutro (sin voseo). */
const tablesEs = {
  resources: {
    'payment-terms': {
      name: 'Condición de pago |||| Condiciones de pago',
      forcedCaseName: 'condición de pago |||| condiciones de pago',
      page: { create: 'Nueva condición de pago' },
      fields: catalogEs.fields['payment-terms'],
    },
    salespeople: {
      name: 'Vendedor |||| Vendedores',
      forcedCaseName: 'vendedor |||| vendedores',
      page: { create: 'Nuevo vendedor' },
      fields: catalogEs.fields['salespeople'],
    },
    collectors: {
      name: 'Cobrador |||| Cobradores',
      forcedCaseName: 'cobrador |||| cobradores',
      page: { create: 'Nuevo cobrador' },
      fields: catalogEs.fields['collectors'],
    },
    'price-lists': {
      name: 'Lista de precios |||| Listas de precios',
      forcedCaseName: 'lista de precios |||| listas de precios',
      page: { create: 'Nueva lista de precios' },
      fields: catalogEs.fields['price-lists'],
    },
    carriers: {
      name: 'Transporte |||| Transportes',
      forcedCaseName: 'transporte |||| transportes',
      page: { create: 'Nuevo transporte' },
      fields: catalogEs.fields['carriers'],
    },
    segments: {
      name: 'Segmento |||| Segmentos',
      forcedCaseName: 'segmento |||| segmentos',
      page: { create: 'Nuevo segmento' },
      fields: catalogEs.fields['segments'],
    },
    banks: {
      name: 'Banco |||| Bancos',
      forcedCaseName: 'banco |||| bancos',
      page: { create: 'Nuevo banco' },
      fields: catalogEs.fields['banks'],
    },
    'exchange-rates': {
      name: 'Cotización |||| Cotizaciones',
      forcedCaseName: 'cotización |||| cotizaciones',
      page: { create: 'Nueva cotización' },
      fields: catalogEs.fields['exchange-rates'],
    },
    holidays: {
      name: 'Feriado |||| Feriados',
      forcedCaseName: 'feriado |||| feriados',
      page: { create: 'Nuevo feriado' },
      fields: catalogEs.fields['holidays'],
    },
  },
};

export default tablesEs;
