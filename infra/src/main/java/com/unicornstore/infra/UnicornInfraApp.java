package com.unicornstore.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: data, messaging, identity, service and observability stacks of one deployment, with
 * the cdk-nag AwsSolutions checks applied. {@code cdk synth}/{@code cdk deploy} run {@link #main};
 * tests call {@link #build} and synthesize with {@code app.synth()}, no CDK CLI.
 */
public final class UnicornInfraApp {

    /** The platform's queue whose depth scales the service. */
    static final String COMMAND_QUEUE = "unicorn-points-commands";

    private UnicornInfraApp() {}

    public static void main(String[] args) {
        build(new App()).app().synth();
    }

    /** Every stack of the deployment, built on {@code app} (its context holds the {@link Deployment} settings). */
    public static Stacks build(App app) {
        Deployment deployment = Deployment.from(app.getNode());
        PlatformResources resources = PlatformResources.load();
        ContainerImageSettings image = ContainerImageSettings.fromPlatformPom();
        StackProps props = StackProps.builder().env(Environment.builder()
                .account(deployment.account()).region(deployment.region()).build())
                .build();
        String prefix = "Unicorn-" + deployment.stage() + "-";
        DataStack data = new DataStack(app, prefix + "Data", props, resources, deployment);
        MessagingStack messaging = new MessagingStack(app, prefix + "Messaging", props, resources, deployment);
        IdentityStack identity = new IdentityStack(app, prefix + "Identity", props, deployment);
        ServiceStack service = new ServiceStack(app, prefix + "Service", props, new ServiceStack.Wiring(deployment,
                resources, image, data, messaging, identity, COMMAND_QUEUE));
        ObservabilityStack observability = new ObservabilityStack(app, prefix + "Observability", props, service,
                messaging);
        NagSuppressionsWithReasons.apply(service, identity);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return new Stacks(app, data, messaging, identity, service, observability);
    }

    /** An app for tests: output under target/ (the surefire configuration sets CDK_OUTDIR). */
    public static App testApp(java.util.Map<String, Object> context) {
        return new App(AppProps.builder().outdir(System.getenv().getOrDefault("CDK_OUTDIR", "target/cdk.out"))
                .context(context).build());
    }

    /** The stacks of one deployment. */
    public record Stacks(App app, DataStack data, MessagingStack messaging, IdentityStack identity,
            ServiceStack service, ObservabilityStack observability) {}
}
