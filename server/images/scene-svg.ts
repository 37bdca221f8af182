// SVG drawings of the seed images: a landscape for posts (from scene.ts) and a
// simple portrait for avatars. Pure functions of the image name, so the answer can
// be cached forever and the demo works offline (API.md §8).
import { createRandom, hashString } from './random';
import { describeScene, SCENE_HEIGHT as H, SCENE_WIDTH as W, type Scene } from './scene';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Mixes a #rrggbb colour towards black (amount < 0) or white (amount > 0). */
function shade(hex: string, amount: number): string {
  const target = amount < 0 ? 0 : 255;
  const mix = (start: number) => Math.round(start + (target - start) * Math.abs(amount));
  const value = Number.parseInt(hex.slice(1), 16);
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map(mix);
  return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

function drawRidges(scene: Scene, random: ReturnType<typeof createRandom>, base: number): string {
  const mountains = scene.land.startsWith('mountains');
  const night = scene.time === 'night' ? -0.3 : 0;
  const parts: string[] = [];
  const step = W / scene.ridges;
  for (let i = 0; i < scene.ridges; i++) {
    const color = shade(scene.landColor.hex, night + (i % 2 === 0 ? 0 : -0.15));
    const center = step * i + step / 2 + random.int(-20, 20);
    const half = step / 2 + random.int(60, 110);
    if (mountains) {
      const peak = base - random.int(120, 190);
      parts.push(
        `<polygon points="${center - half},${base} ${center},${peak} ${center + half},${base}" fill="${color}"/>`,
      );
      const snowY = peak + 28;
      const snowHalf = (28 * half) / (base - peak);
      parts.push(
        `<polygon points="${center - snowHalf},${snowY} ${center},${peak} ${center + snowHalf},${snowY}" fill="${shade(color, 0.6)}"/>`,
      );
    } else {
      const height = random.int(60, 110) + (base === H ? 70 : 0);
      parts.push(
        `<ellipse cx="${center}" cy="${base}" rx="${half}" ry="${height}" fill="${color}"/>`,
      );
    }
  }
  return parts.join('');
}

function drawSky(scene: Scene, random: ReturnType<typeof createRandom>): string {
  const parts: string[] = [];
  for (let i = 0; i < scene.stars; i++) {
    parts.push(
      `<circle cx="${random.int(5, W - 5)}" cy="${random.int(5, 220)}" r="${random.pick([1, 1.5, 2])}" fill="#ffffff" opacity="0.8"/>`,
    );
  }
  const { light } = scene;
  parts.push(
    `<circle cx="${light.x}" cy="${light.y}" r="${light.radius * 1.6}" fill="${light.color.hex}" opacity="0.25"/>`,
  );
  parts.push(
    `<circle cx="${light.x}" cy="${light.y}" r="${light.radius}" fill="${light.color.hex}"/>`,
  );
  for (let i = 0; i < scene.clouds; i++) {
    const x = random.int(60, W - 120);
    const y = random.int(40, 150);
    parts.push(
      `<g fill="#ffffff" opacity="0.9"><ellipse cx="${x}" cy="${y}" rx="48" ry="16"/><ellipse cx="${x + 22}" cy="${y - 12}" rx="28" ry="16"/><ellipse cx="${x - 18}" cy="${y - 6}" rx="22" ry="12"/></g>`,
    );
  }
  for (let i = 0; i < scene.birds; i++) {
    const x = random.int(40, W - 60);
    const y = random.int(60, 190);
    parts.push(
      `<path d="M${x} ${y} q8 -9 16 0 q8 -9 16 0" fill="none" stroke="#222831" stroke-width="2.5" stroke-linecap="round"/>`,
    );
  }
  return parts.join('');
}

function drawSea(scene: Scene, random: ReturnType<typeof createRandom>, top: number): string {
  const color = shade(scene.seaColor.hex, scene.time === 'night' ? -0.4 : 0);
  const waves: string[] = [];
  for (let i = 0; i < 6; i++) {
    const x = random.int(20, W - 80);
    const y = random.int(top + 15, H - 10);
    waves.push(
      `<path d="M${x} ${y} h${random.int(30, 70)}" stroke="${shade(color, 0.35)}" stroke-width="2" stroke-linecap="round"/>`,
    );
  }
  return `<rect x="0" y="${top}" width="${W}" height="${H - top}" fill="${color}"/>${waves.join('')}`;
}

/** The post image of a seed name such as "post-12": a landscape described by its alt text. */
export function renderSceneSvg(scene: Scene): string {
  const random = createRandom(scene.detailSeed);
  const withSea = scene.land === 'sea' || scene.land.endsWith('-and-sea');
  const horizon = withSea ? 310 : H;
  const ridges = scene.ridges > 0 ? drawRidges(scene, random, horizon) : '';
  const sea = withSea ? drawSea(scene, random, horizon) : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img">`,
    `<title>${escapeXml(describeScene(scene))}</title>`,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.sky.top.hex}"/><stop offset="1" stop-color="${scene.sky.bottom.hex}"/></linearGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>`,
    drawSky(scene, random),
    ridges,
    sea,
    '</svg>',
  ].join('');
}

const avatarBackgrounds = [
  '#f4a261',
  '#2a9d8f',
  '#e76f51',
  '#8ab17d',
  '#6d597a',
  '#457b9d',
  '#e9c46a',
  '#b56576',
];
const skinTones = ['#f6d5b8', '#e8b894', '#c68c5f', '#8d5a3b', '#5c3a24'];
const hairColors = ['#2b1d14', '#5a3825', '#a0522d', '#d9b26f', '#1a1a1a', '#8a8a8a'];

/** Natural sizes of the seed's profile pictures: image_url, and thumb_url as course clients show it. */
export const AVATAR_SIZE = 150;
export const THUMBNAIL_SIZE = 30;

/**
 * A friendly head-and-shoulders portrait, its colours keyed by the image name, drawn
 * at `size` pixels: course clients show thumbnails at their natural size, so a
 * thumbnail must be small by itself, not a large picture shrunk by CSS.
 */
export function renderAvatarSvg(name: string, size = AVATAR_SIZE): string {
  const random = createRandom(hashString(name));
  const background = random.pick(avatarBackgrounds);
  const skin = random.pick(skinTones);
  const hair = random.pick(hairColors);
  const shirt = shade(random.pick(avatarBackgrounds), -0.35);
  const longHair = random.chance(0.5);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="${size}" height="${size}" role="img">`,
    '<title>Profile picture</title>',
    `<rect width="120" height="120" fill="${background}"/>`,
    longHair ? `<rect x="33" y="38" width="54" height="52" rx="20" fill="${hair}"/>` : '',
    `<path d="M18 120 C22 92 42 84 60 84 C78 84 98 92 102 120 Z" fill="${shirt}"/>`,
    `<rect x="52" y="70" width="16" height="18" fill="${skin}"/>`,
    `<circle cx="60" cy="54" r="24" fill="${skin}"/>`,
    `<path d="M35 52 C35 30 85 30 85 52 C78 40 44 40 35 52 Z" fill="${hair}"/>`,
    '</svg>',
  ].join('');
}
