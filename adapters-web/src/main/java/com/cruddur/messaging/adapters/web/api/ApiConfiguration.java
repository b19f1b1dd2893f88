package com.cruddur.messaging.adapters.web.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The routes the Cruddur frontend calls. */
@Configuration(proxyBeanMethods = false)
@Import({MessagingController.class, UsersController.class, BlocksController.class, EventsController.class,
        ApiDescriptionController.class})
public class ApiConfiguration {
}
