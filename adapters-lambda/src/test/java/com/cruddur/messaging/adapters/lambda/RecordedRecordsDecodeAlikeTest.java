package com.cruddur.messaging.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Decoded;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Lambda and the local pump read the same records identically: the Lambda's event converted to the SDK's
 * records, and the same records as GetRecords hands them to the pump.
 */
class RecordedRecordsDecodeAlikeTest {

    private static RecordedGetRecords getRecords;

    @BeforeAll
    static void startReplaying() throws IOException {
        getRecords = new RecordedGetRecords();
    }

    @AfterAll
    static void stopReplaying() {
        getRecords.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed-batch.json", "hundred-messages.json", "out-of-order.json",
            "poison-in-the-middle.json", "empty-and-null-images.json", "reference-items.json"})
    void theLambdaAndThePumpDecodeEveryRecordAlike(String fixture) {
        List<Decoded> byTheLambda = EventRecords.of(StreamEvents.load(fixture)).stream()
                .map(StreamRecordDecoder::decode).toList();
        List<Decoded> byThePump = getRecords.load(fixture).stream()
                .map(StreamRecordDecoder::decode).toList();

        assertThat(byTheLambda).hasSize(StreamEvents.load(fixture).getRecords().size());
        assertThat(byTheLambda).isEqualTo(byThePump);
    }
}
