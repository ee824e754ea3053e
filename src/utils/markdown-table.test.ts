import { describe, expect, it } from 'vitest';
import { tableCell } from './markdown-table.js';

describe('tableCell', () => {
  it('escapes the pipe that would end the cell', () => {
    expect(tableCell('a | b')).toBe('a \\| b');
  });

  it('writes every kind of line break as <br>, so the row stays one line', () => {
    expect(tableCell('a\nb\r\nc\rd')).toBe('a<br>b<br>c<br>d');
  });

  it('leaves the rest of the Markdown as it is', () => {
    expect(tableCell('`x` and **y**')).toBe('`x` and **y**');
  });
});
