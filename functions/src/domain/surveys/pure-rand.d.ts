/**
 * Types for pure-rand's subpath exports: the functions tsconfig resolves modules the `node`
 * (node10) way, which ignores package `exports`; node itself resolves these paths at run time.
 */
declare module 'pure-rand/generator/xoroshiro128plus' {
  export interface RandomGenerator {
    clone(): RandomGenerator;
    next(): number;
    getState(): readonly number[];
  }
  export function xoroshiro128plus(seed: number): RandomGenerator;
}
declare module 'pure-rand/distribution/uniformInt' {
  import type { RandomGenerator } from 'pure-rand/generator/xoroshiro128plus';
  export function uniformInt(rng: RandomGenerator, from: number, to: number): number;
}
