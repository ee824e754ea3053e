// The part of the `xliff` package (which ships no types) that src/messages/xliff.ts uses.
declare module 'xliff' {
  /** One unit: text, or an array of text and inline elements where the XML has markup. */
  export interface XliffUnit {
    source?: unknown;
    target?: unknown;
    note?: string;
  }
  export interface XliffJs {
    sourceLanguage?: string;
    targetLanguage?: string;
    /** Files by id, then units by id. */
    resources?: Record<string, Record<string, XliffUnit>>;
  }
  type Done = (err: Error | null, result?: XliffJs) => void;
  export function js2xliff(
    obj: XliffJs,
    opt: { indent?: string; targetXliffVersion?: string },
    cb: (err: Error | null, xml?: string) => void,
  ): string;
  export function xliff2js(xml: string, cb: Done): void;
  export function xliff12ToJs(xml: string, cb: Done): void;
}
