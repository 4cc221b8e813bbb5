// A small RFC 4180 CSV reader: comma-separated fields, optional double quotes around a field, "" for a quote
// inside a quoted field, line breaks (LF or CRLF) allowed inside quotes. One pass over the characters, so a
// note with commas, quotes or line breaks never shifts the columns.

/** Parses CSV text into rows of fields. A trailing line break does not make an empty last row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // skip a byte-order mark
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy the run up to the next quote in one slice.
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted field at end of input');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into records keyed by column name; rows with the wrong field count throw. */
export function parseCsvRecords(text: string): Array<Record<string, string>> {
  const [header, ...body] = parseCsv(text);
  if (!header) return [];
  // A blank line parses as one empty field: not a record.
  return body.filter((f) => !(f.length === 1 && f[0] === '')).map((fields, k) => {
    if (fields.length !== header.length) {
      throw new Error(`CSV: record ${k + 1} has ${fields.length} fields, the header has ${header.length}`);
    }
    const rec: Record<string, string> = {};
    header.forEach((name, j) => (rec[name] = fields[j]));
    return rec;
  });
}
