package com.unicornstore.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The test harness of channel routes (docs/integrators.md): the whole platform against the local
 * backends, with only the channel files a test names loaded from {@code routes/}. A test class says
 * which with {@code @TestPropertySource(properties = "unicorn.channel.only=<file name without
 * .camel.yaml>")}, sends input the way its partners would (a queue, a folder, HTTP) and reads what
 * reached the platform (history, balances, purchases, replies, dead letters).
 */
@PlatformIntegrationTest
public abstract class ChannelHarness {

    @LocalServerPort
    protected int port;

    @Autowired
    protected SqsClient sqs;

    @Autowired
    protected CamelContext camel;

    @Autowired
    protected Environment environment;

    /** A client with the local demo key (every scope but {@code channel:<name>}: a channel test declares a key of its own). */
    protected Api api;

    @BeforeEach
    void harnessClient() {
        api = new Api(port);
    }

    /** Waits until the channel's route runs (channel routes start just after the platform). */
    protected void awaitChannel(String routeId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(camel.getRouteController()
                .getRouteStatus(routeId)).isEqualTo(ServiceStatus.Started));
    }

    /** The value of a setting, such as a queue's name or a folder. */
    protected String setting(String name) {
        return environment.getRequiredProperty(name);
    }

    /** Sends a message to the queue named by setting {@code queueSetting}, with string attributes. */
    protected String send(String queueSetting, String body, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new HashMap<>();
        attributes.forEach((name, value) -> values.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        return sqs.sendMessage(b -> b.queueUrl(url(setting(queueSetting))).messageBody(body).messageAttributes(values))
                .messageId();
    }

    /** Creates (if need be) a queue of the test's own, e.g. a reply queue; returns its name. */
    protected String ownQueue(String name) {
        sqs.createQueue(b -> b.queueName(name));
        return name;
    }

    /** The next message on the queue {@code queue} (a name), within 30 s, deleted once read. */
    protected Message receive(String queue) {
        String url = url(queue);
        Message[] found = new Message[1];
        // a receive not answered within the client's call timeout (a test may set it short) is tried again
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(SdkClientException.class).until(() -> {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(1)
                    .messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                return false;
            }
            found[0] = messages.get(0);
            return true;
        });
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(found[0].receiptHandle()));
        return found[0];
    }

    /** An account's points history, newest first. */
    protected JsonNode history(String account) {
        return api.get("/points/history?account_id=" + account + "&limit=100").json().get("items");
    }

    /** A queue's dead letters, as operators see them at GET /dead-letters. */
    protected JsonNode deadLetters(String queueSetting) {
        return api.get("/dead-letters?queue=" + setting(queueSetting)).json().get("items");
    }

    /** Writes a file into the folder named by setting {@code folderSetting}, as a partner would drop it. */
    protected Path drop(String folderSetting, String name, String content) {
        try {
            Path folder = Files.createDirectories(Path.of(setting(folderSetting)));
            Path temporary = folder.resolve("." + name + ".part");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            return Files.move(temporary, folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }
}
