import { catalogEs } from '../../../../shared/catalog/es';

/** Customers, their branches and contacts, tax conditions and the customer import. Castellano de la Argentina, registro profesional neutro (sin voseo). */
const customersEs = {
  resources: {
    customers: {
      name: 'Cliente |||| Clientes',
      forcedCaseName: 'cliente |||| clientes',
      page: { create: 'Nuevo cliente' },
      fields: catalogEs.fields['customers'],
    },
    branches: {
      name: 'Sucursal |||| Sucursales',
      forcedCaseName: 'sucursal |||| sucursales',
      page: { create: 'Nueva sucursal' },
      fields: catalogEs.fields['branches'],
    },
    contacts: {
      name: 'Contacto |||| Contactos',
      forcedCaseName: 'contacto |||| contactos',
      page: { create: 'Nuevo contacto' },
      fields: catalogEs.fields['contacts'],
    },
  },
  ctacte: {
    tabs: {
      general: 'General',
      tax: 'Impositivos',
      commercial: 'Comerciales',
      contacts: 'Contactos',
      branches: 'Sucursales',
      plans: 'Planes',
    },
    sections: {
      identity: 'Identificación',
      address: 'Domicilio y contacto',
      account: 'Cuenta corriente',
      sales: 'Venta y cobranza',
      segments: 'Segmentos',
    },
    address: {
      countryHelp: 'Código ISO de dos letras (AR, UY, CL…)',
    },
    customerStatuses: catalogEs.values.customerStatuses,
    ivaConditions: catalogEs.values.ivaConditions,
    ivaShort: {
      1: 'Resp. Inscripto',
      4: 'Exento',
      5: 'Cons. Final',
      6: 'Monotributo',
      7: 'No Categorizado',
      9: 'Exterior',
      10: 'IVA Liberado',
      13: 'Monotr. Social',
      15: 'No Alcanzado',
      16: 'Monotr. Promovido',
    },
    taxIdTypes: catalogEs.values.taxIdTypes,
    grossIncomeRegimes: catalogEs.values.grossIncomeRegimes,
    customers: {
      location: 'Localidad',
      codeAndTaxId: 'Código / CUIT',
      iva: 'Cond. IVA',
      people: 'Vendedor / cobrador',
      credit: 'Límite / disponible',
      activity: 'Última venta / último cobro',
      showFilters: 'Mostrar filtros',
      hideFilters: 'Ocultar filtros',
      allProvinces: 'Todas',
      noLimit: 'Sin límite',
      bimonetaryHelp:
        'Lleva cuenta en pesos y en dólares, con saldo por moneda; el saldo y el límite son los de la moneda de la cuenta',
      noLimitHelp: 'Vacío: sin límite de crédito.',
      creditReadOnly: 'El límite de crédito y el estado los cambian un supervisor, la gerencia o un administrador.',
      creditOnly:
        'Como gerencia, puede cambiar el límite de crédito y el estado del cliente; el resto de la ficha es de solo lectura.',
      created: 'Cliente creado. Agregue sus contactos y sucursales.',
      saleAllowed: 'Puede comprar en cuenta corriente',
      saleBlocked: 'Venta en cuenta corriente bloqueada',
      daysOverdue:
        'Deuda vencida desde el %{date} (1 día; tolerancia: %{tolerance}) |||| Deuda vencida desde el %{date} (%{smart_count} días; tolerancia: %{tolerance})',
      filters: {
        credit: 'Crédito',
      },
    },
    branches: {
      commercial: 'Datos comerciales propios',
      inherits: 'Vacío: toma el del cliente',
      fromCustomer: '(del cliente)',
    },
    contacts: {
      owner: 'Pertenece a',
      collectionsHelp: 'A quien se llama por la cobranza',
    },
    import: {
      title: 'Importar clientes',
      intro:
        'Suba un archivo CSV con las columnas de la exportación de clientes. Una fila cuyo código ya existe actualiza a ese cliente; las demás dan de alta clientes nuevos. Primero se valida el archivo sin grabar nada; la importación graba todo o nada.',
      formats:
        'Se aceptan los archivos de Excel (separador punto y coma, coma decimal, fechas dd/mm/aaaa) y los CSV estándar (separador coma). Las columnas de saldos y fechas de la exportación se ignoran.',
      template: 'Descargar la exportación actual como plantilla',
      choose: 'Elegir archivo CSV',
      noFile: 'Ningún archivo elegido',
      check: 'Validar',
      commit: 'Importar',
      uploading: 'Enviando el archivo… %{percent} %',
      checking: 'Validando en el servidor…',
      importing: 'Importando en el servidor…',
      clean: 'El archivo no tiene errores. Pulse «Importar» para grabarlo.',
      hasErrors: 'Hay filas con errores; corríjalas antes de importar.',
      done: 'Importación terminada: %{created} clientes nuevos y %{updated} actualizados.',
      seeCustomers: 'Ver clientes',
      errorsTitle: 'Errores por fila',
      errorsTruncated: 'Se muestran los primeros %{shown} de %{total} errores.',
      row: 'Fila',
      column: 'Columna',
      message: 'Error',
      counts: {
        total: 'Filas',
        valid: 'Válidas',
        invalid: 'Con errores',
        toCreate: 'A dar de alta',
        toUpdate: 'A actualizar',
        created: 'Dados de alta',
        updated: 'Actualizados',
        unchanged: 'Sin cambios',
      },
    },
  },
};

export default customersEs;
