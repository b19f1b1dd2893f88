package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.application.port.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One page of a partition, newest sk first. It reads one item more than asked, across as many DynamoDB pages as
 * that takes (a page ends at 1 MB or at {@code maxItemsPerRequest}), so {@code next} is present exactly when more
 * items follow, and it is the key of the page's last item.
 */
final class NewestFirst {

    private final TableCalls calls;
    private final int maxItemsPerRequest;

    NewestFirst(TableCalls calls, int maxItemsPerRequest) {
        if (maxItemsPerRequest < 1) {
            throw new IllegalArgumentException("maxItemsPerRequest must be at least 1");
        }
        this.calls = calls;
        this.maxItemsPerRequest = maxItemsPerRequest;
    }

    <T> Mono<Page<T>> page(AccessPattern pattern, String pk, int limit, Optional<String> after,
                           Function<Map<String, AttributeValue>, T> decode) {
        return page(pattern, pk, limit, after, decode, false);
    }

    /** The same page in ascending sk order (listings whose sk is no time, such as a blocker's blocks). */
    <T> Mono<Page<T>> ascending(AccessPattern pattern, String pk, int limit, Optional<String> after,
                                Function<Map<String, AttributeValue>, T> decode) {
        return page(pattern, pk, limit, after, decode, true);
    }

    private <T> Mono<Page<T>> page(AccessPattern pattern, String pk, int limit, Optional<String> after,
                                   Function<Map<String, AttributeValue>, T> decode, boolean ascending) {
        return Mono.defer(() -> {
            if (limit < 1) {
                return Mono.error(new IllegalArgumentException("limit must be at least 1, was " + limit));
            }
            Map<String, AttributeValue> start = after.map(position -> PagePosition.decode(position, pk)).orElse(null);
            return collect(pattern, pk, limit + 1, start, new ArrayList<>(), ascending).map(items -> {
                boolean more = items.size() > limit;
                List<Map<String, AttributeValue>> kept = more ? items.subList(0, limit) : items;
                Optional<String> next = more
                        ? Optional.of(PagePosition.encode(kept.get(kept.size() - 1)))
                        : Optional.empty();
                return new Page<>(kept.stream().map(decode).toList(), next);
            });
        });
    }

    private Mono<List<Map<String, AttributeValue>>> collect(AccessPattern pattern, String pk, int wanted,
                                                          Map<String, AttributeValue> start,
                                                          List<Map<String, AttributeValue>> items,
                                                          boolean ascending) {
        QueryRequest.Builder request = QueryRequest.builder()
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Attr.PK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk)))
                .scanIndexForward(ascending)
                .limit(Math.min(wanted - items.size(), maxItemsPerRequest));
        if (start != null) {
            request.exclusiveStartKey(start);
        }
        return calls.query(pattern, request).flatMap(response -> {
            items.addAll(response.items());
            boolean exhausted = !response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty();
            if (items.size() >= wanted || exhausted) {
                return Mono.just(items);
            }
            return collect(pattern, pk, wanted, response.lastEvaluatedKey(), items, ascending);
        });
    }
}
