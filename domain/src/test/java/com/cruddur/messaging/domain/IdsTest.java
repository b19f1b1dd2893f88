package com.cruddur.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final String CANONICAL = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";

    /** Each is accepted by {@link UUID#fromString} or looks close to a uuid, and none is one. */
    private static final String[] MALFORMED = {
            "1-1-1-1-1",
            "5ae290ed-55d1-47a0-bc6d-fe2bc270039",
            "5ae290ed-55d1-47a0-bc6d-fe2bc27003999",
            "5ae290ed55d147a0bc6dfe2bc2700399",
            "{5ae290ed-55d1-47a0-bc6d-fe2bc2700399}",
            " 5ae290ed-55d1-47a0-bc6d-fe2bc2700399",
            "5ae290ed-55d1-47a0-bc6d-fe2bc2700399 ",
            "5ae290ed-55d1-47a0-bc6d-fe2bc270039g",
            "5ae290ed-55d1-47a0-bc6d_fe2bc2700399",
            "urn:uuid:5ae290ed-55d1-47a0-bc6d-fe2bc2700399",
            "not-a-uuid",
    };

    @Test
    void parsesCanonicalUuids() {
        UUID expected = UUID.fromString(CANONICAL);

        assertThat(UserId.of(CANONICAL).value()).isEqualTo(expected);
        assertThat(MessageId.of(CANONICAL).value()).isEqualTo(expected);
        assertThat(MessageGroupId.of(CANONICAL).value()).isEqualTo(expected);
    }

    @Test
    void printsTheLowercaseCanonicalForm() {
        assertThat(UserId.of(CANONICAL)).hasToString(CANONICAL);
        assertThat(MessageId.of(CANONICAL)).hasToString(CANONICAL);
        assertThat(MessageGroupId.of(CANONICAL)).hasToString(CANONICAL);
    }

    @Test
    void readsUppercaseAsTheSameId() {
        String upper = CANONICAL.toUpperCase();

        assertThat(UserId.of(upper)).isEqualTo(UserId.of(CANONICAL)).hasToString(CANONICAL);
        assertThat(MessageGroupId.of(upper)).isEqualTo(MessageGroupId.of(CANONICAL));
    }

    @Test
    void refusesWhatUuidFromStringWouldWrongfullyAccept() {
        assertThat(UUID.fromString("1-1-1-1-1")).isEqualTo(UUID.fromString("00000001-0001-0001-0001-000000000001"));

        assertThatThrownBy(() -> UserId.of("1-1-1-1-1"))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("user_uuid_invalid"));
    }

    @Test
    void userIdRefusesMalformedValuesWithItsCode() {
        assertRefusedWithCode(UserId::of, "user_uuid_invalid", MALFORMED);
        assertRefusedWithCode(UserId::of, "user_uuid_invalid", null, "", " ");
    }

    @Test
    void messageIdRefusesMalformedValuesWithItsCode() {
        assertRefusedWithCode(MessageId::of, "message_uuid_invalid", MALFORMED);
        assertRefusedWithCode(MessageId::of, "message_uuid_invalid", null, "");
    }

    @Test
    void messageGroupIdRefusesMalformedValuesWithItsCode() {
        assertRefusedWithCode(MessageGroupId::of, "message_group_uuid_invalid", MALFORMED);
    }

    @Test
    void messageGroupIdRefusesMissingOrBlankWithTheReferencesCode() {
        assertRefusedWithCode(MessageGroupId::of, "message_group_uuid_blank", null, "", "   ");
    }

    @Test
    void aValueThatIsNotAUuidIsMalformedWhileAMissingConversationIsABrokenRule() {
        assertThat(catchThrowableOfType(DomainViolation.class, () -> MessageGroupId.of("not-a-uuid")).kind())
                .isEqualTo(DomainViolation.Kind.MALFORMED);
        assertThat(catchThrowableOfType(DomainViolation.class, () -> MessageGroupId.of(" ")).kind())
                .isEqualTo(DomainViolation.Kind.INVALID);
    }

    @Test
    void idsOfDifferentKindsWithTheSameUuidAreNotEqual() {
        assertThat((Object) UserId.of(CANONICAL)).isNotEqualTo(MessageId.of(CANONICAL));
    }

    @Test
    void refuseANullUuid() {
        assertThatThrownBy(() -> new UserId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MessageId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MessageGroupId(null)).isInstanceOf(NullPointerException.class);
    }

    private static void assertRefusedWithCode(Function<String, ?> parse, String code, String... values) {
        for (String value : values) {
            assertThatThrownBy(() -> parse.apply(value))
                    .as("'%s'", value)
                    .isInstanceOfSatisfying(DomainViolation.class,
                            violation -> assertThat(violation.code()).isEqualTo(code));
        }
    }
}
