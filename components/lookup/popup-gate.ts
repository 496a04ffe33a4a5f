/**
 * The popup's first-answer gate: the popup's idle work (the full look-up's code, the settings, the
 * worker's wake-up) waits until the first answer is painted, so that the answer has the main thread
 * and IndexedDB to itself. Made when the popup's code first runs, so its quiet moment counts from
 * the popup's opening.
 */
import { createGate } from '../page/first-answer-gate';

export const popupGate = createGate();
