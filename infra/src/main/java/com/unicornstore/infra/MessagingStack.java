package com.unicornstore.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.constructs.Construct;

/** Every SQS queue the platform declares, each with its dead-letter queue and redrive policy, encrypted and TLS-only. */
public class MessagingStack extends Stack {

    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();

    public MessagingStack(Construct scope, String id, StackProps props, PlatformResources resources,
            Deployment deployment) {
        super(scope, id, props);
        for (PlatformResources.Queue spec : resources.queues()) {
            Queue deadLetters = new Queue(this, DataStack.logicalName(spec.deadLetterQueue()), base(spec.deadLetterQueue(),
                    deployment).retentionPeriod(Duration.seconds(spec.deadLetterRetentionSeconds())).build());
            Queue queue = new Queue(this, DataStack.logicalName(spec.name()), base(spec.name(), deployment)
                    .retentionPeriod(Duration.seconds(spec.retentionSeconds()))
                    .visibilityTimeout(Duration.seconds(spec.visibilityTimeoutSeconds()))
                    .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters)
                            .maxReceiveCount(spec.maxReceiveCount()).build())
                    .build());
            queues.put(spec.name(), queue);
            deadLetterQueues.put(spec.deadLetterQueue(), deadLetters);
        }
    }

    private static QueueProps.Builder base(String name, Deployment deployment) {
        return QueueProps.builder().queueName(name).encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .removalPolicy(deployment.removalPolicy());
    }

    public Map<String, Queue> queues() {
        return Map.copyOf(queues);
    }

    public Map<String, Queue> deadLetterQueues() {
        return Map.copyOf(deadLetterQueues);
    }
}
