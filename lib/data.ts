import { Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition, tableNameFor } from '../functions/adapters/dynamodb/table-definition';
import type { StageConfig } from './stages';

export interface DataProps {
  readonly stage: StageConfig;
}

/** The single table, built from the same definition as the local bootstrap. */
export class Data extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, { stage }: DataProps) {
    super(scope, id);
    const definition = tableDefinition;
    this.table = new Table(this, 'Table', {
      tableName: tableNameFor(stage.name),
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: definition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: stage.pointInTimeRecovery },
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
      timeToLiveAttribute: definition.ttlAttribute,
      stream: StreamViewType[definition.streamView],
    });
    for (const index of definition.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    if (!stage.pointInTimeRecovery) {
      Validations.of(this.table).acknowledge({
        id: 'AwsSolutions-DDB3',
        reason: `Stage ${stage.name} holds demo data only; point-in-time recovery is on in staging and prod.`,
      });
    }
  }
}
