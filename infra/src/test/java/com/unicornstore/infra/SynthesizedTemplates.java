package com.unicornstore.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** The production deployment synthesized once for all tests (synthesis starts a node process: slow). */
final class SynthesizedTemplates {

    static final UnicornInfraApp.Stacks PROD = UnicornInfraApp.build(UnicornInfraApp.testApp(Map.of(
            "stage", "prod", "imageTag", "1.0.0", "account", "123456789012", "region", "eu-west-1")));

    private SynthesizedTemplates() {}

    static Template of(Stack stack) {
        return Template.fromStack(stack);
    }

    static List<Stack> all() {
        return List.of(PROD.data(), PROD.messaging(), PROD.identity(), PROD.service(), PROD.observability());
    }

    /** Every IAM statement of every stack, with the logical id of the resource holding it. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> iamStatements() {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Stack stack : all()) {
            Template template = of(stack);
            for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
                template.findResources(type).forEach((id, resource) -> {
                    Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
                    Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
                    for (Object statement : (List<Object>) document.get("Statement")) {
                        Map<String, Object> withOwner = new java.util.LinkedHashMap<>((Map<String, Object>) statement);
                        withOwner.put("_owner", stack.getStackName() + "/" + id);
                        statements.add(withOwner);
                    }
                });
            }
        }
        return statements;
    }

    static List<Object> asList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
    }
}
