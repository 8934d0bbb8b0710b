package com.unicornstore.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmProps;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.DashboardProps;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.GraphWidgetProps;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MathExpressionProps;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.MetricProps;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Alarms an operator is paged by (dead letters waiting, 5xx rate, failed sagas, projection lag) on
 * one SNS topic, and a dashboard with the same figures. The platform's own metrics reach CloudWatch
 * in namespace {@value #NAMESPACE} from its Micrometer registry in the `aws` profile.
 */
public class ObservabilityStack extends Stack {

    public static final String NAMESPACE = "UnicornStore";
    /** Micrometer gauge of sagas in state FAILED (operator action needed). */
    public static final String SAGAS_FAILED = "unicorn.sagas.failed";
    /** Micrometer gauge of the age, in seconds, of the newest event not yet in the balance view. */
    public static final String PROJECTION_LAG = "unicorn.projection.lag.seconds";

    private final Topic alarms;
    private final List<Alarm> allAlarms = new ArrayList<>();

    public ObservabilityStack(Construct scope, String id, StackProps props, ServiceStack service,
            MessagingStack messaging) {
        super(scope, id, props);
        alarms = new Topic(this, "Alarms", TopicProps.builder().displayName("Unicorn Store alarms")
                .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns")).enforceSsl(true).build());
        List<IMetric> backlog = new ArrayList<>();
        for (Map.Entry<String, Queue> dlq : new TreeMap<>(messaging.deadLetterQueues()).entrySet()) {
            Metric waiting = dlq.getValue().metricApproximateNumberOfMessagesVisible(
                    MetricOptions.builder().period(Duration.minutes(5)).statistic("Maximum").build());
            backlog.add(waiting);
            alarm("DeadLetters" + DataStack.logicalName(dlq.getKey()), waiting, 1,
                    "messages are waiting in " + dlq.getKey() + ": see GET /dead-letters");
        }
        var loadBalancer = service.service().getLoadBalancer();
        MathExpression errorRate = new MathExpression(MathExpressionProps.builder()
                .expression("100 * errors / MAX([errors, requests])")
                .usingMetrics(Map.of(
                        "errors", loadBalancer.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT),
                        "requests", loadBalancer.getMetrics().requestCount()))
                .period(Duration.minutes(5)).label("5xx %").build());
        alarm("ServerErrorRate", errorRate, 1, "more than 1% of requests answered 5xx");
        Metric failedSagas = platformMetric(SAGAS_FAILED, "Maximum");
        alarm("FailedSagas", failedSagas, 1, "a saga is FAILED: see GET /sagas and retry or compensate it");
        Metric lag = platformMetric(PROJECTION_LAG, "Maximum");
        alarm("ProjectionLag", lag, 60, "balances are more than a minute behind the event store");

        Dashboard dashboard = new Dashboard(this, "Dashboard", DashboardProps.builder()
                .dashboardName("unicorn-store-" + service.getStackName()).build());
        dashboard.addWidgets(graph("Requests and 5xx %", List.of(loadBalancer.getMetrics().requestCount(), errorRate)),
                graph("Dead letters waiting", backlog),
                graph("Failed sagas, projection lag (s)", List.of(failedSagas, lag)));
    }

    private static Metric platformMetric(String name, String statistic) {
        return new Metric(MetricProps.builder().namespace(NAMESPACE).metricName(name).statistic(statistic)
                .period(Duration.minutes(1)).build());
    }

    private void alarm(String id, IMetric metric, double threshold, String description) {
        Alarm alarm = new Alarm(this, id, AlarmProps.builder().metric(metric).threshold(threshold)
                .evaluationPeriods(1).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING).alarmDescription(description).build());
        alarm.addAlarmAction(new SnsAction(alarms));
        allAlarms.add(alarm);
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return new GraphWidget(GraphWidgetProps.builder().title(title).left(metrics).width(8).build());
    }

    public List<Alarm> alarms() {
        return List.copyOf(allAlarms);
    }
}
