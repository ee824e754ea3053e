// The matchers' types on Vitest's and Jest's `expect`, for whoever imports
// errata/testing: `expect.extend(errataMatchers)` adds them at run time. A
// framework that is not installed is not affected (the augmentation of a
// module that cannot be found declares nothing a program uses).
import type { ErrataMatchers } from './matchers.js';

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest's own declaration reads `T = any`
  interface Matchers<T = any> extends ErrataMatchers<T> {}
}

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends ErrataMatchers<R> {}
}
