package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The invocation context Lambda passes, with a given remaining time. */
record TestContext(int remainingMillis) implements Context {

    static TestContext withSeconds(int seconds) {
        return new TestContext(seconds * 1000);
    }

    @Override
    public String getAwsRequestId() {
        return "3f1e0c2a-7b6d-4e5f-8a9b-0c1d2e3f4a5b";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/cruddur-messaging-stream";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/22/[1]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "cruddur-messaging-stream";
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:ca-central-1:123456789012:function:cruddur-messaging-stream:live";
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
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
