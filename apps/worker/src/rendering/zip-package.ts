import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

/**
 * Writes a DOCX package (a ZIP file): each part DEFLATE-compressed by Node's zlib, in the order
 * given. docx zips with fflate, in JavaScript on the main thread; a province's report has a megabyte
 * of document and footnotes XML, and zlib compresses it several times faster, smaller, and on the
 * libuv thread pool, all parts at once. Entries carry a fixed date (1980-01-01): the time of
 * writing is in docProps/core.xml already.
 */
export async function zipPackage(parts: Array<{ path: string; data: string | Uint8Array }>): Promise<Buffer> {
  const entries = await Promise.all(
    parts.map(async ({ path, data }) => {
      const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const compressed = await deflate(raw);
      return { name: Buffer.from(path, 'utf8'), crc: crc32(raw), size: raw.length, compressed };
    }),
  );
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, e);
    local.writeUInt16LE(0, 28); // extra field length
    chunks.push(local, e.name, e.compressed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS
    writeCommon(dir, 6, e);
    // extra, comment, disk number, internal and external attributes: all 0
    dir.writeUInt32LE(offset, 42);
    central.push(dir, e.name);
    offset += 30 + e.name.length + e.compressed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

/** The fields a local header and a central directory entry share, from "version needed" on. */
function writeCommon(b: Buffer, at: number, e: { name: Buffer; crc: number; size: number; compressed: Buffer }) {
  b.writeUInt16LE(20, at); // version needed: 2.0 (DEFLATE)
  b.writeUInt16LE(0x0800, at + 2); // names are UTF-8
  b.writeUInt16LE(8, at + 4); // DEFLATE
  b.writeUInt16LE(0, at + 6); // time 00:00
  b.writeUInt16LE(DOS_DATE_1980_01_01, at + 8);
  b.writeUInt32LE(e.crc >>> 0, at + 10);
  b.writeUInt32LE(e.compressed.length, at + 14);
  b.writeUInt32LE(e.size, at + 18);
  b.writeUInt16LE(e.name.length, at + 22);
}
