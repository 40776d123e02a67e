import { describe, expect, it } from 'vitest';
import { planReplay, scratchItem, scratchKey, withoutCondition } from '../../../bench/replay';

describe('raw baseline replay', () => {
  it('moves an item to a scratch key, out of the real index partitions and of the outbox trigger', () => {
    const item = {
      PK: { S: 'OUTBOX#01J' },
      SK: { S: 'OUTBOX' },
      GSI1PK: { S: 'OUTBOX#PENDING' },
      GSI1SK: { S: '2026#01J' },
      _type: { S: 'Outbox' },
      payload: { S: 'x' },
    };
    expect(scratchItem(item, 7)).toEqual({
      PK: { S: 'BENCH#SCRATCH#7' },
      SK: { S: 'OUTBOX' },
      GSI1PK: { S: 'BENCH#SCRATCH#GSI1PK' },
      GSI1SK: { S: '2026#01J' },
      _type: { S: 'BenchScratch' },
      payload: { S: 'x' },
    });
    expect(scratchKey({ PK: { S: 'USER#1' }, SK: { S: 'PROFILE' } }, 3)).toEqual({
      PK: { S: 'BENCH#SCRATCH#3' },
      SK: { S: 'PROFILE' },
    });
  });

  it('drops the condition, the client token and the names/values only the condition used', () => {
    const input = withoutCondition({
      TableName: 't',
      UpdateExpression: 'SET #s = :used, usedAt = :now',
      ConditionExpression: '#s = :pending AND codeDigest = :code',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':used': { S: 'used' },
        ':now': { S: 'n' },
        ':pending': { S: 'p' },
        ':code': { S: 'c' },
      },
      ClientRequestToken: 'abc',
    });
    expect(input).toEqual({
      TableName: 't',
      UpdateExpression: 'SET #s = :used, usedAt = :now',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':used': { S: 'used' }, ':now': { S: 'n' } },
    });
    const put = withoutCondition({
      TableName: 't',
      Item: {},
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    expect(put).toEqual({ TableName: 't', Item: {} });
  });

  it('plans the replay in the stages the route used', () => {
    const call = (operation: string, start: number, end: number) => ({
      operation,
      input: {},
      start,
      end,
      failed: false,
    });
    const plan = planReplay([
      call('BatchGetItem', 0, 4),
      call('GetItem', 5, 8),
      call('Query', 5.2, 9),
      call('UpdateItem', 10, 12),
    ]);
    expect(plan.stages.map((stage) => stage.map((c) => c.operation))).toEqual([
      ['BatchGetItem'],
      ['GetItem', 'Query'],
      ['UpdateItem'],
    ]);
    expect(plan.hasWrites).toBe(true);
    expect(plan.unsupported).toEqual([]);
    expect(planReplay([call('ExecuteStatement', 0, 1)]).unsupported).toEqual(['ExecuteStatement']);
  });
});

describe('duplicate reads', () => {
  it('flags an item read twice in one request, by entity prefix', async () => {
    const { duplicateReads } = await import('../../../bench/call-analysis');
    const user = { PK: { S: 'USER#01ABC' }, SK: { S: 'PROFILE' } };
    const calls = [
      {
        operation: 'BatchGetItem',
        input: { RequestItems: { t: { Keys: [{ PK: { S: 'SESSION#x' }, SK: { S: 'SESSION' } }, user] } } },
        start: 0,
        end: 1,
        failed: false,
      },
      { operation: 'GetItem', input: { Key: user }, start: 2, end: 3, failed: false },
    ];
    expect(duplicateReads(calls)).toEqual(['USER#… / PROFILE read 2× (BatchGetItem, GetItem)']);
    expect(duplicateReads(calls.slice(0, 1))).toEqual([]);
  });
});
