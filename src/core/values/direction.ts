import type { Direction } from '../model';
import { foldForMatch } from './text';

/** `lowerIsBetter` when the indicator's name holds one of the words (排出量, 時間外, 経常収支比率, 削減…). */
const foldedWords = new WeakMap<readonly string[], string[]>();

export function directionFromName(
  indicatorName: string,
  lowerIsBetterWords: readonly string[],
): Direction | null {
  const name = foldForMatch(indicatorName);
  if (name === '') return null;
  let words = foldedWords.get(lowerIsBetterWords);
  if (!words) {
    words = lowerIsBetterWords.map(foldForMatch).filter((w) => w !== '');
    foldedWords.set(lowerIsBetterWords, words);
  }
  return words.some((w) => name.includes(w)) ? 'lowerIsBetter' : null;
}

/** The direction the tool gives an indicator when the settings say nothing: from its name, else higher is better. */
export function detectedDirection(
  indicatorName: string,
  lowerIsBetterWords: readonly string[],
): { readonly direction: Direction; readonly source: 'name' | 'default' } {
  const fromName = directionFromName(indicatorName, lowerIsBetterWords);
  return fromName
    ? { direction: fromName, source: 'name' }
    : { direction: 'higherIsBetter', source: 'default' };
}
