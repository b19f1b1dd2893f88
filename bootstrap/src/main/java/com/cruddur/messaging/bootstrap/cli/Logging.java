package com.cruddur.messaging.bootstrap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps library logging off the terminal. Without Spring nothing configures Logback, and its fallback prints every
 * DEBUG line of Netty and the AWS SDK; the command line reports failures itself, as one line each.
 */
final class Logging {

    private Logging() {
    }

    static void quiet(boolean verbose) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.WARN : Level.OFF);
        }
    }
}
