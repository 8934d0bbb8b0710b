package com.unicornstore.platform.aws;

import java.net.URI;

/** The endpoints the AWS clients talk to; {@code null} means the SDK's default for the region (real AWS). */
public interface AwsEndpoints {

    URI dynamodb();

    URI sqs();

    /** True when talking to AWS-compatible servers (moto, ElasticMQ, LocalStack) rather than AWS. */
    default boolean local() {
        return dynamodb() != null || sqs() != null;
    }
}
