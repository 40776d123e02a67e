import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../api';
import { postToStorage, UPLOAD_FAILED } from './post-to-storage';
import type { UploadStatus } from './UploadFileItem';

/** What the queue tracks of every file, whatever the form adds to it. */
export interface QueuedFile {
  /** Local id (a file may be picked twice). */
  key: string;
  status: UploadStatus;
  /** 0–1. */
  progress: number;
  uploadId?: string;
  /** Why the upload failed, or why the server refused the file. */
  error?: string;
}

/** The presigned POST the API grants for one file. */
interface StorageGrant {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
}

interface UploadQueueOptions<Item extends QueuedFile> {
  initial: () => Item[];
  /** The file to send and how to ask the API for its grant; none for a file saved earlier. */
  sourceOf: (item: Item) => { file: File; grant: (signal: AbortSignal) => Promise<StorageGrant> } | undefined;
  nameOf: (item: Item) => string;
  /** What the live region says once a file is in the storage. */
  uploadedMessage: (fileName: string) => string;
  /** The API refusing the grant (type, size, too many) is final: "refused", not "failed" (retried). */
  grantRefusalIsFinal?: boolean;
}

/** The French sentence of an upload's failure: the API's (field) message when it sent one. */
export const uploadErrorMessage = (error: unknown): string => {
  if (!isApiError(error)) return error instanceof Error && error.message ? error.message : UPLOAD_FAILED;
  const fieldMessage = error.fields ? Object.values(error.fields)[0] : undefined;
  return fieldMessage ?? error.message;
};

/**
 * Files sent to the storage as soon as they are picked (their progress bars move while the
 * user goes on filling the form), so submitting only waits for what is still on its way.
 */
export function useUploadQueue<Item extends QueuedFile>({
  initial,
  sourceOf,
  nameOf,
  uploadedMessage,
  grantRefusalIsFinal = false,
}: UploadQueueOptions<Item>) {
  const [items, setItems] = useState<Item[]>(initial);
  // Mirror of the state for the async code, which must see the latest list, not its closure's.
  const current = useRef<Item[]>(items);
  const controllers = useRef(new Map<string, AbortController>());
  const inFlight = useRef(new Map<string, Promise<void>>());
  const [announcement, setAnnouncement] = useState('');

  const update = (change: (list: Item[]) => Item[]) => {
    current.current = change(current.current);
    setItems(current.current);
  };
  const patch = (key: string, values: Partial<QueuedFile>) =>
    update((list) => list.map((item) => (item.key === key ? { ...item, ...values } : item)));

  // Leaving the page cancels the uploads still running.
  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const upload = (key: string) => {
    const item = current.current.find((candidate) => candidate.key === key);
    const source = item ? sourceOf(item) : undefined;
    if (!source) return;
    const { file } = source;
    const controller = new AbortController();
    controllers.current.set(key, controller);
    patch(key, { status: 'uploading', progress: 0, error: undefined, uploadId: undefined });
    const run = (async () => {
      let granted = false;
      try {
        const grant = await source.grant(controller.signal);
        granted = true;
        await postToStorage(grant, file, (progress) => patch(key, { progress }), controller.signal);
        patch(key, { status: 'uploaded', progress: 1, uploadId: grant.uploadId });
        setAnnouncement(uploadedMessage(file.name));
      } catch (error) {
        if (controller.signal.aborted) return;
        const refused =
          grantRefusalIsFinal && !granted && isApiError(error) && error.status >= 400 && error.status < 500;
        patch(key, { status: refused ? 'refused' : 'failed', error: uploadErrorMessage(error) });
        setAnnouncement(`« ${file.name} » n’a pas pu être envoyé.`);
      } finally {
        controllers.current.delete(key);
        inFlight.current.delete(key);
      }
    })();
    inFlight.current.set(key, run);
  };

  /** Appends the files picked and starts sending each. */
  const add = (added: Item[]) => {
    update((list) => [...list, ...added]);
    added.forEach((item) => upload(item.key));
  };

  const remove = (key: string) => {
    controllers.current.get(key)?.abort();
    const item = current.current.find((candidate) => candidate.key === key);
    update((list) => list.filter((candidate) => candidate.key !== key));
    if (item) setAnnouncement(`« ${nameOf(item)} » a été retiré.`);
  };

  /** Waits for the uploads still running; then the list as it stands. */
  const settled = async (): Promise<Item[]> => {
    await Promise.allSettled([...inFlight.current.values()]);
    return current.current;
  };

  const clear = () => {
    controllers.current.forEach((controller) => controller.abort());
    update(() => []);
  };

  return {
    items,
    /** The list as it stands now (for code that runs after a render). */
    latest: () => current.current,
    update,
    announcement,
    add,
    remove,
    retry: upload,
    settled,
    clear,
  };
}
