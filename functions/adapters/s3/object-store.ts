import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../../runtime/clients';

export async function readObjectText(bucket: string, key: string, maxBytes: number): Promise<string> {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if ((object.ContentLength ?? 0) > maxBytes) {
    object.Body?.transformToWebStream()
      .cancel()
      .catch(() => undefined);
    throw new Error(`Object too large (${object.ContentLength} bytes > ${maxBytes})`);
  }
  return (await object.Body?.transformToString('utf-8')) ?? '';
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
