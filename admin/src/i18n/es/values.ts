import { catalogEs } from '../../../../shared/catalog/es';

/** Cheques and notes (cartera de valores) and withholdings. Castellano de la Argentina, registro profesional neutro (sin voseo). */
const valuesEs = {
  resources: {
    values: {
      name: 'Valor |||| Cartera de valores',
      forcedCaseName: 'valor |||| valores',
      fields: catalogEs.fields['values'],
    },
    withholdings: {
      name: 'Certificado de retención |||| Retenciones',
      forcedCaseName: 'certificado de retención |||| certificados de retención',
      fields: catalogEs.fields['withholdings'],
    },
  },
  ledger: {
    withholdingTypes: catalogEs.values.withholdingTypes,
    valueStates: catalogEs.values.valueStates,
    values: {
      actions: { deposited: 'Depositar', endorsed: 'Endosar', rejected: 'Rechazar' },
      move: 'Depositar, endosar o rechazar',
      noneForCustomer: 'El cliente no entregó cheques ni documentos.',
      moveAria: 'Mover el valor %{number}',
      titles: { deposited: 'Depositar %{value}', endorsed: 'Endosar %{value}', rejected: 'Rechazar %{value}' },
      done: { deposited: 'Se depositó %{value}', endorsed: 'Se endosó %{value}', rejected: 'Se rechazó %{value}' },
      depositBank: 'Banco de depósito',
      endorsedTo: 'Endosado a',
      rejectReason: 'Motivo del rechazo',
      rejectReasonHelp: 'Por ejemplo: sin fondos, firma no conforme',
      rejectWarning: 'Al rechazarlo se registra una nota de débito al cliente por %{amount}.',
      rejectedNd: 'Se rechazó %{value}: se registró la %{number} por %{amount} al cliente',
      summary: '%{value} por %{amount} · %{customer} · pago el %{date}',
      by: '%{user}, %{at}',
      history: 'Historial',
      historyOf: 'Historial: %{value}',
      received: 'Recibido el %{date}',
      since: 'desde el %{date}',
      depositSelected: 'Depositar seleccionados',
      depositSelectedTitle: 'Depositar 1 valor |||| Depositar %{smart_count} valores',
      depositSelectedSummary: '1 valor por %{amount} |||| %{smart_count} valores por %{amount}',
      depositSelectedDone: 'Se depositó 1 valor |||| Se depositaron %{smart_count} valores',
      depositSelectedHelp: 'Solo se pueden depositar valores en cartera.',
      tabs: { deposited: 'Depositados', endorsed: 'Endosados', rejected: 'Rechazados', cancelled: 'Anulados' },
    },
  },
};

export default valuesEs;
