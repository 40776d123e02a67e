import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../../runtime/clients';

/** The object's bytes, refused beyond `maxBytes` (the body is then not downloaded). */
export async function readObjectBytes(bucket: string, key: string, maxBytes: number): Promise<Uint8Array> {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if ((object.ContentLength ?? 0) > maxBytes) {
    object.Body?.transformToWebStream()
      .cancel()
      .catch(() => undefined);
    throw new Error(`Object too large (${object.ContentLength} bytes > ${maxBytes})`);
  }
  return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
}

export async function readObjectText(bucket: string, key: string, maxBytes: number): Promise<string> {
  return Buffer.from(await readObjectBytes(bucket, key, maxBytes)).toString('utf-8');
}

export async function writeJsonObject(bucket: string, key: string, value: unknown): Promise<void> {
  await s3Client().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: JSON.stringify(value, null, 2),
      ContentType: 'application/json; charset=utf-8',
    }),
  );
}
