import { describe, expect, it } from 'vitest';
import { newId } from './digest.js';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('makes RFC 9562 version 7 UUIDs carrying the time in milliseconds', () => {
    const at = Date.UTC(2026, 11, 6, 19, 30, 0, 123);
    const id = newId(at);
    expect(id).toMatch(uuidV7);
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts ids of later milliseconds after earlier ones, and never repeats', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) =>
      newId(1_800_000_000_000 + Math.floor(i / 4)),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 4; i < ids.length; i += 4) {
      expect((ids[i] ?? '') > (ids[i - 1] ?? '')).toBe(true);
    }
  });

  it('keeps 74 random bits: ids of the same millisecond differ beyond the time field', () => {
    const a = newId(0).replaceAll('-', '');
    const b = newId(0).replaceAll('-', '');
    expect(a.slice(0, 12)).toBe(b.slice(0, 12));
    expect(a.slice(12)).not.toBe(b.slice(12));
    expect(newId()).toMatch(uuidV7);
  });
});
