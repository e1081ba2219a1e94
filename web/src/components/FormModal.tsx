// The console's dialogs that send one mutation: a modal with a form, an OK button that shows progress, and the
// server's Chinese error shown inside the dialog (the caller shows the success message and closes it).
import type React from 'react';
import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Modal } from 'antd';
import type { FormInstance, ModalProps } from 'antd';
import { errorText } from '../api/graphql';

export interface MutationModal {
  open: boolean;
  close(): void;
  saving: boolean;
  error: string | null;
  setError(e: string | null): void;
  /** Run the mutation: progress on, the error (in Chinese, else `fallback`) shown when it throws. */
  run(fn: () => Promise<void>, fallback?: string): Promise<void>;
  /** Validate the form, then run the mutation with its values (an invalid form shows its own messages). */
  submit<V>(form: FormInstance<V>, fn: (v: V) => Promise<void>): Promise<void>;
}

/** The mutation's result, or the error to show when the API answered null (not found or out of reach). */
export function found<T>(v: T | null | undefined, problem: string): T {
  if (v === null || v === undefined) throw new Error(problem);
  return v;
}

/** A dialog's state: open, its close, and the progress and error of its mutation (cleared each time it opens). */
export function useMutationModal(open: boolean, close: () => void): MutationModal {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reset as the modal opens (not after its animation, which could undo a quick user's choice).
  useEffect(() => { if (open) setError(null); }, [open]);
  const run = useCallback(async (fn: () => Promise<void>, fallback?: string) => {
    setSaving(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e, fallback));
    } finally {
      setSaving(false);
    }
  }, []);
  const submit = useCallback(async <V,>(form: FormInstance<V>, fn: (v: V) => Promise<void>) => {
    const v = await form.validateFields();
    await run(() => fn(v));
  }, [run]);
  return { open, close, saving, error, setError, run, submit };
}

interface FormModalProps extends Pick<ModalProps, 'title' | 'width' | 'okText' | 'footer'> {
  modal: MutationModal;
  /** Validate and run the mutation (a rejected form validation just leaves the form showing its messages). */
  onOk?(): Promise<void> | void;
  okTestId?: string;
  danger?: boolean;
  /** Shown above the error (notes on what the action does). */
  notice?: React.ReactNode;
  errorTestId?: string;
  children?: React.ReactNode;
}

export function FormModal({
  modal, title, width, okText, footer, onOk, okTestId, danger, notice, errorTestId = 'modal-error', children,
}: FormModalProps) {
  return (
    <Modal
      title={title}
      open={modal.open}
      onCancel={modal.close}
      onOk={onOk && (() => { void Promise.resolve(onOk()).catch(() => undefined); })}
      okText={okText}
      cancelText="取消"
      confirmLoading={modal.saving}
      destroyOnHidden
      width={width}
      footer={footer}
      okButtonProps={{ danger, 'data-testid': okTestId } as ModalProps['okButtonProps']}
    >
      {notice}
      {modal.error && <Alert type="error" showIcon title={modal.error} className="lz-form-alert" data-testid={errorTestId} />}
      {children}
    </Modal>
  );
}

/**
 * A row or page action confirmed in a Popconfirm: `busy` names the item in progress, success and failure are told
 * in a message.
 */
export function useAction() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  /** Run `fn` for `key`; on success say `success`, then `then` (e.g. read the list again) with fn's result. */
  const run = async <T,>(key: string, fn: () => Promise<T>, success: string, then?: (r: T) => unknown) => {
    setBusy(key);
    try {
      const r = await fn();
      message.success(success);
      await then?.(r);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

/** The horizontal form layout of the dialogs, labels `labelWidth` wide. */
export const modalFormLayout = (labelWidth: string) => ({
  layout: 'horizontal' as const,
  labelCol: { flex: labelWidth },
  wrapperCol: { flex: '1 1 0' },
  className: 'lz-modal-form',
});
