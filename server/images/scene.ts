// The landscape a seed post image shows, drawn by scene-svg.ts and described by
// describeScene: both read the same parameters, so the seed's alt text says exactly
// what the picture shows. Deterministic: the same image name gives the same scene.
import { createRandom, hashString } from './random';

export interface NamedColor {
  name: string;
  hex: string;
}

export type TimeOfDay = 'sunrise' | 'midday' | 'sunset' | 'night';
export type Land = 'mountains' | 'hills' | 'sea' | 'mountains-and-sea' | 'hills-and-sea';

export interface Scene {
  time: TimeOfDay;
  sky: { top: NamedColor; bottom: NamedColor };
  /** The sun, or the moon at night. */
  light: { color: NamedColor; x: number; y: number; radius: number };
  land: Land;
  /** Mountains or hills (0 when the scene is open sea). */
  ridges: number;
  landColor: NamedColor;
  seaColor: NamedColor;
  clouds: number;
  birds: number;
  stars: number;
  /** Seed for placement details (positions of ridges, clouds, birds, stars). */
  detailSeed: number;
}

const c = (name: string, hex: string): NamedColor => ({ name, hex });

const skies: Record<TimeOfDay, Array<{ top: NamedColor; bottom: NamedColor }>> = {
  sunrise: [
    { top: c('lilac', '#8e7cc3'), bottom: c('peach', '#ffc9a3') },
    { top: c('pale blue', '#9ec9e8'), bottom: c('pink', '#f7b2c4') },
  ],
  midday: [
    { top: c('deep blue', '#2f6fcf'), bottom: c('pale blue', '#bfe2fb') },
    { top: c('blue', '#4a90d9'), bottom: c('white', '#eef6fc') },
  ],
  sunset: [
    { top: c('purple', '#4b2a6b'), bottom: c('orange', '#ff8c42') },
    { top: c('crimson', '#8c1c3c'), bottom: c('golden', '#ffc15e') },
    { top: c('indigo', '#2e2a6b'), bottom: c('pink', '#f28ca0') },
  ],
  night: [
    { top: c('black', '#05060f'), bottom: c('navy', '#1b2a5a') },
    { top: c('navy', '#0b1433'), bottom: c('dark teal', '#1d4b5a') },
  ],
};

const lights: Record<TimeOfDay, NamedColor[]> = {
  sunrise: [c('pale yellow', '#fff1a8'), c('soft orange', '#ffb56b')],
  midday: [c('bright yellow', '#ffe45c'), c('white', '#fffbe6')],
  sunset: [c('orange', '#ff7a1a'), c('red', '#e8432e'), c('golden', '#ffb300')],
  night: [c('silver', '#e3e7ef'), c('pale yellow', '#f6efc2')],
};

const landColors = [
  c('purple', '#5b3f8c'),
  c('blue', '#34568b'),
  c('green', '#3e7c4f'),
  c('grey', '#6b6e76'),
  c('brown', '#7a5a3a'),
  c('teal', '#2f7f7a'),
];
const seaColors = [c('blue', '#2a6fb0'), c('turquoise', '#2fa3a0'), c('dark blue', '#1d3f73')];
const lands: Land[] = ['mountains', 'hills', 'sea', 'mountains-and-sea', 'hills-and-sea'];
const times: TimeOfDay[] = ['sunrise', 'midday', 'sunset', 'night'];

export const SCENE_WIDTH = 600;
export const SCENE_HEIGHT = 450;

/** The scene of a seed image name such as "post-12". */
export function sceneFor(name: string): Scene {
  const random = createRandom(hashString(name));
  const time = random.pick(times);
  const land = random.pick(lands);
  const low = time === 'sunrise' || time === 'sunset';
  return {
    time,
    sky: random.pick(skies[time]),
    light: {
      color: random.pick(lights[time]),
      x: random.int(90, SCENE_WIDTH - 90),
      y: low ? random.int(215, 250) : random.int(70, 120),
      radius: random.int(30, 48),
    },
    land,
    ridges: land === 'sea' ? 0 : random.int(2, 4),
    landColor: random.pick(landColors),
    seaColor: random.pick(seaColors),
    clouds: time === 'night' ? 0 : random.int(0, 3),
    birds: time === 'night' ? 0 : random.int(0, 4),
    stars: time === 'night' ? random.int(20, 45) : 0,
    detailSeed: random.int(1, 2 ** 31),
  };
}

const numbers = ['no', 'one', 'two', 'three', 'four', 'five'];
const count = (n: number, one: string, many: string) =>
  `${numbers[n] ?? String(n)} ${n === 1 ? one : many}`;
const article = (word: string) => (/^[aeiou]/.test(word) ? `An ${word}` : `A ${word}`);

/** Alt text that describes the scene accurately (API.md §8: no quotes or backslashes). */
export function describeScene(scene: Scene): string {
  const { time, light, land, ridges, landColor, seaColor, sky } = scene;
  const body = time === 'night' ? 'full moon' : 'sun';
  const verb = {
    sunrise: 'rising over',
    midday: 'shining high above',
    sunset: 'setting over',
    night: 'glowing above',
  }[time];
  const ridgeWord = land.startsWith('mountains')
    ? ['mountain', 'mountains']
    : ['rolling hill', 'rolling hills'];
  const ridgeText = `${count(ridges, ridgeWord[0] as string, ridgeWord[1] as string)}`.replace(
    / (\w+)$/,
    ` ${landColor.name} $1`,
  );
  const sea = `a calm ${seaColor.name} sea`;
  const landText =
    land === 'sea' ? sea : land.endsWith('-and-sea') ? `${ridgeText} beside ${sea}` : ridgeText;
  const skyText =
    time === 'night' && scene.stars > 0
      ? `a starry ${sky.top.name} sky`
      : `a ${sky.top.name} and ${sky.bottom.name} sky`;
  const extras: string[] = [];
  if (scene.clouds > 0) extras.push(count(scene.clouds, 'white cloud', 'white clouds'));
  if (scene.birds > 0) extras.push(count(scene.birds, 'bird in flight', 'birds in flight'));
  const extraText = extras.length > 0 ? `, with ${extras.join(' and ')}` : '';
  return `${article(light.color.name)} ${body} ${verb} ${landText} under ${skyText}${extraText}.`;
}
