/**
 * Node.js code the data catalog's backend and command-line tool share: the
 * districts' data-catalog workbook, read and written with exceljs.
 *
 * @packageDocumentation
 */

export * from './workbook';
