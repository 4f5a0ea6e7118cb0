// Draws images/icon.png (128×128): a white infusion drop with a check mark on a teal
// rounded square. Plain PNG bytes through zlib, so it needs no image tool.
// Run: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SS = 4; // supersampling per axis, for smooth edges

const TEAL = [14, 124, 134];
const WHITE = [255, 255, 255];

/** Inside the rounded square background. */
function inBackground(x, y) {
  const r = 24, m = 4;
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r);
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= SIZE - m && y >= m && y <= SIZE - m;
}

/** Inside the drop: a circle with a point on top (the tangent lines to the apex). */
function inDrop(x, y) {
  const cx = 64, cy = 76, r = 34, apexY = 14;
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  if (y < apexY || y > cy) return false;
  // Tangent points from the apex to the circle give the half-width at each height.
  const d = cy - apexY;
  const tanY = cy - (r * r) / d;
  if (y > tanY) return false;
  const halfAtTan = Math.sqrt(r * r - (tanY - cy) ** 2);
  const half = (halfAtTan * (y - apexY)) / (tanY - apexY);
  return Math.abs(x - cx) <= half;
}

/** Distance from a point to a segment, for the check mark stroke. */
function segDist(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
function inCheck(x, y) {
  const w = 5.5;
  return segDist(x, y, 46, 78, 59, 91) <= w || segDist(x, y, 59, 91, 84, 62) <= w;
}

function pixel(x, y) {
  let r = 0, g = 0, b = 0, a = 0;
  for (let sy = 0; sy < SS; sy++) {
    for (let sx = 0; sx < SS; sx++) {
      const px = x + (sx + 0.5) / SS, py = y + (sy + 0.5) / SS;
      if (!inBackground(px, py)) continue;
      const c = inDrop(px, py) && !inCheck(px, py) ? WHITE : TEAL;
      r += c[0]; g += c[1]; b += c[2]; a += 255;
    }
  }
  const n = SS * SS;
  // Colors are averaged over covered samples only (no dark fringe), alpha over all.
  const covered = a / 255 || 1;
  return [Math.round(r / covered), Math.round(g / covered), Math.round(b / covered), Math.round(a / n)];
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const [r, g, b, a] = pixel(x, y);
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
  }
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
