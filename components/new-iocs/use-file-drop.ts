import type { TargetedEvent } from 'preact';
import type { SubmitNote } from '../../lib/blocks/review-submit';
import { errorText } from '../../lib/text/error-text';

/**
 * A file chosen in the file input or dropped onto the New IOCs view, handed to `importFile` and its
 * sentence to `say`. Dragged text is left to the browser, so dropping a selection into the text
 * area still pastes it.
 */
export function useFileDrop(
  importFile: (file: File) => Promise<SubmitNote>,
  say: (note: SubmitNote) => void,
) {
  const load = (file: File) =>
    importFile(file).then(say, (error: unknown) =>
      say({ kind: 'error', text: `${file.name}: ${errorText(error)}` }),
    );
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
  return {
    onFileChange(event: TargetedEvent<HTMLInputElement>) {
      const file = event.currentTarget.files?.[0];
      // Cleared so choosing the same file again (after fixing it) imports it again.
      event.currentTarget.value = '';
      if (file) void load(file);
    },
    dropProps: {
      onDragOver(event: DragEvent) {
        if (carriesFiles(event)) event.preventDefault();
      },
      onDrop(event: DragEvent) {
        const file = event.dataTransfer?.files[0];
        if (!file) return;
        // Otherwise the browser would open the file in place of the extension's page.
        event.preventDefault();
        void load(file);
      },
    },
  };
}
