import * as CFB from 'cfb';

/**
 * Excel saves a password-protected workbook as an OLE compound file holding
 * `EncryptionInfo` and `EncryptedPackage` streams; an old .xls is a
 * compound file too. Both must be told apart from each other and from an
 * .xlsx before exceljs is given the file.
 */

/** The first eight bytes of every compound file. */
const COMPOUND_FILE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** Tells whether the bytes start like a compound file. */
export function isCompoundFile(head: Buffer): boolean {
  return head
    .subarray(0, COMPOUND_FILE_SIGNATURE.length)
    .equals(COMPOUND_FILE_SIGNATURE);
}

/**
 * Tells an encrypted Office document by its two encryption streams. A file
 * too damaged to list its streams is not called encrypted.
 */
export function isEncryptedPackage(data: Buffer): boolean {
  let names: string[];
  try {
    names = CFB.read(data, { type: 'buffer' }).FileIndex.map(e => e.name);
  } catch {
    return false;
  }
  return names.includes('EncryptionInfo') && names.includes('EncryptedPackage');
}
