/**
 * Argentine national holidays and non-working days, 2026 and 2027: what a new company's
 * holiday table starts with (the admin edits it under Tablas → Feriados).
 *
 * Source: Ley 27.399 (Boletín Oficial 2017-10-18, https://www.argentina.gob.ar/normativa/nacional/ley-27399-281835)
 * — art. 2 feriados inamovibles, art. 3 trasladables (art. 6: one falling on Tuesday or Wednesday
 * moves to the Monday before, on Thursday or Friday to the Monday after; Saturday and Sunday stay),
 * art. 4 días no laborables (Jueves Santo), art. 7 up to three días no laborables con fines
 * turísticos a year, fixed by the Executive (2026: Decreto 614/2025 and Resolución JGM 164/2025:
 * 23/3, 10/7 and 7/12). Official calendar: https://www.argentina.gob.ar/interior/feriados-nacionales-2026
 * and …/feriados-nacionales-2027. The 2027 tourist days were not yet published when this was
 * written: the admin adds them when the decree appears.
 *
 * Días no laborables are optional for private employers; a collection round is still not planned
 * on them (banks are closed, many customers too) — the stricter reading. A company that works on
 * one deletes that row.
 */
export type HolidayKind = 'fixed' | 'movable' | 'non_working';

export const HOLIDAY_KINDS: readonly HolidayKind[] = ['fixed', 'movable', 'non_working'];

export const ARGENTINE_HOLIDAYS: Array<[date: string, kind: HolidayKind, name: string]> = [
  ['2026-01-01', 'fixed', 'Año Nuevo'],
  ['2026-02-16', 'fixed', 'Carnaval'],
  ['2026-02-17', 'fixed', 'Carnaval'],
  ['2026-03-23', 'non_working', 'Día no laborable con fines turísticos'],
  ['2026-03-24', 'fixed', 'Día Nacional de la Memoria por la Verdad y la Justicia'],
  ['2026-04-02', 'fixed', 'Día del Veterano y de los Caídos en la Guerra de Malvinas; Jueves Santo'],
  ['2026-04-03', 'fixed', 'Viernes Santo'],
  ['2026-05-01', 'fixed', 'Día del Trabajador'],
  ['2026-05-25', 'fixed', 'Día de la Revolución de Mayo'],
  ['2026-06-15', 'movable', 'Paso a la Inmortalidad del Gral. Martín Miguel de Güemes (17/6)'],
  ['2026-06-20', 'fixed', 'Paso a la Inmortalidad del Gral. Manuel Belgrano'],
  ['2026-07-09', 'fixed', 'Día de la Independencia'],
  ['2026-07-10', 'non_working', 'Día no laborable con fines turísticos'],
  ['2026-08-17', 'movable', 'Paso a la Inmortalidad del Gral. José de San Martín'],
  ['2026-10-12', 'movable', 'Día del Respeto a la Diversidad Cultural'],
  ['2026-11-23', 'movable', 'Día de la Soberanía Nacional (20/11)'],
  ['2026-12-07', 'non_working', 'Día no laborable con fines turísticos'],
  ['2026-12-08', 'fixed', 'Inmaculada Concepción de María'],
  ['2026-12-25', 'fixed', 'Navidad'],
  ['2027-01-01', 'fixed', 'Año Nuevo'],
  ['2027-02-08', 'fixed', 'Carnaval'],
  ['2027-02-09', 'fixed', 'Carnaval'],
  ['2027-03-24', 'fixed', 'Día Nacional de la Memoria por la Verdad y la Justicia'],
  ['2027-03-25', 'non_working', 'Jueves Santo'],
  ['2027-03-26', 'fixed', 'Viernes Santo'],
  ['2027-04-02', 'fixed', 'Día del Veterano y de los Caídos en la Guerra de Malvinas'],
  ['2027-05-01', 'fixed', 'Día del Trabajador'],
  ['2027-05-25', 'fixed', 'Día de la Revolución de Mayo'],
  ['2027-06-20', 'fixed', 'Paso a la Inmortalidad del Gral. Manuel Belgrano'],
  ['2027-06-21', 'movable', 'Paso a la Inmortalidad del Gral. Martín Miguel de Güemes (17/6)'],
  ['2027-07-09', 'fixed', 'Día de la Independencia'],
  ['2027-08-16', 'movable', 'Paso a la Inmortalidad del Gral. José de San Martín (17/8)'],
  ['2027-10-11', 'movable', 'Día del Respeto a la Diversidad Cultural (12/10)'],
  ['2027-11-20', 'movable', 'Día de la Soberanía Nacional'],
  ['2027-12-08', 'fixed', 'Inmaculada Concepción de María'],
  ['2027-12-25', 'fixed', 'Navidad'],
];
