import { randomFillSync } from 'node:crypto';

// Node's randomBytes() costs about 10 µs a call whatever the size (it goes through its job
// machinery), which dominated bulk writes: a case needs a data key and two IVs. Filling a
// pool from the same CSPRNG and handing out copies costs about 1 µs. Handed-out bytes are
// zeroed in the pool at once, so no secret lingers there.
const poolSize = 16 * 1024;
const pool = Buffer.alloc(poolSize);
let offset = poolSize;

/** `size` bytes from the operating system's CSPRNG (via a pool), as a new buffer. */
export function secureRandomBytes(size: number): Buffer {
  if (size > poolSize / 4) return randomFillSync(Buffer.alloc(size));
  if (offset + size > poolSize) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + size));
  pool.fill(0, offset, offset + size);
  offset += size;
  return out;
}
