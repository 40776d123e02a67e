import { useEffect, useRef, useState } from 'react';
import type { BiaDocumentKind } from '../../../../../functions/contracts/affiliation';
import { isApiError } from '../../../shared/api';
import { postToStorage, UPLOAD_FAILED } from '../../../shared/uploads/post-to-storage';
import type { UploadStatus } from '../../../shared/uploads/UploadFileItem';
import { createBiaUploadUrl, type Bia, type BiaContentType } from '../api/bia-api';
import type { DocumentIds } from '../lib/bia-form';
import { selectBiaFiles } from '../lib/documents';

export interface BiaDocumentItem {
  /** Local id (a file may be picked twice). */
  key: string;
  kind: BiaDocumentKind;
  fileName: string;
  size: number;
  status: UploadStatus;
  /** 0–1. */
  progress: number;
  uploadId?: string;
  /** Why the upload failed, or why the server refused the file. */
  error?: string;
  /** Only for the files picked during this visit (what a retry sends again). */
  file?: File;
  contentType?: BiaContentType;
}

/** A refusal of the API about the documents: one file (by its rank among the kind's files sent) or the kind. */
export interface DocumentRefusal {
  kind: BiaDocumentKind;
  index?: number;
  message: string;
}

const messageOf = (error: unknown): string => {
  if (!isApiError(error)) return error instanceof Error && error.message ? error.message : UPLOAD_FAILED;
  const fieldMessage = error.fields ? Object.values(error.fields)[0] : undefined;
  return fieldMessage ?? error.message;
};

let keyCounter = 0;
const nextKey = () => `justificatif-${(keyCounter += 1)}`;

/**
 * The BIA's documents: those saved with the draft, and the files picked now, each sent to the
 * storage as soon as it is chosen (its progress bar moves while the employee goes on filling
 * the form). Saving or finalizing waits for the uploads still on their way.
 */
export function useBiaDocuments(token: string, saved: Bia['documents']) {
  const [items, setItems] = useState<BiaDocumentItem[]>(() =>
    saved.map((document) => ({
      key: nextKey(),
      kind: document.kind,
      fileName: document.fileName,
      size: document.size,
      status: 'uploaded' as const,
      progress: 1,
      uploadId: document.uploadId,
    })),
  );
  // Mirror of the state for the async code, which must see the latest list, not its closure's.
  const current = useRef<BiaDocumentItem[]>(items);
  const controllers = useRef(new Map<string, AbortController>());
  const inFlight = useRef(new Map<string, Promise<void>>());
  const [rejected, setRejected] = useState<Partial<Record<BiaDocumentKind, string[]>>>({});
  const [kindErrors, setKindErrors] = useState<Partial<Record<BiaDocumentKind, string>>>({});
  const [announcement, setAnnouncement] = useState('');

  const update = (change: (list: BiaDocumentItem[]) => BiaDocumentItem[]) => {
    current.current = change(current.current);
    setItems(current.current);
  };
  const patch = (key: string, values: Partial<BiaDocumentItem>) =>
    update((list) => list.map((item) => (item.key === key ? { ...item, ...values } : item)));

  // Leaving the page cancels the uploads still running.
  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const upload = (key: string) => {
    const item = current.current.find((candidate) => candidate.key === key);
    if (!item?.file || !item.contentType) return;
    const { file, contentType } = item;
    const controller = new AbortController();
    controllers.current.set(key, controller);
    patch(key, { status: 'uploading', progress: 0, error: undefined, uploadId: undefined });
    const run = (async () => {
      let granted = false;
      try {
        const grant = await createBiaUploadUrl(
          token,
          { kind: item.kind, fileName: file.name, contentType, size: file.size },
          controller.signal,
        );
        granted = true;
        await postToStorage(grant, file, (progress) => patch(key, { progress }), controller.signal);
        patch(key, { status: 'uploaded', progress: 1, uploadId: grant.uploadId });
        setAnnouncement(`« ${file.name} » est envoyé. Enregistrez votre bulletin pour le conserver.`);
      } catch (error) {
        if (controller.signal.aborted) return;
        // The API refusing the file (type, size, too many) is final; a network failure may be retried.
        const refused = !granted && isApiError(error) && error.status >= 400 && error.status < 500;
        patch(key, { status: refused ? 'refused' : 'failed', error: messageOf(error) });
        setAnnouncement(`« ${file.name} » n’a pas pu être envoyé.`);
      } finally {
        controllers.current.delete(key);
        inFlight.current.delete(key);
      }
    })();
    inFlight.current.set(key, run);
  };

  const add = (kind: BiaDocumentKind, files: readonly File[]) => {
    const already = current.current.filter((item) => item.kind === kind).length;
    const selection = selectBiaFiles(files, kind, already);
    setRejected((previous) => ({ ...previous, [kind]: selection.rejected }));
    setKindErrors((previous) => ({ ...previous, [kind]: undefined }));
    const added = selection.accepted.map(({ file, contentType }) => ({
      key: nextKey(),
      kind,
      fileName: file.name,
      size: file.size,
      status: 'uploading' as const,
      progress: 0,
      file,
      contentType,
    }));
    update((list) => [...list, ...added]);
    added.forEach((item) => upload(item.key));
  };

  const remove = (key: string) => {
    controllers.current.get(key)?.abort();
    const item = current.current.find((candidate) => candidate.key === key);
    update((list) => list.filter((candidate) => candidate.key !== key));
    if (item) setAnnouncement(`« ${item.fileName} » a été retiré.`);
  };

  /** Waits for the uploads still running; then the list as it stands. */
  const settled = async (): Promise<BiaDocumentItem[]> => {
    await Promise.allSettled([...inFlight.current.values()]);
    return current.current;
  };

  /** The upload ids to save, by kind, in the order shown (the API's `documents.rib.1` is the second RIB). */
  const idsByKind = (list: readonly BiaDocumentItem[] = current.current): DocumentIds => {
    const ids: DocumentIds = {};
    for (const item of list) {
      if (item.status !== 'uploaded' || !item.uploadId) continue;
      (ids[item.kind] ??= []).push(item.uploadId);
    }
    return ids;
  };

  /** The server's refusals, next to the file or the kind they concern. */
  const refuse = (refusals: readonly DocumentRefusal[]) => {
    const byKind: Partial<Record<BiaDocumentKind, string>> = {};
    const sent = current.current.filter((item) => item.status === 'uploaded' && item.uploadId);
    const fileRefusals = new Map<string, string>();
    for (const refusal of refusals) {
      const target =
        refusal.index === undefined
          ? undefined
          : sent.filter((item) => item.kind === refusal.kind)[refusal.index];
      if (target) fileRefusals.set(target.key, refusal.message);
      else byKind[refusal.kind] ??= refusal.message;
    }
    update((list) =>
      list.map((item) =>
        fileRefusals.has(item.key) ? { ...item, status: 'refused', error: fileRefusals.get(item.key) } : item,
      ),
    );
    setKindErrors(byKind);
  };

  const clearRefusals = () => setKindErrors({});

  const pendingOrBroken = (list: readonly BiaDocumentItem[]) =>
    list.filter((item) => item.status !== 'uploaded');

  return {
    items,
    rejected,
    kindErrors,
    announcement,
    add,
    remove,
    retry: upload,
    settled,
    idsByKind,
    refuse,
    clearRefusals,
    pendingOrBroken,
  };
}

export type BiaDocuments = ReturnType<typeof useBiaDocuments>;
