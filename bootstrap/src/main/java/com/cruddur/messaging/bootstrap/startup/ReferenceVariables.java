package com.cruddur.messaging.bootstrap.startup;

import com.cruddur.messaging.bootstrap.CruddurMessagingApplication;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * The Cruddur reference's environment variables, accepted as fallbacks for the matching {@code cruddur.*}
 * properties, so a Cruddur user's existing settings work as they are:
 *
 * <table>
 *   <caption>variable → property</caption>
 *   <tr><td>{@code DDB_MESSAGE_TABLE}</td><td>{@code cruddur.dynamodb.table}</td></tr>
 *   <tr><td>{@code FRONTEND_URL}</td><td>{@code cruddur.web.frontend-origin}</td></tr>
 *   <tr><td>{@code AWS_ENDPOINT_URL}</td><td>{@code cruddur.dynamodb.endpoint}</td></tr>
 *   <tr><td>{@code AWS_COGNITO_USER_POOL_ID}</td><td>{@code cruddur.auth.issuer} and {@code cruddur.auth.jwks-url}
 *       ({@code https://cognito-idp.<region>.amazonaws.com/<pool>}, the region from {@code AWS_DEFAULT_REGION},
 *       {@code AWS_REGION}, else the pool id's prefix)</td></tr>
 *   <tr><td>{@code AWS_COGNITO_USER_POOL_CLIENT_ID}</td><td>{@code cruddur.auth.client-ids}</td></tr>
 *   <tr><td>{@code CONNECTION_URL}</td><td>{@code cruddur.users.url}, {@code .username}, {@code .password}
 *       ({@code postgresql://user:pw@host:5432/db} becomes {@code r2dbc:postgresql://host:5432/db})</td></tr>
 * </table>
 *
 * <p>The values go into a property source just below the environment variables: a {@code cruddur.*} property given
 * on the command line, as a system property or as an environment variable ({@code CRUDDUR_DYNAMODB_TABLE}) wins;
 * the reference variable wins over the defaults in the packaged {@code application*.yml}.
 *
 * <p>The embedded default takes only {@code DDB_MESSAGE_TABLE} and {@code FRONTEND_URL}: the others name production
 * stores (Cruddur's workspace exported them for every terminal), which the embedded default refuses; it ignores them
 * rather than refusing to start.
 */
public final class ReferenceVariables implements EnvironmentPostProcessor, Ordered {

    public static final String SOURCE_NAME = "cruddurReferenceVariables";

    public static final String DDB_MESSAGE_TABLE = "DDB_MESSAGE_TABLE";
    public static final String FRONTEND_URL = "FRONTEND_URL";
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String AWS_COGNITO_USER_POOL_ID = "AWS_COGNITO_USER_POOL_ID";
    public static final String AWS_COGNITO_USER_POOL_CLIENT_ID = "AWS_COGNITO_USER_POOL_CLIENT_ID";
    public static final String CONNECTION_URL = "CONNECTION_URL";

    private static final Set<String> POSTGRES_SCHEMES = Set.of("postgresql", "postgres");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!application.getAllSources().contains(CruddurMessagingApplication.class)) {
            return;
        }
        apply(environment);
    }

    /** Adds the property source (when any variable is set); public for the tests. */
    public static void apply(ConfigurableEnvironment environment) {
        boolean embedded = Set.of(environment.getActiveProfiles()).contains(RunMode.EMBEDDED);
        Map<String, Object> properties = new LinkedHashMap<>();
        variable(environment, DDB_MESSAGE_TABLE).ifPresent(table -> properties.put("cruddur.dynamodb.table", table));
        variable(environment, FRONTEND_URL).ifPresent(url -> properties.put("cruddur.web.frontend-origin", url));
        if (!embedded) {
            variable(environment, AWS_ENDPOINT_URL).ifPresent(url -> properties.put("cruddur.dynamodb.endpoint", url));
            variable(environment, AWS_COGNITO_USER_POOL_ID).ifPresent(pool -> {
                String issuer = issuer(pool, environment);
                properties.put("cruddur.auth.issuer", issuer);
                properties.put("cruddur.auth.jwks-url", issuer + "/.well-known/jwks.json");
            });
            variable(environment, AWS_COGNITO_USER_POOL_CLIENT_ID)
                    .ifPresent(client -> properties.put("cruddur.auth.client-ids", client));
            variable(environment, CONNECTION_URL).ifPresent(url -> properties.putAll(users(url)));
        }
        if (properties.isEmpty()) {
            return;
        }
        MapPropertySource source = new MapPropertySource(SOURCE_NAME, properties);
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }

    /**
     * Cognito's issuer for the pool. A pool id is {@code <region>_<id>}; an explicit region variable wins, as the
     * reference read {@code AWS_DEFAULT_REGION}.
     */
    static String issuer(String pool, ConfigurableEnvironment environment) {
        String region = variable(environment, "AWS_DEFAULT_REGION")
                .or(() -> variable(environment, "AWS_REGION"))
                .orElseGet(() -> pool.contains("_") ? pool.substring(0, pool.indexOf('_')) : null);
        if (region == null || region.isBlank()) {
            throw new CannotStart(AWS_COGNITO_USER_POOL_ID + " '" + pool + "' names no region (a pool id is "
                    + "<region>_<id>) and neither AWS_DEFAULT_REGION nor AWS_REGION is set");
        }
        return "https://cognito-idp." + region + ".amazonaws.com/" + pool;
    }

    /** {@code postgresql://user:pw@host:5432/db?sslmode=require} as the R2DBC settings of {@code cruddur.users}. */
    static Map<String, Object> users(String connectionUrl) {
        URI uri;
        try {
            uri = new URI(connectionUrl.trim());
        } catch (URISyntaxException e) {
            throw notPostgres();
        }
        if (uri.getScheme() == null || !POSTGRES_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw notPostgres();
        }
        StringBuilder url = new StringBuilder("r2dbc:postgresql://").append(uri.getHost().contains(":")
                && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost());
        if (uri.getPort() != -1) {
            url.append(':').append(uri.getPort());
        }
        url.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            List<String> options = new ArrayList<>();
            for (String option : uri.getRawQuery().split("&")) {
                // libpq's sslmode is R2DBC PostgreSQL's sslMode; other options pass as they are.
                options.add(option.regionMatches(true, 0, "sslmode=", 0, 8) ? "sslMode=" + option.substring(8) : option);
            }
            url.append('?').append(String.join("&", options));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cruddur.users.url", url.toString());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            properties.put("cruddur.users.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                properties.put("cruddur.users.password", decode(userInfo.substring(colon + 1)));
            }
        }
        return properties;
    }

    private static CannotStart notPostgres() {
        // The value is not repeated: it may hold a password.
        return new CannotStart(CONNECTION_URL + " is not a PostgreSQL URL of the form "
                + "postgresql://user:password@host:5432/database");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static java.util.Optional<String> variable(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
    }

    /** With {@link RunMode}, after the configuration files are read, so the active profiles are known. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
