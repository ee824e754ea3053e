import { describe, expect, it } from 'vitest';
import { packExamples, unpackExample } from './_html-examples.js';

const example = (id: string, status: number, title: string) =>
  `HTTP/1.1 ${status} X\ncontent-type: application/problem+json\n\n{\n  "title": "${title}",\n  "status": ${status},\n  "code": "${id}"\n}`;

describe('packExamples', () => {
  it('keeps runs of lines that several examples share once, and each example unpacks to its text', () => {
    const ids = ['A_ONE', 'B_TWO', 'C_THREE', 'D'];
    const texts = [
      example('A_ONE', 404, 'One'),
      example('B_TWO', 404, 'Two'),
      example('C_THREE', 503, 'Three'),
      // Its own text has the first private-use character: the mark is the next one.
      `HTTP/1.1 400 X\n\n{"weird": "D \uE000 D"}`,
    ];
    const packed = packExamples(texts, ids);
    for (const [i, t] of texts.entries()) expect(unpackExample(packed, i, ids[i] as string)).toBe(t);
    // The status line and headers of the 404s, and their status and code lines (the id marked), are shared.
    expect(packed.mark).toBe('\uE001');
    expect(packed.shared).toEqual([
      'HTTP/1.1 404 X\ncontent-type: application/problem+json\n\n{',
      '  "status": 404,\n  "code": "\uE001"\n}',
    ]);
    expect(packed.examples[1]).toEqual([0, '  "title": "Two",', 1]);
  });

  it('keeps many similar examples in a fraction of their text', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `ERROR_${i}`);
    const texts = ids.map((id, i) => example(id, [400, 404, 503][i % 3] as number, `Error ${i}`));
    const packed = packExamples(texts, ids);
    for (const [i, t] of texts.entries()) expect(unpackExample(packed, i, ids[i] as string)).toBe(t);
    expect(JSON.stringify(packed).length).toBeLessThan(texts.join('').length * 0.4);
  });

  it('round-trips ids that occur anywhere in the text, overlapping or not', () => {
    const ids = ['AA', 'x', 'a.b'];
    const texts = ['AAA AA A', 'x-x-xx', 'a.b a_b a.b.'];
    const packed = packExamples(texts, ids);
    for (const [i, t] of texts.entries()) expect(unpackExample(packed, i, ids[i] as string)).toBe(t);
  });
});
