package dev.onfailure.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A small SNS endpoint of our own (there is no SNS emulator for Java) speaking the SNS query protocol: CreateTopic,
 * Subscribe (an SQS queue, with the {@code RawMessageDelivery} attribute), SetSubscriptionAttributes and Publish. It
 * delivers into ElasticMQ as SNS does: the message itself with raw delivery on, or the notification envelope with raw
 * delivery off, its members in SNS's order and layout ({@code Type, MessageId, TopicArn, Subject?, Message,
 * Timestamp, SignatureVersion, Signature, SigningCertURL, UnsubscribeURL, MessageAttributes?}), signed (SHA1withRSA,
 * signature version 1) with a key made for the run.
 */
public final class SnsServer implements AutoCloseable {

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private record Subscription(String arn, String topicArn, String queueName, boolean raw) {
    }

    private final HttpServer http;
    private final SqsClient sqs;
    private final KeyPair key;
    private final Map<String, Boolean> topics = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    private SnsServer(HttpServer http, SqsClient sqs, KeyPair key) {
        this.http = http;
        this.sqs = sqs;
        this.key = key;
    }

    /** Starts on 127.0.0.1, an ephemeral port, delivering through {@code sqs}. */
    public static SnsServer start(SqsClient sqs) throws IOException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SnsServer server = new SnsServer(http, sqs, g.generateKeyPair());
        http.createContext("/", server::handle);
        http.start();
        return server;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String action = form.getOrDefault("Action", "");
            String result;
            try {
                result = switch (action) {
                    case "CreateTopic" -> createTopic(form);
                    case "Subscribe" -> subscribe(form);
                    case "SetSubscriptionAttributes" -> setAttributes(form);
                    case "Publish" -> publish(form);
                    default -> throw new SnsError(400, "InvalidAction", "not supported here: " + action);
                };
            } catch (SnsError e) {
                respond(exchange, e.status, "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                        + "<Error><Type>Sender</Type><Code>" + e.code + "</Code><Message>" + xml(e.getMessage())
                        + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
                return;
            }
            // the Result element comes before ResponseMetadata, or the SDK reads nulls
            respond(exchange, 200, "<" + action + "Response xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                    + "<" + action + "Result>" + result + "</" + action + "Result>"
                    + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                    + "</" + action + "Response>");
        }
    }

    private String createTopic(Map<String, String> form) {
        String arn = "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + form.get("Name");
        topics.put(arn, true);
        return "<TopicArn>" + xml(arn) + "</TopicArn>";
    }

    private String subscribe(Map<String, String> form) {
        String topicArn = topic(form);
        if (!"sqs".equals(form.get("Protocol"))) {
            throw new SnsError(400, "InvalidParameter", "only the sqs protocol is supported here");
        }
        String endpoint = form.get("Endpoint");
        String queueName = endpoint.substring(endpoint.lastIndexOf(':') + 1);
        boolean raw = false;
        for (Map.Entry<String, String> e : entries(form, "Attributes.entry.", "key", "value").entrySet()) {
            if (e.getKey().equals("RawMessageDelivery")) {
                raw = Boolean.parseBoolean(e.getValue());
            }
        }
        String arn = topicArn + ":" + UUID.randomUUID();
        subscriptions.put(arn, new Subscription(arn, topicArn, queueName, raw));
        return "<SubscriptionArn>" + xml(arn) + "</SubscriptionArn>";
    }

    private String setAttributes(Map<String, String> form) {
        Subscription s = subscriptions.get(form.get("SubscriptionArn"));
        if (s == null) {
            throw new SnsError(404, "NotFound", "Subscription does not exist");
        }
        if ("RawMessageDelivery".equals(form.get("AttributeName"))) {
            subscriptions.put(s.arn(), new Subscription(s.arn(), s.topicArn(), s.queueName(),
                    Boolean.parseBoolean(form.get("AttributeValue"))));
        }
        return "";
    }

    private String publish(Map<String, String> form) {
        String topicArn = topic(form);
        String message = form.get("Message");
        if (message == null) {
            throw new SnsError(400, "InvalidParameter", "Empty message");
        }
        String subject = form.get("Subject");
        Map<String, String[]> attributes = new TreeMap<>();
        for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
            String p = "MessageAttributes.entry." + i + ".";
            attributes.put(form.get(p + "Name"), new String[] {form.get(p + "Value.DataType"),
                    form.get(p + "Value.StringValue")});
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (Subscription s : subscriptions.values()) {
            if (!s.topicArn().equals(topicArn)) {
                continue;
            }
            String url = sqs.getQueueUrl(b -> b.queueName(s.queueName())).queueUrl();
            if (s.raw()) {
                Map<String, MessageAttributeValue> sqsAttributes = new LinkedHashMap<>();
                attributes.forEach((name, v) -> sqsAttributes.put(name, MessageAttributeValue.builder()
                        .dataType(v[0]).stringValue(v[1]).build()));
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(message).messageAttributes(sqsAttributes));
            } else {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(envelope(id, topicArn, subject, message, now,
                        s.arn(), attributes)));
            }
        }
        return "<MessageId>" + id + "</MessageId>";
    }

    /** The notification as SNS writes it into an SQS message body. */
    private String envelope(String id, String topicArn, String subject, String message, Instant time,
            String subscriptionArn, Map<String, String[]> attributes) {
        String timestamp = TIMESTAMP.format(time);
        List<String[]> members = new ArrayList<>();
        members.add(new String[] {"Type", "Notification"});
        members.add(new String[] {"MessageId", id});
        members.add(new String[] {"TopicArn", topicArn});
        if (subject != null) {
            members.add(new String[] {"Subject", subject});
        }
        members.add(new String[] {"Message", message});
        members.add(new String[] {"Timestamp", timestamp});
        members.add(new String[] {"SignatureVersion", "1"});
        members.add(new String[] {"Signature", sign("Message\n" + message + "\nMessageId\n" + id + "\n"
                + (subject == null ? "" : "Subject\n" + subject + "\n") + "Timestamp\n" + timestamp
                + "\nTopicArn\n" + topicArn + "\nType\nNotification\n")});
        members.add(new String[] {"SigningCertURL", "https://sns." + REGION
                + ".amazonaws.com/SimpleNotificationService-0000000000000000000000000000000.pem"});
        members.add(new String[] {"UnsubscribeURL", "https://sns." + REGION
                + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn});
        StringBuilder out = new StringBuilder("{\n");
        for (int i = 0; i < members.size(); i++) {
            out.append("  ").append(json(members.get(i)[0])).append(" : ").append(json(members.get(i)[1]));
            out.append(i < members.size() - 1 || !attributes.isEmpty() ? ",\n" : "\n");
        }
        if (!attributes.isEmpty()) {
            out.append("  \"MessageAttributes\" : {\n");
            int i = 0;
            for (Map.Entry<String, String[]> a : attributes.entrySet()) {
                out.append("    ").append(json(a.getKey())).append(" : {\"Type\":").append(json(a.getValue()[0]))
                        .append(",\"Value\":").append(json(a.getValue()[1])).append("}")
                        .append(++i < attributes.size() ? ",\n" : "\n");
            }
            out.append("  }\n");
        }
        return out.append("}").toString();
    }

    private String sign(String text) {
        try {
            Signature s = Signature.getInstance("SHA1withRSA");
            s.initSign(key.getPrivate());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String topic(Map<String, String> form) {
        String arn = form.get("TopicArn");
        if (arn == null || !topics.containsKey(arn)) {
            throw new SnsError(404, "NotFound", "Topic does not exist");
        }
        return arn;
    }

    private static Map<String, String> entries(Map<String, String> form, String prefix, String k, String v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; form.containsKey(prefix + i + "." + k); i++) {
            out.put(form.get(prefix + i + "." + k), form.get(prefix + i + "." + v));
        }
        return out;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A JSON string as SNS writes one: quotes, backslashes and control characters escaped, the rest as is. */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static final class SnsError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        SnsError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
