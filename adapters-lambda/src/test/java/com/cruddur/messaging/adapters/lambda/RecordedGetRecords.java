package com.cruddur.messaging.adapters.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * Recorded events' records as the local pump receives them: a server on 127.0.0.1 answers the SDK streams client's
 * real GetRecords calls with them (the shard iterator names the event), so the SDK's own unmarshalling makes the
 * records. Lambda's records are DynamoDB Streams' GetRecords records plus {@code eventSourceARN}, which the SDK
 * ignores; DynamoDB Local cannot be made to write the malformed ones.
 */
final class RecordedGetRecords implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final DynamoDbStreamsAsyncClient streams;

    RecordedGetRecords() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", RecordedGetRecords::answer);
        server.start();
        streams = DynamoDbStreamsAsyncClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.CA_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .overrideConfiguration(config -> config.apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /** The records of {@code src/test/resources/events/{name}}, through GetRecords. */
    List<Record> load(String name) {
        return streams.getRecords(request -> request.shardIterator(name)).join().records();
    }

    /** GetRecords' answer: the event's records and no next iterator (the shard is read to its end). */
    private static void answer(HttpExchange exchange) throws IOException {
        String name = JSON.readTree(exchange.getRequestBody()).get("ShardIterator").asText();
        byte[] answer;
        try (InputStream in = RecordedGetRecords.class.getResourceAsStream("/events/" + name)) {
            ObjectNode body = JSON.createObjectNode();
            body.set("Records", JSON.readTree(in).get("Records"));
            answer = JSON.writeValueAsBytes(body);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        streams.close();
        server.stop(0);
    }
}
