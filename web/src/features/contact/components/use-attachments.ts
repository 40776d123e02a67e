import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../shared/api';
import { createContactUpload } from '../api/contact-api';
import { selectFiles, type AttachmentContentType } from '../lib/attachments';
import { postToStorage, UPLOAD_FAILED } from '../../../shared/uploads/post-to-storage';

export type AttachmentStatus = 'uploading' | 'uploaded' | 'failed' | 'refused';

export interface Attachment {
  /** Local id (a file may be picked twice). */
  key: string;
  file: File;
  contentType: AttachmentContentType;
  status: AttachmentStatus;
  /** 0–1. */
  progress: number;
  uploadId?: string;
  /** Why the upload failed, or why the server refused the file when the message was sent. */
  error?: string;
}

const messageOf = (error: unknown): string => {
  if (!isApiError(error)) return error instanceof Error && error.message ? error.message : UPLOAD_FAILED;
  const fieldMessage = error.fields ? Object.values(error.fields)[0] : undefined;
  return fieldMessage ?? error.message;
};

let keyCounter = 0;

/**
 * The files of a message being written. Each one is sent to the storage as soon as it is
 * picked (its progress bar moves while the user writes), so sending the message only waits
 * for what is still on its way.
 */
export function useAttachments(companyId: string) {
  const [attachments, setState] = useState<Attachment[]>([]);
  // Mirror of the state for the async code, which must see the latest list, not its closure's.
  const current = useRef<Attachment[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const inFlight = useRef(new Map<string, Promise<void>>());
  const [rejected, setRejected] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');

  const update = (change: (list: Attachment[]) => Attachment[]) => {
    current.current = change(current.current);
    setState(current.current);
  };
  const patch = (key: string, values: Partial<Attachment>) =>
    update((list) => list.map((item) => (item.key === key ? { ...item, ...values } : item)));

  // Leaving the page cancels the uploads still running.
  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const upload = (key: string) => {
    const item = current.current.find((candidate) => candidate.key === key);
    if (!item) return;
    const controller = new AbortController();
    controllers.current.set(key, controller);
    patch(key, { status: 'uploading', progress: 0, error: undefined, uploadId: undefined });
    const run = (async () => {
      try {
        const grant = await createContactUpload(
          companyId,
          { fileName: item.file.name, contentType: item.contentType, size: item.file.size },
          controller.signal,
        );
        await postToStorage(grant, item.file, (progress) => patch(key, { progress }), controller.signal);
        patch(key, { status: 'uploaded', progress: 1, uploadId: grant.uploadId });
        setAnnouncement(`« ${item.file.name} » est prêt à être envoyé avec votre message.`);
      } catch (error) {
        if (controller.signal.aborted) return;
        patch(key, { status: 'failed', error: messageOf(error) });
        setAnnouncement(`« ${item.file.name} » n’a pas pu être envoyé.`);
      } finally {
        controllers.current.delete(key);
        inFlight.current.delete(key);
      }
    })();
    inFlight.current.set(key, run);
  };

  const add = (files: readonly File[]) => {
    const selection = selectFiles(files, current.current.length);
    setRejected(selection.rejected);
    const added = selection.accepted.map(({ file, contentType }) => ({
      key: `piece-${(keyCounter += 1)}`,
      file,
      contentType,
      status: 'uploading' as const,
      progress: 0,
    }));
    update((list) => [...list, ...added]);
    added.forEach((item) => upload(item.key));
  };

  const remove = (key: string) => {
    controllers.current.get(key)?.abort();
    const item = current.current.find((candidate) => candidate.key === key);
    update((list) => list.filter((candidate) => candidate.key !== key));
    if (item) setAnnouncement(`« ${item.file.name} » a été retiré.`);
  };

  /** Waits for the uploads still running; then the list as it stands. */
  const settled = async (): Promise<Attachment[]> => {
    await Promise.allSettled([...inFlight.current.values()]);
    return current.current;
  };

  /** The server refused these files (by position in the list sent): shown next to each. */
  const refuse = (refusals: { key: string; message: string }[]) =>
    update((list) =>
      list.map((item) => {
        const refusal = refusals.find((candidate) => candidate.key === item.key);
        return refusal ? { ...item, status: 'refused', error: refusal.message } : item;
      }),
    );

  const clear = () => {
    controllers.current.forEach((controller) => controller.abort());
    update(() => []);
    setRejected([]);
  };

  return { attachments, rejected, announcement, add, remove, retry: upload, settled, refuse, clear };
}
