package dev.onfailure.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The context the Lambda runtime hands a function, with a logger that keeps what was logged. Shared with the tests of
 * {@code examples/dlq-consumer} through this module's test jar.
 */
public final class TestContext implements Context {

    private final List<String> lines = new ArrayList<>();
    private final int remainingMillis;

    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            synchronized (lines) {
                for (String line : message.split("\n")) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };

    /** A context with five minutes left (the example function's timeout in its template.yaml). */
    public TestContext() {
        this(300_000);
    }

    /** A context with {@code remainingMillis} left. */
    public TestContext(int remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    /** Returns the lines logged so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public String getAwsRequestId() {
        return "8476a536-e9f4-4c3e-9c3c-3f0c9a9f1e00";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/dlq-consumer";
    }

    @Override
    public String getLogStreamName() {
        return "2024/05/01/[$LATEST]0123456789abcdef0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "dlq-consumer";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:210987654321:function:dlq-consumer";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
