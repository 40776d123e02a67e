import { type Acknowledgment, Stack, Validations } from 'aws-cdk-lib';
// cdk-nag's own spelling of tokens in finding ids (`<Table.Arn>/index/*`): reused so that our
// acknowledgments match its findings exactly. A move of this module fails the synth loudly.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a singleton aws-cdk-lib creates at the stack root for its own
 * custom resources (bucket notifications, bucket deployment, scheduler role): we do not write that
 * code, and its construct id carries a fixed hash after the prefix.
 */
export function acknowledgeCdkSingleton(
  stack: Stack,
  idPrefix: string,
  acknowledgments: Acknowledgment[],
): void {
  const singletons = stack.node.children.filter((child) => child.node.id.startsWith(idPrefix));
  if (singletons.length === 0) throw new Error(`No ${idPrefix}* construct in ${stack.stackName}`);
  for (const singleton of singletons) Validations.of(singleton).acknowledge(...acknowledgments);
}

/** The id of an IAM5 finding about a wildcard resource, e.g. `AwsSolutions-IAM5[Resource::<T.Arn>/index/*]`. */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/** The id of an IAM5 finding about a wildcard action, e.g. `AwsSolutions-IAM5[Action::s3:List*]`. */
export const wildcardActionFinding = (action: string): string => `AwsSolutions-IAM5[Action::${action}]`;
