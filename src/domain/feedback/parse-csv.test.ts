import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';

describe('parseCsv (RFC 4180)', () => {
  it.each([
    [
      'plain rows, LF',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF and no final line break',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma, quote and line break', 'c\n"x, ""y""\nz"\n', [['c'], ['x, "y"\nz']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['byte-order mark dropped', '\uFEFFrating\n5', [['rating'], ['5']]],
    ['empty quoted field', '"",a', [['', 'a']]],
    ['blank line kept as one empty field', 'a\n\nb', [['a'], [''], ['b']]],
    ['nothing', '', []],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual({ ok: true, rows });
  });

  it.each([
    ['an unclosed quote, at the line its record starts', 'a\n"open\nstill', 2],
    ['text after a closing quote', 'a\n"x"y,1', 2],
    ['a quote inside an unquoted field', 'a\nx"y', 2],
  ])('refuses %s', (_name, text, line) => {
    expect(parseCsv(text)).toEqual({ ok: false, line, reason: 'quote' });
  });
});
