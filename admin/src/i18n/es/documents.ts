import { catalogEs } from '../../../../shared/catalog/es';

/** Documents (invoices, debit and credit notes, ARCA data), their cancellation, and adjustments. Castellano de la Argentina, registro profesional neutro (sin voseo). */
const documentsEs = {
  resources: {
    documents: {
      name: 'Comprobante |||| Comprobantes',
      forcedCaseName: 'comprobante |||| comprobantes',
      page: { create: 'Nuevo comprobante' },
      fields: catalogEs.fields['documents'],
    },
    adjustments: {
      name: 'Ajuste |||| Ajustes',
      forcedCaseName: 'ajuste |||| ajustes',
      page: { create: 'Nuevo ajuste' },
      fields: catalogEs.fields['adjustments'],
    },
  },
  ledger: {
    arca: {
      title: 'Datos fiscales (ARCA)',
      externalRef: 'Referencia del sistema de facturación',
      cae: 'CAE',
      caeDueDate: 'Vencimiento del CAE',
      fce: 'Factura de Crédito Electrónica MiPyME',
      fceYes: 'Sí (FCE MiPyME)',
      fceAcceptance: 'Aceptación del comprador',
      acceptance: {
        pending: 'Pendiente',
        accepted: 'Aceptada',
        tacitly_accepted: 'Aceptada tácitamente',
        rejected: 'Rechazada',
      },
      arcaCode: 'Código de comprobante ARCA',
      fceCbu: 'CBU para el pago',
      fceOption: 'Opción de transferencia',
      options: { SCA: 'Sistema de Circulación Abierta (SCA)', ADC: 'Agente de Depósito Colectivo (ADC)' },
      fceDeadline: 'Plazo de aceptación',
      fceRejectionReason: 'Motivo del rechazo',
      daysLeft: 'Vence el %{date}: queda %{smart_count} día |||| Vence el %{date}: quedan %{smart_count} días',
      lastDay: 'Vence hoy, %{date}',
      windowPassed: 'El plazo venció el %{date} sin respuesta: aceptada tácitamente (Ley 27.440, art. 6)',
      onlyFce: 'Solo FCE',
    },
    creditNote: {
      button: 'Generar nota de crédito',
      title: 'Nota de crédito para %{number}',
      help: 'Un comprobante fiscal no se anula: se revierte con una nota de crédito de su misma letra (RG 1415), imputada a él. Indique el número y el CAE que dio el sistema de facturación.',
      pointOfSale: 'Punto de venta',
      number: 'Número',
      issueDate: 'Fecha',
      total: 'Importe',
      cae: 'CAE',
      caeDueDate: 'Vencimiento del CAE',
      reason: 'Motivo',
      confirm: 'Registrar la nota de crédito',
      done: 'Se registró %{number} imputada a %{invoice}',
    },
    documents: {
      tabs: { posted: 'Registrados', open: 'Pendientes', cancelled: 'Anulados', voided: 'Recibos anulados' },
      intake: 'Nuevo comprobante',
      post: 'Registrar',
      posted: 'Se registró %{number}',
      dueHelp: 'Vacío: según la condición de pago del cliente',
      intakeHelp:
        'Facturas, notas de débito y de crédito emitidas por facturación, con su número impreso. Los recibos y los ajustes tienen sus propias pantallas.',
    },
    document: {
      applications: 'Imputaciones',
      noApplications: 'Este comprobante no tiene imputaciones.',
      counterpart: 'Comprobante',
      applicationState: 'Situación',
      applied: 'Vigente',
      reversed: 'Desimputada el %{at}',
      reversedBy: 'Desimputada el %{at} por %{user}',
      reversedAsOf: 'con fecha %{date}',
      unapplied: 'A cuenta (sin imputar)',
      appliedAmount: 'Imputado',
      cancelledOn: 'Anulado el %{date}. Motivo: %{reason}',
    },
    cancel: {
      button: 'Anular',
      title: 'Anular %{number}',
      willUnapply: 'Se desimputará esta imputación: |||| Se desimputarán estas %{smart_count} imputaciones:',
      nothingApplied: 'El comprobante no tiene imputaciones vigentes.',
      appliedOn: 'Imputada el %{date}',
      valuesLeave: 'Este valor saldrá de cartera: |||| Estos %{smart_count} valores saldrán de cartera:',
      payable: 'Fecha de pago %{date}',
      confirm: 'Anular el comprobante',
      done: 'Se anuló %{number}',
      doneUnapplied:
        'Se anuló %{number} y se desimputó una imputación |||| Se anuló %{number} y se desimputaron %{smart_count} imputaciones',
    },
    adjustments: {
      help: 'Un ajuste positivo aumenta lo que debe el cliente; uno negativo lo disminuye y queda como crédito para imputar.',
    },
  },
};

export default documentsEs;
