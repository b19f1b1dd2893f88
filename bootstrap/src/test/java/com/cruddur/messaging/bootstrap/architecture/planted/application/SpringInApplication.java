package com.cruddur.messaging.bootstrap.architecture.planted.application;

import org.springframework.context.ApplicationContext;

/** Violation: a use case that looks itself up in Spring. */
public final class SpringInApplication {

    private final ApplicationContext context;

    public SpringInApplication(ApplicationContext context) {
        this.context = context;
    }

    public Object peer() {
        return context.getBean(AllowedUseCase.class);
    }
}
