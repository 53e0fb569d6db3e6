import yauzl from 'yauzl';

/**
 * What an .xlsx, which is a zip, holds: the names of its entries, and the
 * first bytes of each worksheet, unpacked, which say how many rows the
 * sheet spans before any row is read.
 */
export interface ZipContents {
  names: string[];
  /** The start of each entry whose name `peek` accepted, by name. */
  heads: Map<string, string>;
}

const HEAD_BYTES = 16 * 1024;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

// The first bytes of an entry, then the stream is let go.
function readHead(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(error);
        return;
      }
      const chunks: Buffer[] = [];
      let length = 0;
      const done = () => {
        stream.destroy();
        resolve(Buffer.concat(chunks).toString('utf8'));
      };
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= HEAD_BYTES) {
          done();
        }
      });
      stream.on('end', done);
      stream.on('error', reject);
    });
  });
}

/**
 * Lists a zip's entries and reads the start of those `peek` accepts.
 * Rejects when the file cannot be read as a zip (damaged or truncated).
 */
export async function readZipContents(
  file: string,
  peek: (name: string) => boolean,
): Promise<ZipContents> {
  const zip = await openZip(file);
  const contents: ZipContents = { names: [], heads: new Map() };
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        contents.names.push(entry.fileName);
        if (!peek(entry.fileName)) {
          zip.readEntry();
          return;
        }
        readHead(zip, entry).then(head => {
          contents.heads.set(entry.fileName, head);
          zip.readEntry();
        }, reject);
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return contents;
}
