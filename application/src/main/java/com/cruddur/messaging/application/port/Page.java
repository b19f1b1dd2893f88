package com.cruddur.messaging.application.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing. {@code next} is where the following page starts, empty on the last page. At the port it
 * is a store position; the use cases hand it to clients only as a signed cursor.
 */
public record Page<T>(List<T> items, Optional<String> next) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }

    public Page<T> withNext(Optional<String> newNext) {
        return new Page<>(items, newNext);
    }
}
