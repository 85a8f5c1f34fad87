/**
 * Why a host operation failed, what each failure carries, and what the user reads: shared by every
 * shell that talks to a workbook through the host port (the pane, the ribbon command, the preview).
 */
import { formatMessage, type Lang, type Message } from './messages/format';

/** Why a host operation failed, with what the message needs (lists as arrays, joined per language). */
export interface HostErrorDetails {
  readonly conflict: { readonly sheets: readonly string[] };
  readonly protected: { readonly sheets?: readonly string[] };
  readonly notSupported: { readonly feature: string };
  readonly cellEdit: { readonly detail?: string };
  readonly payloadTooLarge: { readonly detail?: string };
  readonly network: { readonly detail?: string };
  readonly notFound: { readonly detail?: string };
  readonly invalidArgument: { readonly detail?: string };
  readonly accessDenied: { readonly detail?: string };
  readonly changedMeanwhile: { readonly cells: readonly string[] };
  /** The preview's rollover on the file met what it cannot adjust safely. */
  readonly rolloverRefused: { readonly reasons: readonly string[] };
  /** The preview's file has a part (named as in the package) that the summary cannot be added to. */
  readonly notGraftable: { readonly part: string };
  readonly unknown: { readonly detail?: string };
}

export type HostErrorCode = keyof HostErrorDetails;

/** The detail argument: optional exactly when the code needs nothing. */
type DetailArgument<C extends HostErrorCode> =
  Record<string, never> extends HostErrorDetails[C]
    ? [detail?: HostErrorDetails[C]]
    : [detail: HostErrorDetails[C]];

export class HostError<C extends HostErrorCode = HostErrorCode> extends Error {
  readonly detail: HostErrorDetails[C];

  constructor(
    readonly code: C,
    message: string,
    ...[detail]: DetailArgument<C>
  ) {
    super(message);
    this.name = 'HostError';
    this.detail = detail ?? ({} as HostErrorDetails[C]);
  }
}

/** What went wrong in the workbook, and what to do: shown in the pane's message bar. */
export const hostErrorMessages: Readonly<Record<HostErrorCode, Message>> = {
  conflict: {
    ja: 'シート{sheets:quoted}は利用者のシートのため上書きしません。何も書き込んでいません。シート名を変えてから、もう一度実行してください。',
    en: 'Sheet {sheets:quoted} is yours, so it is not overwritten. Nothing was written. Rename it and try again.',
  },
  protected: {
    ja: 'ブックまたはシートが保護されているため書き込めません。何も変更していません。保護を解除してから実行してください。',
    en: 'The workbook or sheet is protected, so nothing was written. Unprotect it and try again.',
  },
  notSupported: {
    ja: 'このバージョンのExcelでは使えない機能です（{feature} が必要）。',
    en: 'This version of Excel does not support this feature (needs {feature}).',
  },
  cellEdit: {
    ja: 'セルの編集中は実行できません。Enter キーで編集を終えてから、もう一度実行してください。',
    en: 'Excel is editing a cell. Press Enter to finish editing, then try again.',
  },
  payloadTooLarge: {
    ja: 'データが大きすぎて一度に送れませんでした。何も変更していません。',
    en: 'The data was too large to send at once. Nothing was changed.',
  },
  network: {
    ja: 'Excel との通信が途切れました。前回の集計表はそのまま残っています。もう一度実行してください。',
    en: 'The connection to Excel was lost. The previous summary is still there. Please try again.',
  },
  notFound: {
    ja: '対象のシートまたはセルが見つかりません: {detail}',
    en: 'The sheet or cell was not found: {detail}',
  },
  invalidArgument: {
    ja: 'Excel が値を受け付けませんでした: {detail}',
    en: 'Excel refused a value: {detail}',
  },
  accessDenied: {
    ja: 'Excel が書き込みを拒否しました（読み取り専用で開いていませんか）。何も変更していません。',
    en: 'Excel refused to write (is the workbook open read-only?). Nothing was changed.',
  },
  changedMeanwhile: {
    ja: 'セル {cells} の内容が確認後に変わったため、書き込みを中止しました。もう一度チェックしてください。',
    en: 'Cells {cells} changed after you confirmed, so nothing was written. Please check again.',
  },
  rolloverRefused: {
    ja: 'この年度更新はファイルのままでは安全に行えないため、何も変更していません（{reasons}）。Excel でブックを開き、アドインから実行してください。',
    en: 'This rollover cannot be done safely on the file, so nothing was changed ({reasons}). Open the workbook in Excel and run it from the add-in.',
  },
  notGraftable: {
    ja: 'ブック内の {part} が想定外の形式のため、集計表を追加できません。何も変更していません。Excel でブックを開き、アドインで集計表を作成してください。',
    en: 'The summary cannot be added: {part} inside the workbook has a form we do not expect. Nothing was changed. Open the workbook in Excel and create the summary with the add-in.',
  },
  unknown: {
    ja: '予期しないエラーが発生しました: {detail}',
    en: 'Something unexpected went wrong: {detail}',
  },
};

/** Any failure as a sentence for the message bar: what happened and what to do. */
export function describeError(err: unknown, lang: Lang): string {
  if (err instanceof HostError)
    return formatMessage(hostErrorMessages[err.code as HostErrorCode], lang, {
      detail: err.message,
      ...(err.detail as HostErrorDetails[HostErrorCode]),
    });
  return formatMessage(hostErrorMessages.unknown, lang, {
    detail: err instanceof Error ? err.message : String(err),
  });
}
