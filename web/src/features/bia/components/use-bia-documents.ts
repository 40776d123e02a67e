import { useState } from 'react';
import type { BiaDocumentKind } from '../../../../../functions/contracts/affiliation';
import { useUploadQueue, type QueuedFile } from '../../../shared/uploads/use-upload-queue';
import { createBiaUploadUrl, type Bia, type BiaContentType } from '../api/bia-api';
import type { DocumentIds } from '../lib/bia-form';
import { selectBiaFiles } from '../lib/documents';

export interface BiaDocumentItem extends QueuedFile {
  kind: BiaDocumentKind;
  fileName: string;
  size: number;
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

let keyCounter = 0;
const nextKey = () => `justificatif-${(keyCounter += 1)}`;

/**
 * The BIA's documents: those saved with the draft, and the files picked now, each sent to the
 * storage as soon as it is chosen (its progress bar moves while the employee goes on filling
 * the form). Saving or finalizing waits for the uploads still on their way.
 */
export function useBiaDocuments(token: string, saved: Bia['documents']) {
  const queue = useUploadQueue<BiaDocumentItem>({
    initial: () =>
      saved.map((document) => ({
        key: nextKey(),
        kind: document.kind,
        fileName: document.fileName,
        size: document.size,
        status: 'uploaded' as const,
        progress: 1,
        uploadId: document.uploadId,
      })),
    // Only the files picked during this visit can be sent (again).
    sourceOf: ({ file, contentType, kind }) =>
      file && contentType
        ? {
            file,
            grant: (signal) =>
              createBiaUploadUrl(token, { kind, fileName: file.name, contentType, size: file.size }, signal),
          }
        : undefined,
    nameOf: (item) => item.fileName,
    uploadedMessage: (fileName) =>
      `« ${fileName} » est envoyé. Enregistrez votre bulletin pour le conserver.`,
    grantRefusalIsFinal: true,
  });
  const { update, latest } = queue;
  const [rejected, setRejected] = useState<Partial<Record<BiaDocumentKind, string[]>>>({});
  const [kindErrors, setKindErrors] = useState<Partial<Record<BiaDocumentKind, string>>>({});

  const add = (kind: BiaDocumentKind, files: readonly File[]) => {
    const already = latest().filter((item) => item.kind === kind).length;
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
    queue.add(added);
  };

  /** The upload ids to save, by kind, in the order shown (the API's `documents.rib.1` is the second RIB). */
  const idsByKind = (list: readonly BiaDocumentItem[] = latest()): DocumentIds => {
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
    const sent = latest().filter((item) => item.status === 'uploaded' && item.uploadId);
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
    items: queue.items,
    rejected,
    kindErrors,
    announcement: queue.announcement,
    add,
    remove: queue.remove,
    retry: queue.retry,
    settled: queue.settled,
    idsByKind,
    refuse,
    clearRefusals,
    pendingOrBroken,
  };
}

export type BiaDocuments = ReturnType<typeof useBiaDocuments>;
