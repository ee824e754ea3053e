import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { templateToIcu } from './icu-source.js';
import { compileTemplate } from './template.js';

describe('templateToIcu', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['Only {left:integer} left of {sku}.', { left: 3, sku: 'A-1' }],
    ['Can\'t parse {"a": 1} near {pos:integer}', { pos: 7 }],
    ["It's '{x}' and {x}'s {{y}} # }{", { x: 'v', y: 'w' }],
    ['No placeholders at all', {}],
  ];
  it.each(cases)('renders %j as the source template does', (template, params) => {
    const icu = templateToIcu(template);
    const viaIcu = new IntlMessageFormat(icu, 'en').format(params);
    expect(viaIcu).toBe(compileTemplate(template)(params));
  });

  it('drops the type of a typed placeholder', () => {
    expect(templateToIcu('{n:integer} of {m}')).toBe('{n} of {m}');
  });
});
