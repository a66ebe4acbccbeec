import type { PackedCuboid } from '../../../core/stats/index.js';

/**
 * A cuboid's cells as one text value: a JSON header (the dictionaries) and, after a newline,
 * the columns as base64 binary: counts as 32-bit integers, then the organisation and the three
 * codes at 16 bits when their dictionary allows, else 32. A cuboid of 50,000 cells is ~0.8 MB
 * of text read in one row, where one row per cell would cost the database 50,000 rows.
 * Typed arrays are written in the host's byte order (little-endian on every supported host).
 */

interface Header {
  v: number;
  cuboid: string;
  size: number;
  organisations: readonly string[];
  values: readonly (readonly string[])[];
  wide: readonly boolean[];
}

const wideFor = (dictionary: readonly string[]) => dictionary.length > 0xffff;

/** Encodes a cuboid for the `case_cube_cuboids.cells` column. */
export function encodeCuboid(cuboid: PackedCuboid): string {
  const codeColumns = [cuboid.org, cuboid.a, cuboid.b, cuboid.c];
  const wide = [cuboid.organisations, ...cuboid.values].map(wideFor);
  const parts: Uint8Array[] = [
    new Uint8Array(cuboid.count.buffer, cuboid.count.byteOffset, cuboid.size * 4),
  ];
  codeColumns.forEach((column, i) => {
    const cells = column.subarray(0, cuboid.size);
    const view = wide[i] === true ? cells : Uint16Array.from(cells);
    parts.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  });
  const header: Header = {
    v: 1,
    cuboid: cuboid.cuboidId,
    size: cuboid.size,
    organisations: cuboid.organisations,
    values: cuboid.values,
    wide,
  };
  return `${JSON.stringify(header)}\n${Buffer.concat(parts).toString('base64')}`;
}

/** Decodes what {@link encodeCuboid} wrote; throws on anything else. */
export function decodeCuboid(text: string): PackedCuboid {
  const newline = text.indexOf('\n');
  if (newline < 0) throw new Error('cuboid cells without a header');
  const header = JSON.parse(text.slice(0, newline)) as Header;
  if (header.v !== 1 || header.values.length !== 3) throw new Error('unknown cuboid format');
  const bytes = Buffer.from(text.slice(newline + 1), 'base64');
  const size = header.size;
  let offset = 0;
  // Copies out of the decoded buffer, so each column starts aligned.
  const take = (length: number): ArrayBuffer => {
    const start = bytes.byteOffset + offset;
    offset += length;
    if (offset > bytes.length) throw new Error('cuboid cells are truncated');
    return bytes.buffer.slice(start, start + length);
  };
  const count = new Int32Array(take(size * 4));
  const codes = header.wide.map((wide) =>
    wide ? new Uint32Array(take(size * 4)) : Uint32Array.from(new Uint16Array(take(size * 2))),
  );
  const [org, a, b, c] = codes as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  return {
    cuboidId: header.cuboid,
    organisations: header.organisations,
    values: header.values as PackedCuboid['values'],
    org,
    a,
    b,
    c,
    count,
    size,
  };
}
