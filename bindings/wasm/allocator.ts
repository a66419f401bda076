/**
 * First-fit allocator over wasm linear memory, above the core's static data.
 * Freed blocks are coalesced with their neighbours (and with the top), so creating
 * and disposing models in a loop reuses the same bytes instead of growing memory.
 */
// 64 bytes: a cache line, so kernel speed does not depend on where a model lands
const ALIGN = 64;
const PAGE = 65536;

export class Allocator {
  private top: number;
  /** free blocks sorted by address */
  private free: Array<{ ptr: number; size: number }> = [];
  private sizes = new Map<number, number>();

  constructor(private readonly memory: WebAssembly.Memory, base: number) {
    this.top = align(base);
  }

  alloc(bytes: number): number {
    const size = align(Math.max(bytes, ALIGN));
    const i = this.free.findIndex((b) => b.size >= size);
    let ptr: number;
    if (i >= 0) {
      const b = this.free[i];
      ptr = b.ptr;
      if (b.size === size) this.free.splice(i, 1);
      else { b.ptr += size; b.size -= size; }
    } else {
      ptr = this.top;
      this.top += size;
      const need = this.top - this.memory.buffer.byteLength;
      if (need > 0) {
        try { this.memory.grow(Math.ceil(need / PAGE)); }
        catch { this.top -= size; throw new Error(`out of memory: cannot grow WebAssembly memory by ${Math.ceil(size / 2 ** 20)} MiB`); }
      }
    }
    this.sizes.set(ptr, size);
    new Uint8Array(this.memory.buffer, ptr, size).fill(0);
    return ptr;
  }

  release(ptr: number): void {
    const size = this.sizes.get(ptr);
    if (size === undefined) throw new Error(`release of unknown block ${ptr}`);
    this.sizes.delete(ptr);
    let i = this.free.findIndex((b) => b.ptr > ptr);
    if (i < 0) i = this.free.length;
    this.free.splice(i, 0, { ptr, size });
    // merge with the following and the preceding block
    if (i + 1 < this.free.length && this.free[i].ptr + this.free[i].size === this.free[i + 1].ptr) {
      this.free[i].size += this.free[i + 1].size;
      this.free.splice(i + 1, 1);
    }
    if (i > 0 && this.free[i - 1].ptr + this.free[i - 1].size === this.free[i].ptr) {
      this.free[i - 1].size += this.free[i].size;
      this.free.splice(i, 1);
      i--;
    }
    const last = this.free[this.free.length - 1];
    if (last && last.ptr + last.size === this.top) { this.top = last.ptr; this.free.pop(); }
  }

  /** Bytes in use (for tests and diagnostics). */
  get used(): number { let s = 0; for (const v of this.sizes.values()) s += v; return s; }
  get memoryBytes(): number { return this.memory.buffer.byteLength; }
}

const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;
