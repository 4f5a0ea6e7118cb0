// A CSV file's bytes with bytes that are not UTF-8 in it (a Windows-1252 'é', a truncated and an
// overlong sequence), valid non-ASCII text and a real U+FFFD, and an NDC in 4-4-2 form (ndc-format)
// every `every` rows: the byte offsets of its rows are not those of its decoded text's UTF-8.

export const BAD_BYTES_HEADER = 'claim_id,member_id,auth_number,dos_from,notes,hcpcs,units,ndc,ndc_unit,ndc_qty';

/** The notes of data row i (0-based), as bytes. */
function notesOf(i: number): Buffer {
  if (i === 0) return Buffer.from([0x4a, 0x6f, 0x73, 0xe9]); // "Jos" + Windows-1252 é
  if (i === 3) return Buffer.from([0x61, 0xe2, 0x82, 0x62]); // a truncated 3-byte sequence
  if (i === 5) return Buffer.from([0xc0, 0xaf, 0x63]); // an overlong '/': two U+FFFD
  if (i === 7) return Buffer.from('Pe\u00f1a \u{1F489} \uFFFD', 'utf8'); // valid, a real U+FFFD
  return Buffer.from('x');
}

/** The file's bytes: the header and `rows` data rows; `eol` between rows. */
export function badBytesCsv(rows: number, every = 50, eol = '\n'): Buffer {
  const parts: Buffer[] = [Buffer.from(BAD_BYTES_HEADER + eol)];
  for (let i = 0; i < rows; i++) {
    const ndc = i % every === every - 1 ? '1234-5678-90' : '00143-9431-10';
    parts.push(Buffer.from(`C${i},M${i},P,2026-03-02,`), notesOf(i), Buffer.from(`,J2185,30,${ndc},UN,3${eol}`));
  }
  return Buffer.concat(parts);
}
