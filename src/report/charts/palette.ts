/**
 * The Okabe-Ito palette: eight colours told apart with every common form of
 * colour blindness (Okabe and Ito, "Color Universal Design", 2008; the
 * palette Wong recommends in Nature Methods 8:441, 2011). Every chart takes
 * its colours from here.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** In the published order; categorical scales cycle through it (yellow is left last but one: it is faint on white). */
export const PALETTE: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
];

/** Ink for rules and labels that mark a reference value (threshold, base, median). */
export const REFERENCE_INK = OKABE_ITO.black;

/** Grey for subtitles (not a data colour). */
export const MUTED_INK = '#5a5a5a';
