package com.cruddur.messaging.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * With the in-process fan-out, Spring Boot's Redis auto-configurations do not apply: no Redis bean, and not one
 * class of Spring Data Redis or Lettuce loaded. Each context starts in a class loader of its own over the test class
 * path, so what it loads is its own and not what other tests in this JVM loaded. With the Redis fan-out they apply,
 * which also shows that the check sees those classes when they are loaded.
 */
class RedisOnlyForRedisFanOutTest {

    private static final List<String> REDIS_PACKAGES = List.of("org.springframework.data.redis.", "io.lettuce.");

    @Test
    void theInProcessFanOutLoadsNothingOfRedis() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            List<String> beanTypes = loader.probe("in-process");

            assertThat(beanTypes).noneMatch(RedisOnlyForRedisFanOutTest::ofRedis);
            assertThat(loader.redisClasses).isEmpty();
        }
    }

    @Test
    void theRedisFanOutHasSpringBootsRedisConnection() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            List<String> beanTypes = loader.probe("redis");

            assertThat(beanTypes).contains("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
                    "io.lettuce.core.resource.DefaultClientResources");
            assertThat(loader.redisClasses).anyMatch(name -> name.startsWith("io.lettuce."));
        }
    }

    private static boolean ofRedis(String className) {
        return REDIS_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /** Loads the test class path itself (not through the application class loader) and records Redis's classes. */
    private static final class RecordingLoader extends URLClassLoader {

        final Set<String> redisClasses = ConcurrentHashMap.newKeySet();

        RecordingLoader() {
            super(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(RecordingLoader::url).toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (ofRedis(name)) {
                redisClasses.add(name);
            }
            return super.findClass(name);
        }

        @SuppressWarnings("unchecked")
        List<String> probe(String fanOut) throws ReflectiveOperationException {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(this);
            try {
                Class<?> probe = loadClass(Probe.class.getName());
                return ((Function<String, List<String>>) probe.getDeclaredConstructor().newInstance()).apply(fanOut);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        private static URL url(String path) {
            try {
                return Path.of(path).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(path, e);
            }
        }
    }

    /** Runs in a {@link RecordingLoader}: an auto-configured context, and the types of its beans. */
    public static final class Probe implements Function<String, List<String>> {

        @Override
        public List<String> apply(String fanOut) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                    .web(WebApplicationType.NONE)
                    .run("--cruddur.live.fan-out=" + fanOut,
                            // The service's readiness group names its stores, which this context does not have.
                            "--management.endpoint.health.group.readiness.include=readinessState")) {
                return Arrays.stream(context.getBeanDefinitionNames())
                        .map(context::getType)
                        .filter(type -> type != null)
                        .map(Class::getName)
                        .toList();
            }
        }

        @Configuration(proxyBeanMethods = false)
        @EnableAutoConfiguration
        static class App {
        }
    }
}
