/**
 * A small RFC 4180 CSV reader (no CSV package is installed; see the issue-10 notes). Fields are
 * separated by commas; a field in double quotes may hold commas, line breaks and `""` for a
 * quote. Lines end in CRLF or LF. A leading UTF-8 byte-order mark (Excel's) is dropped, and a
 * final line break does not make an empty last record.
 */
export type CsvResult = { ok: true; rows: string[][] } | { ok: false; line: number; reason: 'quote' };

export function parseCsv(text: string): CsvResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  /** A quoted field just closed: only a separator or a line end may follow. */
  let closed = false;
  let line = 1;
  let rowLine = 1;
  const endField = () => {
    row.push(field);
    field = '';
    closed = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < input.length; i += 1) {
    const c = input.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
          closed = true;
        }
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      continue;
    }
    if (c === ',') {
      endField();
    } else if (c === '\r' && input[i + 1] === '\n') {
      // CRLF: the LF ends the row.
    } else if (c === '\n') {
      endRow();
      line += 1;
      rowLine = line;
    } else if (c === '"' && field === '' && !closed) {
      quoted = true;
    } else if (closed || c === '"') {
      return { ok: false, line: closed ? rowLine : line, reason: 'quote' };
    } else {
      field += c;
    }
  }
  if (quoted) return { ok: false, line: rowLine, reason: 'quote' };
  if (field !== '' || row.length > 0 || closed) endRow();
  return { ok: true, rows };
}
