import { catalogEs } from '../../../../shared/catalog/es';

/** Tesorería: cuentas bancarias, cajas, boletas de depósito y los movimientos de ECHEQ. Castellano de la Argentina, registro profesional neutro (sin voseo). */
const treasuryEs = {
  resources: {
    'bank-accounts': {
      name: 'Cuenta bancaria |||| Cuentas bancarias',
      forcedCaseName: 'cuenta bancaria |||| cuentas bancarias',
      fields: catalogEs.fields['bank-accounts'],
      page: { create: 'Nueva cuenta bancaria' },
    },
    'cash-boxes': {
      name: 'Caja |||| Cajas',
      forcedCaseName: 'caja |||| cajas',
      fields: catalogEs.fields['cash-boxes'],
      page: { create: 'Nueva caja' },
    },
    'deposit-slips': {
      name: 'Boleta de depósito |||| Boletas de depósito',
      forcedCaseName: 'boleta de depósito |||| boletas de depósito',
      fields: catalogEs.fields['deposit-slips'],
    },
  },
  treasury: {
    menu: 'Tesorería',
    accountsMenu: 'Cuentas y cajas',
    accountTypes: catalogEs.values.bankAccountTypes,
    chequeKinds: catalogEs.values.chequeKinds,
    defaults: {
      title: 'Tesorería',
      cashBox: 'Caja para el efectivo',
      bankAccount: 'Cuenta para las transferencias',
      help: 'Dónde se registran el efectivo y las transferencias de los recibos, salvo que la línea indique otra.',
    },
    lines: {
      cashBox: 'Caja',
      bankAccount: 'Cuenta de destino',
      originCbu: 'CBU de origen',
      originTaxId: 'CUIT de origen',
      kind: 'Tipo',
      echeqId: 'ID de ECHEQ',
      echeqIdWhat: 'el ID de ECHEQ',
      deferred: 'Pago diferido',
      notToOrder: 'No a la orden',
    },
    values: {
      actions: {
        accepted: 'Aceptar',
        repudiated: 'Repudiar',
        discounted: 'Descontar',
        credited: 'Acreditar',
        replace: 'Reemplazar en el recibo',
      },
      titles: {
        accepted: 'Aceptar %{value}',
        repudiated: 'Repudiar %{value}',
        discounted: 'Descontar %{value}',
        credited: 'Acreditar %{value}',
        replace: 'Reemplazar %{value} en su recibo',
      },
      done: {
        accepted: 'Se aceptó %{value}',
        repudiated: 'Se repudió %{value}: reemplácelo en su recibo',
        discounted: 'Se descontó %{value}',
        credited: 'Se acreditó %{value}',
        replace: 'Se reemplazó %{value} en el recibo %{receipt}',
      },
      repudiateReason: 'Motivo del repudio',
      fee: 'Comisión del banco',
      charges: 'Gastos bancarios del rechazo',
      interest: 'Intereses',
      bankAccount: 'Cuenta de depósito',
      replaceHelp: 'El reemplazo vale lo mismo que la línea del ECHEQ repudiado (%{amount}): el total del recibo no cambia.',
      method: 'Medio de pago',
      reference: 'Referencia',
      expired: 'Vencido',
      expiredHelp: 'Pasó su plazo de presentación (%{date}): Ley 24.452, arts. 25 y 54',
    },
    slips: {
      title: 'Boleta de depósito N.º %{id}',
      print: 'Imprimir',
      credit: 'Acreditar la boleta',
      creditDone: 'Se acreditaron los valores de la boleta',
      creditDate: 'Fecha de acreditación',
      values: 'Valores',
      status: 'Estado',
      pending: 'Por acreditar: %{count}',
      credited: 'Acreditada',
      made: 'Se registró la boleta de depósito N.º %{id}',
    },
  },
};

export default treasuryEs;
