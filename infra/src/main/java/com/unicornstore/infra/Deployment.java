package com.unicornstore.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.constructs.Node;

/**
 * Settings of one deployment, read from CDK context ({@code -c stage=prod}): production keeps its
 * data (deletion protection, retained tables and queues); any other stage can be torn down. Account
 * and region default to the CDK CLI's (CDK_DEFAULT_ACCOUNT/REGION); the region is required. The
 * shoppers' hosted sign-in lives at {@code https://<signInDomain>.auth.<region>.amazoncognito.com}
 * (a prefix unique in its region; default {@code unicorn-store-<stage>}).
 */
public record Deployment(String stage, String account, String region, String imageTag, String shopperCallbackUrl,
        int minTasks, int maxTasks, String signInDomain) {

    public static Deployment from(Node node) {
        return new Deployment(text(node, "stage", "dev"), text(node, "account", System.getenv("CDK_DEFAULT_ACCOUNT")),
                text(node, "region", System.getenv("CDK_DEFAULT_REGION")), text(node, "imageTag", "latest"),
                text(node, "shopperCallbackUrl", "https://store.example.com/login/callback"),
                Integer.parseInt(text(node, "minTasks", "2")), Integer.parseInt(text(node, "maxTasks", "10")),
                text(node, "signInDomain", "unicorn-store-" + text(node, "stage", "dev")));
    }

    public boolean production() {
        return "prod".equals(stage);
    }

    public RemovalPolicy removalPolicy() {
        return production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }
}
