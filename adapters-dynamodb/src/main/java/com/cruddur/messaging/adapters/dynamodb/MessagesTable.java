package com.cruddur.messaging.adapters.dynamodb;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The single messages table, as code: the reference's table (keys, GSI, provisioned 5/5) plus the stream it had to
 * switch on by hand. The admin CLI and the tests create it from here.
 *
 * <h2>Keys</h2>
 * {@code pk} (S, hash) and {@code sk} (S, range). GSI {@value #GROUP_INDEX}: {@code message_group_uuid} (S, hash),
 * {@code sk} (range), projection ALL; only message-group rows carry {@code message_group_uuid}, so only they appear
 * in it. Stream: NEW_IMAGE. Time to live on {@value #TIME_TO_LIVE_ATTRIBUTE}, which only idempotency records carry.
 * Every attribute is a string but that one (a Number of epoch seconds, as DynamoDB's time to live requires).
 *
 * <h2>Items</h2>
 * Timestamps are written as {@code 2026-11-22T10:15:30.123456+00:00}; the reference's offset-less and
 * fraction-less forms are read too.
 * <table>
 * <caption>item shapes</caption>
 * <tr><th>item</th><th>pk</th><th>sk</th><th>other attributes</th></tr>
 * <tr><td>message-group row (reference), one per participant</td><td>{@code GRP#{owner_user_uuid}}</td>
 *     <td>last_message_at</td><td>{@code message_group_uuid}, {@code message} (last text), {@code user_uuid},
 *     {@code user_display_name}, {@code user_handle} of the <em>other</em> participant; added:
 *     {@code unread_count} (N, the other's messages the owner has not read; absent on the reference's rows: 0)</td></tr>
 * <tr><td>message (reference)</td><td>{@code MSG#{message_group_uuid}}</td><td>created_at</td>
 *     <td>{@code message_uuid}, {@code message}, {@code user_uuid}, {@code user_display_name}, {@code user_handle}
 *     of the <em>sender</em></td></tr>
 * <tr><td>conversation record (added)</td><td>{@code CONV#{message_group_uuid}}</td><td>{@code CONV}</td>
 *     <td>{@code first_user_uuid}, {@code first_user_display_name}, {@code first_user_handle},
 *     {@code second_user_uuid}, {@code second_user_display_name}, {@code second_user_handle},
 *     {@code last_message_at} (always equal to both group rows' sk), {@code last_message}; per participant
 *     ({@code first_}, {@code second_}) {@code read_uuid} and {@code read_at} (the newest message they have seen,
 *     once they have read any), {@code unread} (N, equal to their group row's {@code unread_count}) and
 *     {@code blocks_other} (BOOL {@code true}, only while they block the other participant)</td></tr>
 * <tr><td>pair claim (added)</td><td>{@code PAIR#{lower_user_uuid}#{higher_user_uuid}}</td><td>{@code PAIR}</td>
 *     <td>{@code group_uuid}</td></tr>
 * <tr><td>idempotency record (added)</td><td>{@code IDEM#{sender_user_uuid}#{key}}</td><td>{@code IDEM}</td>
 *     <td>{@code group_uuid}, {@code message_uuid}, {@code message}, {@code created_at}, {@code user_uuid},
 *     {@code user_display_name}, {@code user_handle} (the message stored the first time),
 *     {@code request_fingerprint} (what the request asked for), {@code expires_at} (N, epoch seconds: the end of
 *     the key's window; DynamoDB deletes the record some time after it, and until then a record past it counts as
 *     absent)</td></tr>
 * <tr><td>block (added)</td><td>{@code BLK#{blocker_user_uuid}}</td><td>the blocked user's uuid</td>
 *     <td>{@code blocked_user_uuid}, {@code blocked_user_display_name}, {@code blocked_user_handle} (as shown when
 *     blocked), {@code blocked_at}</td></tr>
 * </table>
 * Added items never carry {@code message_group_uuid} (they stay out of the GSI) and never use the {@code GRP#} or
 * {@code MSG#} keys, so the reference's own queries still see only reference-shaped items.
 *
 * <h2>What each pattern reads and writes</h2>
 * <ul>
 * <li><b>A</b> list messages: membership = GetItem CONV (consistent); then Query {@code pk = MSG#{group}}, newest
 *     first, paged by the last key read.</li>
 * <li><b>B</b> list my groups: Query {@code pk = GRP#{me}}, newest first, paged by the last key read.</li>
 * <li><b>C</b> send to a group: membership = GetItem CONV (consistent); PutItem MSG with
 *     {@code attribute_not_exists(pk)} (a taken instant moves the message one microsecond on and retries; after a
 *     second collision a keys-only Query of the following instants finds a free one); with an idempotency key,
 *     TransactWriteItems of MSG + IDEM (MSG {@code attribute_not_exists}, IDEM absent or expired; a failed IDEM
 *     condition returns the message stored the first time when the fingerprint matches, and refuses the request
 *     when it does not). A failed condition returns the item that holds the key, so a write sent again after its
 *     answer was lost finds its own message there (the same {@code message_uuid}) and counts as done.</li>
 * <li><b>D</b> send to a handle: GetItem PAIR (consistent); when absent, ONE TransactWriteItems: CONV, PAIR,
 *     both GRP rows and the first MSG [and IDEM], each {@code attribute_not_exists(pk)} (IDEM: or expired). A
 *     failed CONV condition means this very start landed before (its group uuid is new); a failed PAIR condition
 *     means another request created the conversation; a failed IDEM condition means a repeated request (or, with
 *     another fingerprint, a reused key).</li>
 * <li><b>E</b> move the inbox rows: GetItem CONV (consistent); Query {@code pk = MSG#{group}} for the messages
 *     after the last one up to the new one (consistent; usually just the new one), which raise the unread counts;
 *     ONE TransactWriteItems: Update CONV (condition {@code last_message_at = expected}, {@code last_message},
 *     both {@code read_at} and both participants' {@code _user_display_name} and {@code _user_handle} as read), Delete both old GRP rows and Put both new ones (each conditioned on being absent or of the same
 *     group).</li>
 * <li><b>R</b> mark read: GetItem CONV (membership); Query of the message's second in {@code MSG#{group}} (does it
 *     exist); when the position moves forward and is before the last message, Query of the messages after it
 *     (stops at 100 of the other's); ONE TransactWriteItems: Update CONV (same condition as E), Put both GRP rows
 *     in place.</li>
 * <li><b>U</b> edit or delete a message: GetItem CONV (membership); Query {@code pk = MSG#{group}} newest first
 *     (an edit: from the start of the edit window on), filtered on {@code message_uuid}, 25 items a page until
 *     found (consistent); ONE UpdateItem of the MSG (condition: the same {@code message_uuid}, {@code message} as
 *     read, no {@code deleted}) setting {@code message} (empty on a tombstone), {@code edited_at} and
 *     {@code deleted}; then the message's second read again and GetItem CONV, and when it is the last message ONE
 *     TransactWriteItems as E's (CONV and both GRP rows in place, the new text). Sending writes nothing more for
 *     it.</li>
 * <li><b>N</b> show a renamed user: Query {@code pk = GRP#{renamed}}, a page at a time, for their conversations;
 *     per conversation GetItem CONV (consistent) and, unless it shows the new names already, ONE
 *     TransactWriteItems: Update CONV with the new names (same condition as E), Put both GRP rows in place (the
 *     other participant's now shows the new names). Messages keep the names they were sent with.</li>
 * <li><b>K</b> block: GetItem BLK (blocked already?), GetItem PAIR, GetItem CONV; ONE TransactWriteItems: Put BLK
 *     with the Update of CONV (same condition as E, and both {@code blocks_other} as read) and both GRP rows, or,
 *     without a conversation, a ConditionCheck that PAIR is still absent. Unblock: the same with Delete BLK. List:
 *     Query {@code pk = BLK#{me}}, in sk order. C reads the block from CONV (no other read); D reads BLK
 *     {@code {recipient, sender}} (consistent GetItem) with PAIR, and its start transaction adds a ConditionCheck
 *     that BLK is absent.</li>
 * <li>Groups written by the reference have no CONV: they are found through the GSI (their two GRP rows) and the
 *     newest MSG, and adopted in one transaction (CONV and PAIR put, group rows brought to the newest message,
 *     duplicate rows removed; both participants' BLK read and checked absent in it when not blocking), so every
 *     later read is a consistent GetItem.</li>
 * </ul>
 */
public final class MessagesTable {

    public static final String DEFAULT_NAME = "cruddur-messages";
    public static final String GROUP_INDEX = "message-group-sk-index";
    public static final long DEFAULT_READ_CAPACITY = 5;
    public static final long DEFAULT_WRITE_CAPACITY = 5;
    /** The time-to-live attribute: only idempotency records have it. */
    public static final String TIME_TO_LIVE_ATTRIBUTE = "expires_at";

    private final String name;
    private final Billing billing;

    private MessagesTable(String name, Billing billing) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the table name must not be blank");
        }
        this.name = name;
        this.billing = Objects.requireNonNull(billing, "billing");
    }

    /** The reference's table: provisioned 5/5 on table and GSI (free-tier friendly). */
    public static MessagesTable named(String name) {
        return new MessagesTable(name, Billing.provisioned(DEFAULT_READ_CAPACITY, DEFAULT_WRITE_CAPACITY));
    }

    public static MessagesTable defaults() {
        return named(DEFAULT_NAME);
    }

    public MessagesTable withBilling(Billing newBilling) {
        return new MessagesTable(name, newBilling);
    }

    public String name() {
        return name;
    }

    public Billing billing() {
        return billing;
    }

    /** How the table is paid for: provisioned read/write units (table and GSI alike), or on demand. */
    public record Billing(BillingMode mode, long readCapacity, long writeCapacity) {

        public Billing {
            Objects.requireNonNull(mode, "mode");
            if (mode == BillingMode.PROVISIONED && (readCapacity < 1 || writeCapacity < 1)) {
                throw new IllegalArgumentException("provisioned capacity needs at least 1 read and 1 write unit");
            }
        }

        public static Billing provisioned(long readCapacity, long writeCapacity) {
            return new Billing(BillingMode.PROVISIONED, readCapacity, writeCapacity);
        }

        public static Billing onDemand() {
            return new Billing(BillingMode.PAY_PER_REQUEST, 0, 0);
        }

        Optional<ProvisionedThroughput> throughput() {
            return mode == BillingMode.PROVISIONED
                    ? Optional.of(ProvisionedThroughput.builder()
                            .readCapacityUnits(readCapacity).writeCapacityUnits(writeCapacity).build())
                    : Optional.empty();
        }
    }

    /** The CreateTable request (keys, GSI, stream NEW_IMAGE, billing). */
    public CreateTableRequest createTableRequest() {
        GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                .indexName(GROUP_INDEX)
                .keySchema(hash(Attr.MESSAGE_GROUP_UUID), range(Attr.SK))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build());
        billing.throughput().ifPresent(index::provisionedThroughput);
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(string(Attr.MESSAGE_GROUP_UUID), string(Attr.PK), string(Attr.SK))
                .keySchema(hash(Attr.PK), range(Attr.SK))
                .globalSecondaryIndexes(index.build())
                .billingMode(billing.mode())
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build());
        billing.throughput().ifPresent(request::provisionedThroughput);
        return request.build();
    }

    /**
     * Creates the table, waits until it is ACTIVE and switches on its time to live (which CreateTable cannot);
     * errors if it exists already.
     */
    public Mono<TableDescription> create(DynamoDbAsyncClient client) {
        return Mono.fromFuture(() -> client.createTable(createTableRequest()))
                .then(Mono.fromFuture(() -> client.waiter().waitUntilTableExists(
                        DescribeTableRequest.builder().tableName(name).build(),
                        WaiterOverrideConfiguration.builder().waitTimeout(Duration.ofMinutes(5)).build())))
                .flatMap(waited -> Mono.justOrEmpty(waited.matched().response()))
                .map(described -> described.table())
                .flatMap(table -> Mono.fromFuture(() -> client.updateTimeToLive(timeToLiveRequest())).thenReturn(table));
    }

    /** Expired idempotency records are deleted by DynamoDB, by {@value #TIME_TO_LIVE_ATTRIBUTE}. */
    public UpdateTimeToLiveRequest timeToLiveRequest() {
        return UpdateTimeToLiveRequest.builder().tableName(name)
                .timeToLiveSpecification(TimeToLiveSpecification.builder()
                        .attributeName(TIME_TO_LIVE_ATTRIBUTE).enabled(true).build())
                .build();
    }

    /** Creates the table unless it exists; true when it was created now. */
    public Mono<Boolean> createIfMissing(DynamoDbAsyncClient client) {
        return describe(client).map(existing -> false).switchIfEmpty(create(client).thenReturn(true));
    }

    /** The table as DynamoDB describes it, or empty when it does not exist. */
    public Mono<TableDescription> describe(DynamoDbAsyncClient client) {
        return Mono.fromFuture(() -> client.describeTable(DescribeTableRequest.builder().tableName(name).build()))
                .map(response -> response.table())
                .onErrorResume(ResourceNotFoundException.class, missing -> Mono.empty());
    }

    /** Deletes the table; true when it existed. */
    public Mono<Boolean> delete(DynamoDbAsyncClient client) {
        return Mono.fromFuture(() -> client.deleteTable(DeleteTableRequest.builder().tableName(name).build()))
                .thenReturn(true)
                .onErrorResume(ResourceNotFoundException.class, missing -> Mono.just(false));
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.RANGE).build();
    }

    @Override
    public String toString() {
        return name;
    }
}
