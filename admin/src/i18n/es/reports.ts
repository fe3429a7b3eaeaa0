import { catalogEs } from '../../../../shared/catalog/es';

/** Reports: aging of balances and the dashboard. Castellano de la Argentina, registro profesional neutro (sin voseo). */
const reportsEs = {
  reports: {
    menu: {
      aging: 'Antigüedad de saldos',
    },
    buckets: catalogEs.fields.aging,
    bucketsShort: {
      notDue: 'A vencer',
      days1to30: '1–30',
      days31to60: '31–60',
      days61to90: '61–90',
      days91to120: '91–120',
      over120: '+120',
    },
    aging: {
      title: 'Antigüedad de saldos',
      asOf: 'Al día',
      today: 'Hoy',
      lastMonthEnd: 'Fin del mes pasado',
      groupBy: 'Agrupar por',
      groups: {
        customer: 'Cliente',
        collector: 'Cobrador',
        salesperson: 'Vendedor',
        rating: 'Calificación',
      },
      basis: 'Antigüedad según',
      bases: {
        due: 'Vencimiento',
        issue: 'Fecha de emisión',
      },
      currency: 'Moneda',
      search: 'Buscar cliente',
      customers: 'Clientes',
      totals: 'Totales',
      unassigned: '(sin asignar)',
      chart: 'Saldos por antigüedad',
      drill: 'Ver comprobantes pendientes',
      drillTitle: 'Pendientes de %{customer} al %{date}',
      toDebtors: 'Ver los deudores de %{group}',
      empty: 'No hay saldos para estos filtros.',
      net: 'Débitos %{debits} − créditos %{credits}',
      summary: '%{smart_count} fila · al %{date} |||| %{smart_count} filas · al %{date}',
    },
    dashboard: {
      receivable: 'Total a cobrar',
      debtors: '%{smart_count} cliente con saldo |||| %{smart_count} clientes con saldo',
      receivableHelp:
        'Saldos deudores (%{owed}) menos saldos a favor de clientes (%{credit}); es el total de la antigüedad de saldos.',
      overdue: 'Vencido neto',
      overdueHelp:
        'Deuda vencida menos los créditos a cuenta que la cancelarán: vencido según la antigüedad de saldos %{gross}, menos créditos a cuenta %{credits}.',
      inCredit: 'Saldo a favor',
      inCreditDetail: '%{smart_count} cliente con saldo a favor |||| %{smart_count} clientes con saldo a favor',
      inCreditHelp: 'Clientes cuyos pagos y notas de crédito superan lo que deben; el saldo se muestra negativo.',
      overdueShare: '%{share} % de lo adeudado · %{smart_count} cliente |||| %{share} % de lo adeudado · %{smart_count} clientes',
      dso: 'DSO (días de cobro)',
      dsoDays: '%{days} días',
      dsoHelp:
        'Días de ventas pendientes de cobro: saldo a cobrar de hoy ÷ ventas netas en cuenta corriente de los últimos 90 días (facturas + notas de débito − notas de crédito) × 90. Ventas netas de los últimos 90 días: %{sales}.',
      dsoNone: 'Sin ventas en los últimos 90 días',
      aging: 'Antigüedad de saldos',
      callsDue: 'Llamadas para hoy',
      brokenPromises: 'Promesas incumplidas',
      valuesDue: 'Valores a depositar',
      valuesDueDetail: '1 valor en los próximos %{days} días |||| %{smart_count} valores en los próximos %{days} días',
      valuesStale: 'Valores estancados',
      valuesStaleDetail: '1 valor sin movimiento |||| %{smart_count} valores sin movimiento',
      valuesStaleHelp:
        'En cartera más de 5 días después de su fecha de pago, o depositados hace más de 5 días sin acreditación ni rechazo.',
      topDebtors: 'Los 10 mayores deudores',
      seeAll: 'Ver todos',
      open: 'Abrir',
      currency: 'Moneda',
      asOf: 'Cifras al %{date}',
    },
  },
};

export default reportsEs;
