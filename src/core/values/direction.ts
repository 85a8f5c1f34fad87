import type { Direction } from '../model';
import { foldForMatch } from './text';

/** `lowerIsBetter` when the indicator's name holds one of the words (排出量, 時間外, 経常収支比率, 削減…). */
export function directionFromName(indicatorName: string, lowerIsBetterWords: readonly string[]): Direction | null {
  const name = foldForMatch(indicatorName);
  if (name === '') return null;
  return lowerIsBetterWords.some((w) => w !== '' && name.includes(foldForMatch(w))) ? 'lowerIsBetter' : null;
}
