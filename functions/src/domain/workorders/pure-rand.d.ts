// pure-rand 8 publishes its entry points through `exports` only, which the project's
// `moduleResolution: node` cannot see; these are the two we use (same signatures as its .d.ts).
declare module 'pure-rand/generator/xoroshiro128plus' {
  export interface RandomGenerator { clone(): RandomGenerator; next(): number }
  export function xoroshiro128plus(seed: number): RandomGenerator;
}
declare module 'pure-rand/distribution/uniformInt' {
  import type { RandomGenerator } from 'pure-rand/generator/xoroshiro128plus';
  export function uniformInt(rng: RandomGenerator, from: number, to: number): number;
}
