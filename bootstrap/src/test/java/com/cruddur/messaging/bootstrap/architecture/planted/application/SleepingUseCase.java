package com.cruddur.messaging.bootstrap.architecture.planted.application;

import java.util.concurrent.TimeUnit;

/** Violation: sleeps on the reactive path. */
public final class SleepingUseCase {

    public void backOff() throws InterruptedException {
        Thread.sleep(100);
    }

    public void backOffLonger() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(200);
    }
}
