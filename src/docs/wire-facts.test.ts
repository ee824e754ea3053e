import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define.js';
import { generateHtml, generateMarkdown } from './index.js';

const api = defineCatalog({
  name: 'accounts',
  docs: 'https://accounts.example.com/errors',
  errors: {
    ACCOUNT_EXISTS: { status: 409, title: 'Account exists', wire: { google: { status: 'ALREADY_EXISTS' } } },
    CARD_DECLINED: {
      status: 402,
      title: 'Card declined',
      wire: { stripe: { type: 'card_error', docUrl: 'https://stripe.example.com/docs/card-declined' } },
    },
    PLAIN: { status: 404, title: 'Not found' },
  },
});

describe('the reference page shows the wire facts an entry states', () => {
  it('in Markdown, one line per entry that states some', () => {
    const md = generateMarkdown(api.model);
    expect(md).toContain('- **Wire:** Google status `ALREADY_EXISTS`\n');
    expect(md).toContain(
      '- **Wire:** Stripe type `card_error`, Stripe doc_url <https://stripe.example.com/docs/card-declined>\n',
    );
    expect(md.match(/\*\*Wire:\*\*/g)).toHaveLength(2);
  });

  it('in HTML, one line per entry that states some', () => {
    const html = generateHtml(api.model);
    expect(html).toContain('<p class="meta">Wire: Google status <code>ALREADY_EXISTS</code></p>');
    expect(html).toContain(
      '<p class="meta">Wire: Stripe type <code>card_error</code>, Stripe doc_url <code>https://stripe.example.com/docs/card-declined</code></p>',
    );
    expect(html.match(/<p class="meta">Wire:/g)).toHaveLength(2);
  });

  it('and the examples in the google and stripe formats send them', () => {
    expect(generateMarkdown(api.model, { dialect: 'google' })).toContain('"status": "ALREADY_EXISTS"');
    expect(generateMarkdown(api.model, { dialect: 'stripe' })).toContain('"type": "card_error"');
  });
});
