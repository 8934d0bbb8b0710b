package com.unicornstore.platform.aws;

import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Names, once the SDK has given up, a write whose outcome nobody knows: it marks the final failure
 * of a write operation with a {@link WriteOutcomeUnknown}. A refusal with an answer (a failed
 * condition, throttling, a validation error) is a known outcome and stays unmarked; so do reads.
 */
public final class WriteOutcomes implements ExecutionInterceptor {

    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems", "SendMessage", "SendMessageBatch", "DeleteMessage");

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (WRITES.contains(operation) && unanswered(failure) && WriteOutcomeUnknown.in(failure) == null) {
            failure.addSuppressed(new WriteOutcomeUnknown(
                    attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "." + operation));
        }
        return failure;
    }

    /** No answer, or an answer that says the server failed while handling it. */
    private static boolean unanswered(Throwable failure) {
        if (failure instanceof SdkServiceException service) {
            return service.statusCode() >= 500 && !service.isThrottlingException();
        }
        return failure instanceof SdkClientException;
    }
}
