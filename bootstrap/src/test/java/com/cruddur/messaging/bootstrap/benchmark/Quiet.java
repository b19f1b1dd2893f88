package com.cruddur.messaging.bootstrap.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's JVMs log warnings only: logback's default (DEBUG, to the console) makes DynamoDB Local and the SDK
 * log every request, which would be measured as the store's cost.
 */
final class Quiet {

    private Quiet() {
    }

    static void logging() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // DynamoDB Local's engine logs through log4j-api, routed to slf4j on this classpath.
        ((Logger) LoggerFactory.getLogger("com.amazonaws")).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("org.eclipse.jetty")).setLevel(Level.WARN);
    }
}
