import { catalogEs } from '../../../../shared/catalog/es';

/** Tesorería › Cupones de tarjeta y Liquidaciones. Castellano de la Argentina, registro profesional neutro (sin voseo). */
const cardCouponsEs = {
  resources: {
    'card-coupons': {
      name: 'Cupón de tarjeta |||| Cupones de tarjeta',
      forcedCaseName: 'cupón de tarjeta |||| cupones de tarjeta',
      fields: catalogEs.fields['card-coupons'],
    },
    'card-batches': {
      name: 'Lote de presentación |||| Lotes de presentación',
      forcedCaseName: 'lote de presentación |||| lotes de presentación',
      fields: catalogEs.fields['card-batches'],
    },
    'card-coupons-pending': {
      name: 'Cupones a liquidar',
      forcedCaseName: 'cupones a liquidar',
      fields: catalogEs.fields['card-coupons-pending'],
    },
    'card-settlements': {
      name: 'Liquidación |||| Liquidaciones',
      forcedCaseName: 'liquidación |||| liquidaciones',
      fields: catalogEs.fields['card-settlements'],
      page: { create: 'Nueva liquidación' },
    },
  },
  cardCoupons: {
    states: catalogEs.values.cardCouponStates,
    origins: { manual: 'Carga manual', import: 'Archivo de la tarjeta' },
    batch: {
      action: 'Presentar en lote',
      help: 'Seleccione cupones en cartera de una misma tarjeta',
      title: 'Presentar %{smart_count} cupón en un lote |||| Presentar %{smart_count} cupones en un lote',
      summary: 'Total del lote: %{amount}',
      date: 'Fecha de presentación',
      number: 'N.º de lote de la terminal',
      done: 'Se armó el lote N.º %{id}',
    },
    settlement: {
      title: 'Liquidación %{number} de %{issuer}',
      issuer: 'Tarjeta',
      batch: 'Lote',
      allBatches: 'Todos los cupones sin liquidar',
      number: 'N.º de liquidación',
      date: 'Fecha de pago',
      bankAccount: 'Cuenta de acreditación',
      notes: 'Observaciones',
      coupons: 'Cupones',
      none: 'La tarjeta no tiene cupones sin liquidar',
      pick: 'Elija la tarjeta para ver sus cupones sin liquidar',
      include: 'Incluir',
      save: 'Registrar liquidación',
      saved: 'Se registró la liquidación %{number}',
      totals: 'Bruto %{gross} · arancel %{fee} · IVA %{feeIva} · retenciones %{withholdings} · neto %{net}',
      mode: { manual: 'Cargar a mano', import: 'Importar archivo de la tarjeta' },
      file: 'Archivo CSV de la liquidación',
      fileHelp: 'Las columnas se leen con los nombres configurados en la tarjeta (Columnas del archivo de liquidación).',
      check: 'Revisar archivo',
      checked: 'El archivo tiene %{smart_count} cupón válido |||| El archivo tiene %{smart_count} cupones válidos',
      import: 'Importar liquidación',
      expected: 'Esperado',
      settled: 'Liquidado',
      differences: 'Diferencias',
      noSelection: 'Incluya al menos un cupón',
      badAmount: 'Importe no válido en el cupón %{coupon}',
    },
    pending: {
      menu: 'Cupones a liquidar',
      title: 'Cupones pendientes de liquidación',
      asOf: 'Al',
      empty: 'No hay cupones pendientes de liquidación',
      total: 'Total',
    },
  },
};

export default cardCouponsEs;
