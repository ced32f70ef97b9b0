#!/usr/bin/env node
// Renders the extension icon to public/icon/<size>.png (the sizes WXT picks up by itself)
// and writes the same design as assets/icon.svg for store artwork.
// Only Node built-ins: geometry is sampled on a supersampling grid for anti-aliasing,
// PNG chunks are deflated with zlib and checksummed with a hand-written CRC32.
//
//   node scripts/make-icons.mjs
//
// Design: a dark-blue rounded square carrying a gold progress ring (most of the way round,
// on a faint track) with a white tick inside: "milestone done".

import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [16, 32, 48, 96, 128];
const SUPERSAMPLE = 8; // 8×8 samples per pixel

// ---- design, in unit coordinates (0..1 across the icon) ----------------------------------

const COLORS = {
  bgTop: [0x1a, 0x4f, 0x8f],
  bgBottom: [0x0a, 0x22, 0x44],
  track: [0xff, 0xff, 0xff, 0.2],
  arc: [0xf5, 0xb8, 0x2e, 1],
  tick: [0xff, 0xff, 0xff, 1],
};
const RING = { cx: 0.5, cy: 0.5, r: 0.3, startDeg: -90, sweepDeg: 280 };
const TICK = [
  [0.365, 0.515],
  [0.465, 0.615],
  [0.645, 0.425],
];

/** Size-dependent parts: small icons get no padding and thicker strokes so they stay legible. */
function layout(size) {
  const margin = size <= 16 ? 0 : 1 / 16;
  const stroke = Math.max(0.09, 1.7 / size);
  return { margin, radius: 0.22 * (1 - 2 * margin), stroke };
}

// ---- geometry --------------------------------------------------------------------------------

function insideRoundedRect(x, y, m, rad) {
  const half = (1 - 2 * m) / 2;
  const qx = Math.abs(x - 0.5) - (half - rad);
  const qy = Math.abs(y - 0.5) - (half - rad);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  const inside = Math.min(Math.max(qx, qy), 0);
  return outside + inside - rad <= 0;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const rad = (deg) => (deg * Math.PI) / 180;
const arcPoint = (deg) => [RING.cx + RING.r * Math.cos(rad(deg)), RING.cy + RING.r * Math.sin(rad(deg))];

function onRing(x, y, w) {
  return Math.abs(Math.hypot(x - RING.cx, y - RING.cy) - RING.r) <= w / 2;
}

function onArc(x, y, w) {
  // Angles grow clockwise on screen because y points down.
  if (onRing(x, y, w)) {
    let a = (Math.atan2(y - RING.cy, x - RING.cx) * 180) / Math.PI - RING.startDeg;
    a = ((a % 360) + 360) % 360;
    if (a <= RING.sweepDeg) return true;
  }
  // round caps
  const [sx, sy] = arcPoint(RING.startDeg);
  const [ex, ey] = arcPoint(RING.startDeg + RING.sweepDeg);
  return Math.hypot(x - sx, y - sy) <= w / 2 || Math.hypot(x - ex, y - ey) <= w / 2;
}

function onTick(x, y, w) {
  for (let i = 0; i + 1 < TICK.length; i++) if (distToSegment(x, y, TICK[i], TICK[i + 1]) <= w / 2) return true;
  return false;
}

/** Premultiplied RGBA (0..1) of the design at unit point (x, y). */
function sample(x, y, L) {
  if (!insideRoundedRect(x, y, L.margin, L.radius)) return [0, 0, 0, 0];
  const t = Math.min(1, Math.max(0, (y - L.margin) / (1 - 2 * L.margin)));
  let c = COLORS.bgTop.map((v, i) => (v + (COLORS.bgBottom[i] - v) * t) / 255);
  const over = (rgba) => {
    const a = rgba[3];
    c = c.map((v, i) => v * (1 - a) + (rgba[i] / 255) * a);
  };
  if (onArc(x, y, L.stroke)) over(COLORS.arc);
  else if (onRing(x, y, L.stroke)) over(COLORS.track);
  if (onTick(x, y, L.stroke)) over(COLORS.tick);
  return [...c, 1];
}

function render(size) {
  const L = layout(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const s = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, L);
          for (let i = 0; i < 4; i++) acc[i] += s[i];
        }
      }
      const a = acc[3] / (n * n);
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) rgba[o + i] = a > 0 ? Math.round((acc[i] / acc[3]) * 255) : 0;
      rgba[o + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

// ---- PNG -------------------------------------------------------------------------------------

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- SVG (same geometry, at 128 px) ----------------------------------------------------------

function svg() {
  const S = 128;
  const L = layout(S);
  const f = (v) => +(v * S).toFixed(2);
  const hex = (rgb) => '#' + rgb.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('');
  const [sx, sy] = arcPoint(RING.startDeg);
  const [ex, ey] = arcPoint(RING.startDeg + RING.sweepDeg);
  const large = RING.sweepDeg > 180 ? 1 : 0;
  const side = 1 - 2 * L.margin;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}">
  <!-- Generated by scripts/make-icons.mjs; edit the script, not this file. -->
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${hex(COLORS.bgTop)}"/>
      <stop offset="1" stop-color="${hex(COLORS.bgBottom)}"/>
    </linearGradient>
  </defs>
  <rect x="${f(L.margin)}" y="${f(L.margin)}" width="${f(side)}" height="${f(side)}" rx="${f(L.radius)}" fill="url(#bg)"/>
  <g fill="none" stroke-width="${f(L.stroke)}" stroke-linecap="round" stroke-linejoin="round">
    <circle cx="${f(RING.cx)}" cy="${f(RING.cy)}" r="${f(RING.r)}" stroke="${hex(COLORS.track)}" stroke-opacity="${COLORS.track[3]}"/>
    <path d="M ${f(sx)} ${f(sy)} A ${f(RING.r)} ${f(RING.r)} 0 ${large} 1 ${f(ex)} ${f(ey)}" stroke="${hex(COLORS.arc)}"/>
    <polyline points="${TICK.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}" stroke="${hex(COLORS.tick)}"/>
  </g>
</svg>
`;
}

// ---- main ------------------------------------------------------------------------------------

const outDir = join(root, 'public', 'icon');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file}`);
}
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'assets', 'icon.svg'), svg());
console.log(`wrote ${join(root, 'assets', 'icon.svg')}`);
