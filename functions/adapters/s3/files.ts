import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { s3Client } from '../../runtime/clients';

/** Downloads are short-lived presigned GETs; files never pass through a Lambda response. */
export const DOWNLOAD_URL_TTL_SECONDS = 300;

export async function objectExists(bucket: string, key: string): Promise<boolean> {
  try {
    await s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return false;
    throw error;
  }
}

export async function putFile(
  bucket: string,
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<void> {
  await s3Client().send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
  );
}

/** Streams a body of unknown length to S3 (multipart), e.g. a 20,000-row CSV export. */
export async function streamFile(
  bucket: string,
  key: string,
  body: Readable,
  contentType: string,
): Promise<void> {
  await new Upload({
    client: s3Client(),
    params: { Bucket: bucket, Key: key, Body: body, ContentType: contentType },
  }).done();
}

export async function downloadUrl(bucket: string, key: string, fileName: string, nowMs: number) {
  const url = await getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      ResponseContentDisposition: `attachment; filename="${fileName}"`,
    }),
    { expiresIn: DOWNLOAD_URL_TTL_SECONDS },
  );
  return { url, fileName, expiresAt: new Date(nowMs + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
}

/** Size and first bytes of an uploaded object: what the server checks before accepting it. */
export async function inspectObject(
  bucket: string,
  key: string,
): Promise<{ size: number; head: Uint8Array } | null> {
  try {
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const size = head.ContentLength ?? 0;
    if (size === 0) return { size, head: new Uint8Array() };
    const object = await s3Client().send(
      new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=0-15' }),
    );
    const bytes = await object.Body?.transformToByteArray();
    return { size, head: bytes ?? new Uint8Array() };
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return null;
    throw error;
  }
}

export async function moveObject(bucket: string, from: string, to: string): Promise<void> {
  await s3Client().send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: to,
      CopySource: `${bucket}/${encodeURIComponent(from).replace(/%2F/g, '/')}`,
    }),
  );
  await s3Client().send(new DeleteObjectCommand({ Bucket: bucket, Key: from }));
}

/** A browser upload straight to S3: the key, the size range and the content type are fixed here. */
export async function presignedUpload(
  bucket: string,
  key: string,
  contentType: string,
  maxBytes: number,
  ttlSeconds: number,
) {
  return createPresignedPost(s3Client(), {
    Bucket: bucket,
    Key: key,
    Conditions: [
      ['content-length-range', 1, maxBytes],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: ttlSeconds,
  });
}
