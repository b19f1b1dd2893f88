package com.cruddur.messaging.bootstrap.architecture.planted.domain;

import java.time.Instant;
import java.util.List;

/** Uses the JDK and its own package only. */
public record AllowedDomainValue(Instant at, List<String> parts) {
}
