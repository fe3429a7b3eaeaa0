/**
 * A framework-free check of the es-AR formatting helpers. The browser-test run
 * calls it before starting (test/e2e/global-setup.ts); it can also run alone:
 * `npx tsx admin/src/common/selfcheck.ts`.
 */
import {
  compareDecimal,
  formatDecimal,
  formatDecimalTrimmed,
  formatMoney,
  parseDecimalInput,
  parseMoneyInput,
  roundDecimal,
  formatMoneyWhileTyping,
} from './money';
import { formatDate, formatDateTime, formatDateWhileTyping, parseDateInput } from './dates';
import { formatTimeWhileTyping, formatWindow, parseTimeInput } from './times';
import { cuitDigits, cuitProblem, formatCuit } from './cuit';
import { cbuProblem, formatCbu } from './cbu';
import { PROVINCES, provinceName } from './provinces';

type Case = [label: string, actual: unknown, expected: unknown];

const nb = '\u00a0';

export function formattingCases(): Case[] {
  const local = new Date(2026, 10, 27, 9, 5, 7);
  return [
    ['money grouping', formatMoney('1234567.89'), `$${nb}1.234.567,89`],
    ['money zero', formatMoney('0.00'), `$${nb}0,00`],
    ['money negative', formatMoney('-1234.5'), `-$${nb}1.234,50`],
    ['money negative zero', formatMoney('-0.001'), `$${nb}0,00`],
    ['money USD', formatMoney('99', 'USD'), `US$${nb}99,00`],
    ['money rounds half up on text', formatMoney('0.005'), `$${nb}0,01`],
    ['money carries', formatMoney('999999.995'), `$${nb}1.000.000,00`],
    ['money beyond float precision', formatMoney('12345678901234567.89'), `$${nb}12.345.678.901.234.567,89`],
    ['money from number', formatMoney(1500), `$${nb}1.500,00`],
    ['money empty', formatMoney(null), ''],
    ['money garbage passes through', formatMoney('abc'), 'abc'],
    ['decimal 4 places', formatDecimal('1.23456', 4), '1,2346'],
    ['round down', roundDecimal('2.344'), '2.34'],
    ['round negative', roundDecimal('-2.345'), '-2.35'],
    ['parse es-AR', parseMoneyInput('1.234,50'), '1234.50'],
    ['parse comma only', parseMoneyInput('1234,5'), '1234.50'],
    ['parse dot decimal', parseMoneyInput('1234.50'), '1234.50'],
    ['parse thousands dot', parseMoneyInput('1.234'), '1234.00'],
    ['parse many dots', parseMoneyInput('1.234.567'), '1234567.00'],
    ['parse symbol', parseMoneyInput('$ 1.000,00'), '1000.00'],
    ['parse empty', parseMoneyInput('  '), null],
    ['parse rejects letters', parseMoneyInput('12a'), undefined],
    ['parse rejects 3 decimals', parseMoneyInput('1,234'), undefined],
    ['typing keeps comma', formatMoneyWhileTyping('1234,'), '1.234,'],
    ['typing groups', formatMoneyWhileTyping('1234567,8'), '1.234.567,8'],
    ['date', formatDate('2026-03-05'), '05/03/2026'],
    ['date empty', formatDate(null), ''],
    ['date of instant', formatDate(local), '27/11/2026'],
    ['date time', formatDateTime(local), '27/11/2026 09:05'],
    ['date time seconds', formatDateTime(local, true), '27/11/2026 09:05:07'],
    ['date time of a date', formatDateTime('2026-01-31'), '31/01/2026'],
    ['parse date', parseDateInput('31/12/2020'), '2020-12-31'],
    ['parse short date', parseDateInput('1/2/26'), '2026-02-01'],
    ['parse bare digits', parseDateInput('29022024'), '2024-02-29'],
    ['parse ISO', parseDateInput('2026-11-27'), '2026-11-27'],
    ['parse rejects 30/02', parseDateInput('30/02/2026'), undefined],
    ['parse rejects 29/02 of a common year', parseDateInput('29/02/2026'), undefined],
    ['parse empty date', parseDateInput(''), null],
    ['parse time', parseTimeInput('9:30'), '09:30'],
    ['parse time digits', parseTimeInput('930'), '09:30'],
    ['parse time hours', parseTimeInput('14 hs'), '14:00'],
    ['parse time rejects 24:00', parseTimeInput('24:00'), undefined],
    ['typing time', formatTimeWhileTyping('1430'), '14:30'],
    ['time window', formatWindow('09:00', '12:30'), '09:00–12:30'],
    ['typing date', formatDateWhileTyping('311220'), '31/12/20'],
    ['typing date keeps slashes', formatDateWhileTyping('1/2/'), '1/2/'],
    ['typing date flows digits', formatDateWhileTyping('05/032026'), '05/03/2026'],
    ['typing date caps the year', formatDateWhileTyping('05/03/20261'), '05/03/2026'],
    ['typing date after a slash', formatDateWhileTyping('05/'), '05/'],
    ['cuit format', formatCuit('30712345671'), '30-71234567-1'],
    ['cuit partial', formatCuit('3071'), '30-71'],
    ['cuit digits', cuitDigits('30-71234567-1'), '30712345671'],
    ['cuit valid', cuitProblem('30-71234567-1'), undefined],
    ['cuit valid person', cuitProblem('20123456786'), undefined],
    ['cuit check digit', cuitProblem('30712345672'), { kind: 'checkDigit', expected: 1 }],
    ['cuit prefix', cuitProblem('99712345671'), { kind: 'prefix', prefix: '99' }],
    ['cuit length', cuitProblem('3071234567'), { kind: 'length' }],
    ['cbu valid', cbuProblem('2850590940090418135201'), undefined],
    ['cbu blocks', formatCbu('2850590940090418135201'), '28505909 40090418135201'],
    ['cbu bank check', cbuProblem('2850590840090418135201'), { kind: 'bankCheck', expected: 9 }],
    ['cbu account check', cbuProblem('2850590940090418135202'), { kind: 'accountCheck', expected: 1 }],
    ['cbu length', cbuProblem('285059094009041813520'), { kind: 'length' }],
    ['decimal comma', parseDecimalInput('1,125', 6), '1.125'],
    ['decimal point', parseDecimalInput('1.125', 6), '1.125'],
    ['decimal thousands', parseDecimalInput('1.045,50', 6), '1045.50'],
    ['decimal too many places', parseDecimalInput('2,555', 2), undefined],
    ['decimal compare', compareDecimal('1.10', '1.1'), 0],
    ['decimal trimmed', formatDecimalTrimmed('1.125000', 6, 2), '1,125'],
    ['decimal trimmed keeps min', formatDecimalTrimmed('1045.5', 6, 2), '1.045,50'],
    ['decimal trimmed to 4', formatDecimalTrimmed('1.2', 6, 4), '1,2000'],
    ['decimal compare less', compareDecimal('0.999999', '1'), -1],
    ['provinces', PROVINCES.length, 24],
    ['province name', provinceName('AR-X'), 'Córdoba'],
  ];
}

/** The failed cases, described; empty when every helper behaves. */
export function runSelfCheck(): string[] {
  return formattingCases()
    .filter(([, actual, expected]) => JSON.stringify(actual) !== JSON.stringify(expected))
    .map(([label, actual, expected]) => `${label}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

const invokedDirectly = typeof process !== 'undefined' && process.argv[1]?.endsWith('selfcheck.ts');
if (invokedDirectly) {
  const failures = runSelfCheck();
  for (const f of failures) process.stderr.write(`✗ ${f}\n`);
  process.stdout.write(`${formattingCases().length - failures.length} passed, ${failures.length} failed\n`);
  process.exitCode = failures.length ? 1 : 0;
}
