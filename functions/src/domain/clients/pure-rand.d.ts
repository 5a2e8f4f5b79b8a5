// pure-rand 8 publishes subpath `exports` only; our `moduleResolution: node` cannot see them,
// so the two entry points we use are declared here (signatures copied from its .d.ts files).
declare module 'pure-rand/generator/xoroshiro128plus' {
  export interface PureRandomGenerator {
    clone(): PureRandomGenerator;
    next(): number;
    getState(): readonly number[];
  }
  export function xoroshiro128plus(seed: number): PureRandomGenerator;
}
declare module 'pure-rand/distribution/uniformInt' {
  import type { PureRandomGenerator } from 'pure-rand/generator/xoroshiro128plus';
  /** Uniform integer in [from, to] (both included); advances the generator. */
  export function uniformInt(rng: PureRandomGenerator, from: number, to: number): number;
}
