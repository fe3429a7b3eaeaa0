import { catalogEs } from '../../../../shared/catalog/es';

/** Administración: users, segment levels, the audit log and the company's data. Castellano de la Argentina, registro profesional neutro (sin voseo). */
const adminEs = {
  resources: {
    users: {
      name: 'Usuario |||| Usuarios',
      forcedCaseName: 'usuario |||| usuarios',
      page: { create: 'Nuevo usuario' },
      fields: catalogEs.fields['users'],
    },
    'segment-levels': {
      name: 'Nivel de segmento |||| Niveles de segmento',
      forcedCaseName: 'nivel de segmento |||| niveles de segmento',
      fields: catalogEs.fields['segment-levels'],
    },
    'audit-events': {
      name: 'Evento de auditoría |||| Auditoría',
      forcedCaseName: 'evento de auditoría |||| eventos de auditoría',
      fields: catalogEs.fields['audit-events'],
    },
    company: {
      name: 'Empresa |||| Empresas',
      forcedCaseName: 'empresa |||| empresas',
      fields: catalogEs.fields['company'],
    },
  },
  ctacte: {
    company: {
      title: 'Datos de la empresa',
      readOnly: 'Solo un administrador puede modificar estos datos.',
      address: 'Domicilio y contacto',
      tax: 'Identificación',
      ledger: 'Cuentas corrientes',
      lockDateHelp: 'No se registra, anula ni imputa nada con fecha igual o anterior a esta.',
      toleranceHelp: 'Días de atraso admitidos antes de bloquear ventas a un cliente.',
      days: '%{smart_count} día |||| %{smart_count} días',
      logoHelp: 'PNG, JPEG o SVG de hasta 150 KB; se imprime en recibos, estados de cuenta y hojas de cobranza.',
      logoRemove: 'Quitar logo',
      logoTooLarge: 'El logo supera los 150 KB',
      ivaHelp: 'Define las letras que emite: A/B como Responsable Inscripto, C como Monotributo o Exento (RG 1415).',
      activityStart: 'Inicio de actividades',
      grossIncome: 'Ingresos Brutos',
    },
    users: {
      identity: 'Datos personales',
      access: 'Acceso',
      passwordOnCreate: 'Al menos 8 caracteres.',
      passwordOnEdit: 'Dejar vacío para no cambiarla.',
      neverLoggedIn: 'Nunca ingresó',
    },
    segmentLevels: {
      help: 'Los cuatro niveles con que la empresa agrupa a sus clientes (por ejemplo Zona, Rubro, Canal, Grupo).',
      level: 'Nivel %{level}',
    },
    audit: {
      actions: {
        create: 'Alta',
        update: 'Modificación',
        delete: 'Baja',
        login: 'Inicio de sesión',
        logout: 'Cierre de sesión',
        import: 'Importación',
        visit_result: 'Resultado de visita',
      },
      changes: {
        title: 'Cambios',
        field: 'Campo',
        before: 'Antes',
        after: 'Después',
        none: 'Este evento no registra datos.',
        raw: 'Datos completos (JSON)',
        onlyChanged: 'Solo los campos modificados',
        showAll: 'Todos los campos',
      },
    },
  },
};

export default adminEs;
