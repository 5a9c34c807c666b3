package dev.onfailure.lambda;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The event files under {@code src/test/resources/events/} (written by {@code src/build/make_events.py}), loaded as
 * the ecosystem loads them: aws-lambda-java-tests' {@link EventLoader}, which deserialises with the runtime's own
 * serialization library.
 */
final class Events {

    private Events() {
    }

    static SQSEvent sqs(String name) {
        return EventLoader.loadSQSEvent("events/" + name);
    }

    static SNSEvent sns(String name) {
        return EventLoader.loadSNSEvent("events/" + name);
    }

    static S3Event s3(String name) {
        return EventLoader.loadS3Event("events/" + name);
    }

    static KafkaEvent kafka(String name) {
        return EventLoader.loadKafkaEvent("events/" + name);
    }

    /** The file's text. */
    static String text(String name) {
        try (InputStream in = Events.class.getClassLoader().getResourceAsStream("events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
