package com.cruddur.messaging.adapters.dynamodb.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void sequenceNumbersOrderAsNumbersNotAsText() {
        List<String> numbers = new ArrayList<>(List.of("4421584500000000017450439091", "900", "10", "9", "0100"));

        numbers.sort(SequenceNumbers.ORDER);

        assertThat(numbers).containsExactly("9", "10", "0100", "900", "4421584500000000017450439091");
    }

    @Test
    void theEarlierOfTwoIsTheLowerNumber() {
        assertThat(SequenceNumbers.earlier("111", "99")).isEqualTo("99");
        assertThat(SequenceNumbers.earlier("4421584500000000017450000200", "4421584500000000017450000300"))
                .isEqualTo("4421584500000000017450000200");
    }
}
