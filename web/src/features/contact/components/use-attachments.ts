import { useState } from 'react';
import type { UploadStatus } from '../../../shared/uploads/UploadFileItem';
import { useUploadQueue, type QueuedFile } from '../../../shared/uploads/use-upload-queue';
import { createContactUpload } from '../api/contact-api';
import { selectFiles, type AttachmentContentType } from '../lib/attachments';

export type AttachmentStatus = UploadStatus;

export interface Attachment extends QueuedFile {
  file: File;
  contentType: AttachmentContentType;
}

let keyCounter = 0;

/**
 * The files of a message being written. Each one is sent to the storage as soon as it is
 * picked (its progress bar moves while the user writes), so sending the message only waits
 * for what is still on its way.
 */
export function useAttachments(companyId: string) {
  const [rejected, setRejected] = useState<string[]>([]);
  const queue = useUploadQueue<Attachment>({
    initial: () => [],
    sourceOf: (item) => ({
      file: item.file,
      grant: (signal) =>
        createContactUpload(
          companyId,
          { fileName: item.file.name, contentType: item.contentType, size: item.file.size },
          signal,
        ),
    }),
    nameOf: (item) => item.file.name,
    uploadedMessage: (fileName) => `« ${fileName} » est prêt à être envoyé avec votre message.`,
  });

  const add = (files: readonly File[]) => {
    const selection = selectFiles(files, queue.latest().length);
    setRejected(selection.rejected);
    queue.add(
      selection.accepted.map(({ file, contentType }) => ({
        key: `piece-${(keyCounter += 1)}`,
        file,
        contentType,
        status: 'uploading' as const,
        progress: 0,
      })),
    );
  };

  /** The server refused these files (by position in the list sent): shown next to each. */
  const refuse = (refusals: { key: string; message: string }[]) =>
    queue.update((list) =>
      list.map((item) => {
        const refusal = refusals.find((candidate) => candidate.key === item.key);
        return refusal ? { ...item, status: 'refused', error: refusal.message } : item;
      }),
    );

  const clear = () => {
    queue.clear();
    setRejected([]);
  };

  return {
    attachments: queue.items,
    rejected,
    announcement: queue.announcement,
    add,
    remove: queue.remove,
    retry: queue.retry,
    settled: queue.settled,
    refuse,
    clear,
  };
}
