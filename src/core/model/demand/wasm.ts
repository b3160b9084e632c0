import type { DemandKernel } from './kernel.js';
import { KERNEL_WASM_BASE64 } from './wasm-binary.generated.js';
import { type ImageLayout, type ImageRun, layoutImage, readImage, writeImage } from './wasm-image.js';

/**
 * The demand kernel compiled to WebAssembly (src/wasm/demand-kernel.c, 128-bit SIMD), loaded from
 * the bytes embedded in the core: the same in Node, in a browser and in their workers. It gives the
 * same bits as the TypeScript kernel, which stays the reference and the fallback where WebAssembly
 * is missing or refuses the module.
 */

/** The part of the WebAssembly API the loader uses (the core's library has no DOM or Node types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

interface Loaded {
  readonly memory: { buffer: ArrayBuffer; grow(pages: number): number };
  readonly integrate: (base: number) => number;
  readonly heapBase: number;
}

let loaded: Loaded | undefined;
let failure: string | undefined;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decode base64 (the embedded module; `atob` is not in the core's library). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const value = new Int16Array(128).fill(-1);
  for (let k = 0; k < ALPHABET.length; k++) value[ALPHABET.charCodeAt(k)] = k;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let o = 0;
  for (let k = 0; k < clean.length; k++) {
    const v = value[clean.charCodeAt(k)] as number;
    if (v < 0) throw new RangeError(`base64: character ${JSON.stringify(clean[k])} at ${k} is not base64`);
    bits = (bits << 6) | v;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >> count) & 255;
    }
  }
  return out;
}

/** Compile and instantiate the module once per thread; undefined (and why) where that fails. */
function load(): Loaded | undefined {
  if (loaded !== undefined || failure !== undefined) return loaded;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) {
    failure = 'this JavaScript engine has no WebAssembly';
    return undefined;
  }
  try {
    const instance = new api.Instance(new api.Module(decodeBase64(KERNEL_WASM_BASE64)), {});
    const { memory, armsrace_integrate, __heap_base } = instance.exports as {
      memory: Loaded['memory'];
      armsrace_integrate: Loaded['integrate'];
      __heap_base: { value: number };
    };
    loaded = { memory, integrate: armsrace_integrate, heapBase: __heap_base.value };
  } catch (e) {
    failure = `the WebAssembly kernel did not load: ${e instanceof Error ? e.message : String(e)}`;
  }
  return loaded;
}

/**
 * Whether the WebAssembly kernel runs here, and if not, why.
 *
 * @example wasmKernelStatus() // → { available: true }
 */
export function wasmKernelStatus(): { available: true } | { available: false; reason: string } {
  return load() !== undefined ? { available: true } : { available: false, reason: failure as string };
}

const PAGE = 65536;

/** The most memory the module may grow to (wasm32 addresses 4 GiB; engines may allow less). */
const MAX_BYTES = 2 ** 31;

/** A model too large for the WebAssembly kernel's memory; the TypeScript kernel can still run it. */
export class WasmMemoryError extends RangeError {}

/**
 * Integrate `kernel` over `run` with RK4 in the WebAssembly kernel: the annual means and year
 * states of `integrateAnnual`, bit for bit, and the steps taken.
 *
 * @throws {Error} when the WebAssembly kernel is not available here (see {@link wasmKernelStatus})
 * @throws {WasmMemoryError} when the model does not fit in the module's memory
 */
export function integrateWasm(kernel: DemandKernel, run: ImageRun): ReturnType<typeof readImage> & { steps: number } {
  const wasm = load();
  if (wasm === undefined) throw new Error(failure);
  const layout: ImageLayout = layoutImage(kernel, run);
  const base = Math.ceil(wasm.heapBase / 16) * 16;
  const need = base + layout.bytes;
  const have = wasm.memory.buffer.byteLength;
  const tooLarge = () =>
    new WasmMemoryError(
      `members: the model needs ${Math.ceil(need / 2 ** 20)} MiB, more than the WebAssembly kernel's memory takes; run fewer members per model or kernel: typescript`,
    );
  if (need > MAX_BYTES) throw tooLarge();
  if (need > have) {
    try {
      wasm.memory.grow(Math.ceil((need - have) / PAGE));
    } catch {
      throw tooLarge();
    }
  }
  const buffer = wasm.memory.buffer;
  writeImage(buffer, base, layout, kernel, run);
  const steps = wasm.integrate(base);
  if (steps < 0) throw new Error('the WebAssembly kernel refused the image: its layout is not the module’s');
  return { ...readImage(buffer, base, layout), steps };
}
