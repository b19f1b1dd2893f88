package com.cruddur.messaging.bootstrap.image;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check for an image without curl: exits 0 when the URL answers 200 within 3 seconds, else 1.
 * {@code java -cp /app/classes com.cruddur.messaging.bootstrap.image.HealthProbe [url]}; the URL defaults to the
 * readiness probe on the management port.
 */
public final class HealthProbe {

    static final String READINESS = "http://127.0.0.1:8081/actuator/health/readiness";

    private HealthProbe() {
    }

    public static void main(String[] args) {
        System.exit(probe(URI.create(args.length > 0 ? args[0] : READINESS)) ? 0 : 1);
    }

    static boolean probe(URI url) {
        Duration timeout = Duration.ofSeconds(3);
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
