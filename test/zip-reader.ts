/**
 * Reads a zip the way an LMS does: from the central directory, each entry's local header,
 * inflated (or stored) data, checked against the CRC-32 and sizes the directory records.
 * Test-only: it reads exactly what cli/zip.ts writes (no zip64, no encryption).
 */
import { crc32, inflateRawSync } from "node:zlib";

export interface ReadEntry { name: string; method: number; data: Buffer; crc: number }

export function readZip(zip: Buffer): ReadEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("no end-of-central-directory record");
  const count = zip.readUInt16LE(end + 10), dirSize = zip.readUInt32LE(end + 12), dirStart = zip.readUInt32LE(end + 16);
  if (dirStart + dirSize !== end) throw new Error("central directory does not end where the end record starts");
  const out: ReadEntry[] = [];
  let p = dirStart;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`entry ${i}: bad central header signature`);
    const method = zip.readUInt16LE(p + 10), crc = zip.readUInt32LE(p + 16);
    const packed = zip.readUInt32LE(p + 20), size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28), extraLen = zip.readUInt16LE(p + 30), commentLen = zip.readUInt16LE(p + 32);
    const offset = zip.readUInt32LE(p + 42);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLen);
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`${name}: bad local header signature`);
    if (zip.readUInt32LE(offset + 14) !== crc) throw new Error(`${name}: local and central CRC differ`);
    const localName = zip.toString("utf8", offset + 30, offset + 30 + zip.readUInt16LE(offset + 26));
    if (localName !== name) throw new Error(`${name}: local header names ${localName}`);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const body = zip.subarray(start, start + packed);
    const data = method === 8 ? inflateRawSync(body) : method === 0 ? Buffer.from(body) : (() => { throw new Error(`${name}: method ${method}`); })();
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 mismatch`);
    out.push({ name, method, data, crc });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
