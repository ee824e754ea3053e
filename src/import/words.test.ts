import { describe, expect, it } from 'vitest';
import { fieldOfHeader, headerFields, inferFields } from './columns.js';
import { retryFromCell, retryFromWording } from './retry.js';
import { codeOf, statusHeading, statusOf, yesNo } from './words.js';

describe('statusOf', () => {
  it.each([
    ['404', 404],
    ['404 Not Found', 404],
    ['Not Found', 404],
    ['HTTP 429', 429],
    ['`503`', 503],
    ['422 - Unprocessable Entity', 422],
    ['Too Many Requests', 429],
  ])('reads %s', (text, status) => expect(statusOf(text)).toBe(status));
  it.each(['four hundred', 'Creator missing', ''])('reads no status in %j', (text) =>
    expect(statusOf(text)).toBeUndefined(),
  );
});

describe('statusHeading', () => {
  it('takes any reason in a marked heading, only the status’s own on a text line', () => {
    expect(statusHeading('404 Resource gone')).toBe(404);
    expect(statusHeading('404 Resource gone', true)).toBeUndefined();
    expect(statusHeading("400 - Creator doesn't exist", true)).toBeUndefined();
    expect(statusHeading('400 Bad Request', true)).toBe(400);
  });
});

describe('cells', () => {
  it('codes in backticks or plain, never a sentence', () => {
    expect(codeOf('`card_declined`')).toBe('card_declined');
    expect(codeOf('NOT_FOUND')).toBe('NOT_FOUND');
    expect(codeOf('Not found here')).toBeUndefined();
    expect(codeOf('404')).toBeUndefined();
  });
  it('yes and no, with the note after a dash', () => {
    expect(yesNo('Yes — retry with backoff')).toEqual({ yes: true, note: 'retry with backoff' });
    expect(yesNo('no')).toEqual({ yes: false });
    expect(yesNo('Sometimes')).toBeUndefined();
  });
});

describe('columns', () => {
  it('names header cells in the ways real pages write them', () => {
    expect(
      ['Error code', 'Reason', 'HTTP status', 'Meaning', 'How to fix', 'Retryable', 'Message'].map(
        fieldOfHeader,
      ),
    ).toEqual(['code', 'code', 'status', 'description', 'remediation', 'retry', 'message']);
    expect(headerFields(['Code', 'HTTP', 'Description'])).toEqual(['code', 'status', 'description']);
    expect(headerFields(['Plan', 'Price'])).toBeUndefined();
  });
  it('tells the columns of a table without a header by their cells', () => {
    expect(inferFields([['FORBIDDEN', '403', 'No', 'Not yours.', 'Ask the owner.']])).toEqual([
      'code',
      'status',
      'retry',
      'description',
      'remediation',
    ]);
    expect(inferFields([['Some text', 'More text']])).toBeUndefined();
  });
});

describe('retry', () => {
  it('a Yes cell takes the window and attempts the wording states', () => {
    expect(retryFromCell('Yes', 'Back off 60 seconds, then retry once.')?.retry).toEqual({
      retryable: true,
      strategy: 'after',
      afterMs: 60_000,
      maxAttempts: 2,
    });
    expect(retryFromCell('No — fix the request', '')?.retry).toEqual({
      retryable: false,
      note: 'fix the request',
    });
  });
  it('wording alone is a guess, and says which words', () => {
    expect(retryFromWording('The service is busy. Retry later.')).toMatchObject({
      retry: { retryable: true, strategy: 'exponential' },
      inferred: expect.arrayContaining(['retry from wording "Retry later"']),
    });
    expect(retryFromWording('Do not retry: the token is revoked.')?.retry).toEqual({ retryable: false });
    expect(retryFromWording('Incorrect password. Please try again.')).toBeUndefined();
  });
});
