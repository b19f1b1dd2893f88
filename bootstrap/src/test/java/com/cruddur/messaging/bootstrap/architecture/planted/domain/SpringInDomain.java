package com.cruddur.messaging.bootstrap.architecture.planted.domain;

import org.springframework.util.Assert;

/** Violation: the domain calls into Spring. */
public final class SpringInDomain {

    public static AllowedDomainValue checked(AllowedDomainValue value) {
        Assert.notNull(value, "value");
        return value;
    }
}
