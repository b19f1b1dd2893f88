package com.cruddur.messaging.adapters.dynamodb.stream;

import com.cruddur.messaging.adapters.dynamodb.stream.BatchReport.FailedRecord;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Decoded;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Ignored;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Malformed;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.NewMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.GroupMove;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** One batch's records, decoded: the messages to move, each conversation's earliest record, the unreadable ones. */
final class DecodedBatch {

    private static final Logger log = LoggerFactory.getLogger(StreamBatchProcessor.class);

    private final int records;
    private final List<Message> messages = new ArrayList<>();
    private final Map<MessageGroupId, String> earliestRecord = new HashMap<>();
    private final List<FailedRecord> malformed = new ArrayList<>();
    private int ignored;

    private DecodedBatch(int records) {
        this.records = records;
    }

    static DecodedBatch of(List<Record> records) {
        DecodedBatch batch = new DecodedBatch(records.size());
        for (Record record : records) {
            Decoded decoded = StreamRecordDecoder.decode(record);
            if (decoded instanceof NewMessage inserted) {
                batch.messages.add(inserted.message());
                batch.earliestRecord.merge(inserted.message().groupId(), inserted.sequenceNumber(),
                        SequenceNumbers::earlier);
            } else if (decoded instanceof Malformed unreadable) {
                batch.malformed.add(new FailedRecord(unreadable.sequenceNumber(), unreadable.reason()));
            } else if (decoded instanceof Ignored skipped) {
                log.debug("Ignoring record: {}", skipped.reason());
                batch.ignored++;
            }
        }
        return batch;
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The report, given the use case's moves: FAILED groups and groups it gave no answer for are reported. */
    BatchReport report(List<GroupMove> moves) {
        Map<String, FailedRecord> failures = new TreeMap<>(SequenceNumbers.ORDER);
        malformed.forEach(record -> failures.put(record.sequenceNumber(), record));
        // Silence must not checkpoint a group: whatever the use case did not answer for is delivered again.
        Map<MessageGroupId, String> unanswered = new HashMap<>(earliestRecord);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (GroupMove move : moves) {
            unanswered.remove(move.group());
            outcomes.merge(move.outcome(), 1, Integer::sum);
            if (move.outcome() == Outcome.FAILED) {
                String earliest = earliestRecord.get(move.group());
                failures.put(earliest, new FailedRecord(earliest, "moving group " + move.group() + " to message "
                        + move.newest().id() + " failed: " + move.failure().map(Throwable::toString).orElse("?")));
            } else if (move.outcome() == Outcome.UNKNOWN_GROUP) {
                log.warn("Message {} belongs to unknown group {}; nothing to move", move.newest().id(), move.group());
            }
        }
        unanswered.forEach((group, earliest) ->
                failures.put(earliest, new FailedRecord(earliest, "no answer for the move of group " + group)));
        // Quiet when all went well: locally a batch is every message sent.
        log.atLevel(failures.isEmpty() ? Level.DEBUG : Level.INFO).log(
                "Batch of {} records: {} messages in {} groups, {} ignored, moves {}, reported {}",
                records, messages.size(), earliestRecord.size(), ignored, outcomes, failures.keySet());
        return new BatchReport(messages.size(), new ArrayList<>(failures.values()), outcomes);
    }
}
