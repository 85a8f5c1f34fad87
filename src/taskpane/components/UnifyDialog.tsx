/**
 * Confirmation before 統一する: exactly which cells change, from which character to which, named
 * (〇 and ○ look the same). Opens on キャンセル, so that pressing Enter twice never rewrites cells.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { type CellEdit, describeCharacters } from '../../core';
import { usePane } from '../pane';

export function UnifyDialog(props: {
  open: boolean;
  edits: readonly CellEdit[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { open, edits, onConfirm, onCancel } = props;
  const { lang, t } = usePane();
  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('unifyTitle')}</DialogTitle>
          <DialogContent>
            <ul aria-label={t('unifyTitle')}>
              {edits.map((e) => (
                <li key={`${e.sheet}!${e.cell}`}>
                  {t('unifyEdit', {
                    sheet: e.sheet,
                    cell: e.cell,
                    from: describeCharacters(e.expected, lang),
                    to: describeCharacters(e.value, lang),
                  })}
                </li>
              ))}
            </ul>
            <p>{t('unifyBody')}</p>
          </DialogContent>
          <DialogActions>
            {/* First, so that the dialog opens on it (Fluent focuses the first focusable element). */}
            <Button onClick={onCancel}>{t('cancel')}</Button>
            <Button appearance="primary" onClick={onConfirm}>
              {t('confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
