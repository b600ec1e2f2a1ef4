/**
 * Draws the demo images: simple SVG scenes (a skyline, waves, a market...) in each image's
 * palette. Galley makes them itself, so the demo ships no photograph taken by anyone else.
 */
import type { DemoImage } from './demo-content-types.js';

const WIDTH = 1600;
const HEIGHT = 900;

function scene(motif: DemoImage['motif'], [light, mid, dark]: DemoImage['palette']): string {
  switch (motif) {
    case 'skyline': {
      const towers = Array.from({ length: 14 }, (_, index) => {
        const height = 220 + ((index * 137) % 380);
        return `<rect x="${index * 115 + 10}" y="${HEIGHT - 180 - height}" width="95" height="${height}" fill="${dark}"/>`;
      }).join('');
      return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${light}"/><circle cx="1250" cy="230" r="110" fill="${mid}"/>${towers}<rect y="${HEIGHT - 180}" width="${WIDTH}" height="180" fill="${mid}"/>`;
    }
    case 'waves': {
      const waves = [0, 1, 2, 3]
        .map((row) => {
          const y = 430 + row * 120;
          return `<path d="M0 ${y} Q200 ${y - 70} 400 ${y} T800 ${y} T1200 ${y} T1600 ${y} V${HEIGHT} H0Z" fill="${row % 2 ? mid : dark}" opacity="${0.6 + row * 0.1}"/>`;
        })
        .join('');
      return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${light}"/>${waves}`;
    }
    case 'hills':
      return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${light}"/><path d="M0 600 Q400 350 800 600 T1600 550 V900 H0Z" fill="${mid}"/><path d="M0 750 Q500 550 1000 750 T1600 700 V900 H0Z" fill="${dark}"/>`;
    case 'grid': {
      const cells = Array.from({ length: 40 }, (_, index) => {
        const x = (index % 8) * 200;
        const y = Math.floor(index / 8) * 180;
        return `<rect x="${x + 12}" y="${y + 12}" width="176" height="156" rx="10" fill="${index % 3 ? mid : dark}"/>`;
      }).join('');
      return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${light}"/>${cells}`;
    }
    case 'sun': {
      const rays = Array.from({ length: 16 }, (_, index) => {
        const angle = (index * Math.PI) / 8;
        return `<line x1="800" y1="450" x2="${800 + Math.cos(angle) * 700}" y2="${450 + Math.sin(angle) * 700}" stroke="${mid}" stroke-width="28"/>`;
      }).join('');
      return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${light}"/>${rays}<circle cx="800" cy="450" r="200" fill="${dark}"/>`;
    }
    case 'rain': {
      const drops = Array.from({ length: 90 }, (_, index) => {
        const x = (index * 173) % WIDTH;
        const y = ((index * 97) % 700) + 150;
        return `<line x1="${x}" y1="${y}" x2="${x - 20}" y2="${y + 60}" stroke="${mid}" stroke-width="6" stroke-linecap="round"/>`;
      }).join('');
      return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${light}"/><ellipse cx="500" cy="140" rx="420" ry="120" fill="${dark}"/><ellipse cx="1150" cy="120" rx="460" ry="130" fill="${dark}"/>${drops}`;
    }
    case 'market': {
      const stalls = Array.from({ length: 5 }, (_, index) => {
        const x = 60 + index * 305;
        const stripes = Array.from(
          { length: 6 },
          (_, s) =>
            `<rect x="${x + s * 45}" y="300" width="45" height="110" fill="${s % 2 ? light : mid}"/>`,
        ).join('');
        return `${stripes}<rect x="${x}" y="410" width="270" height="260" fill="${dark}"/><circle cx="${x + 70}" cy="460" r="30" fill="${mid}"/><circle cx="${x + 140}" cy="460" r="30" fill="${light}"/><circle cx="${x + 210}" cy="460" r="30" fill="${mid}"/>`;
      }).join('');
      return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${light}" opacity="0.5"/>${stalls}<rect y="670" width="${WIDTH}" height="230" fill="${mid}"/>`;
    }
    case 'stage':
      return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${dark}"/><path d="M0 0 H360 Q300 450 360 900 H0Z" fill="${mid}"/><path d="M1600 0 H1240 Q1300 450 1240 900 H1600Z" fill="${mid}"/><polygon points="800,0 520,720 1080,720" fill="${light}" opacity="0.35"/><rect y="720" width="${WIDTH}" height="180" fill="${mid}"/><circle cx="800" cy="560" r="60" fill="${light}"/><rect x="740" y="620" width="120" height="100" rx="30" fill="${light}"/>`;
    case 'portrait':
      return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${light}"/><ellipse cx="800" cy="900" rx="330" ry="260" fill="${dark}"/><circle cx="800" cy="420" r="170" fill="${mid}"/><path d="M630 420 Q640 200 800 210 Q960 200 970 420 Q960 300 800 290 Q640 300 630 420Z" fill="${dark}"/>`;
  }
}

/** The SVG source of a demo image; portraits are cropped square by the loader. */
export function demoImageSvg(image: DemoImage): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${scene(image.motif, image.palette)}</svg>`,
  );
}
