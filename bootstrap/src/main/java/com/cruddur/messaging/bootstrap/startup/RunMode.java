package com.cruddur.messaging.bootstrap.startup;

import com.cruddur.messaging.bootstrap.CruddurMessagingApplication;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * The service runs in one of two modes, always chosen explicitly: the profile {@value #EMBEDDED} (the embedded
 * default, which {@code bin/cruddur} selects: everything in this process, on this machine) or {@value #AWS}. With
 * neither, or both, it refuses to start, naming the two ways to run it; so a jar started with production settings
 * and no mode can never fall back to development parts (the token issuer, the demo data).
 *
 * <p>The embedded default refuses production settings as well: Cognito settings (its tokens come from its own
 * issuer), a users database that is not an embedded H2 one, a DynamoDB that is not on this machine.
 */
public final class RunMode implements EnvironmentPostProcessor, Ordered {

    public static final String EMBEDDED = "embedded";
    public static final String AWS = "aws";

    static final String HOW_TO_RUN = "run bin/cruddur for the embedded default on this machine, or set "
            + "SPRING_PROFILES_ACTIVE=aws with cruddur.auth.jwks-url, cruddur.auth.issuer, cruddur.auth.client-ids "
            + "and cruddur.users.url for AWS (README.md, \"Configuration for AWS\")";

    /** A class of DynamoDB Local, which only the embedded default's extra class path has. */
    static final String DYNAMODB_LOCAL_CLASS = "com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler";

    private static final List<String> COGNITO_SETTINGS = List.of(
            "cruddur.auth.jwks-url", "cruddur.auth.issuer", "cruddur.auth.client-ids");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!application.getAllSources().contains(CruddurMessagingApplication.class)) {
            return;
        }
        Set<String> active = Set.of(environment.getActiveProfiles());
        boolean embedded = active.contains(EMBEDDED);
        boolean aws = active.contains(AWS);
        if (!embedded && !aws) {
            throw new CannotStart("no run mode is chosen; " + HOW_TO_RUN);
        }
        if (embedded && aws) {
            throw new CannotStart("the profiles embedded and aws are both active; choose one: " + HOW_TO_RUN);
        }
        if (embedded) {
            refuseProductionSettings(environment, application.getClassLoader());
        }
    }

    private static void refuseProductionSettings(ConfigurableEnvironment environment, ClassLoader classLoader) {
        List<String> production = new ArrayList<>();
        for (String setting : COGNITO_SETTINGS) {
            String value = environment.getProperty(setting);
            if (value != null && !value.isBlank()) {
                production.add(setting + " is set");
            }
        }
        String users = environment.getProperty("cruddur.users.url", "");
        if (!users.isBlank() && !users.toLowerCase(Locale.ROOT).startsWith("r2dbc:h2:")) {
            production.add("cruddur.users.url is not an embedded H2 database ("
                    + users.replaceFirst("//.*", "//...") + ")");
        }
        boolean inProcess = environment.getProperty("cruddur.dynamodb.embedded.enabled", Boolean.class, false);
        String endpoint = environment.getProperty("cruddur.dynamodb.endpoint", "");
        if (!endpoint.isBlank() && !onThisMachine(endpoint)) {
            production.add("cruddur.dynamodb.endpoint is not on this machine (" + endpoint + ")");
        } else if (!inProcess && endpoint.isBlank()) {
            production.add("cruddur.dynamodb.embedded.enabled is false and no cruddur.dynamodb.endpoint on this machine "
                    + "is given, which means DynamoDB in AWS");
        }
        if (!production.isEmpty()) {
            throw new CannotStart("the embedded default refuses production settings (" + String.join("; ", production)
                    + "); run with SPRING_PROFILES_ACTIVE=aws for them");
        }
        if (inProcess && !ClassUtils.isPresent(DYNAMODB_LOCAL_CLASS, classLoader)) {
            throw new CannotStart("the embedded default runs DynamoDB Local in this process, and it is not on the "
                    + "class path: start the service with bin/cruddur (it adds bootstrap/target/embedded-lib)");
        }
    }

    /** Loopback names and addresses only; no name is looked up (a lookup could point anywhere). */
    static boolean onThisMachine(String endpoint) {
        String host;
        try {
            host = URI.create(endpoint.trim()).getHost();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = name.chars().allMatch(c -> Character.isDigit(c) || c == '.') || name.contains(":");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** After the configuration files are read, so the profiles they or the command line activate are known. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
