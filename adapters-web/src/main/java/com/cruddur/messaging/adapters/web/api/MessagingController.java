package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.adapters.web.security.Callers;
import com.cruddur.messaging.application.DeleteMessage;
import com.cruddur.messaging.application.EditMessage;
import com.cruddur.messaging.application.ListMessageGroups;
import com.cruddur.messaging.application.ListMessages;
import com.cruddur.messaging.application.MarkConversationRead;
import com.cruddur.messaging.application.PageQuery;
import com.cruddur.messaging.application.SendMessage;
import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.application.StartConversation;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ReadPosition;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in user's conversations and messages (patterns A to D), their read markers, and edits and deletes of
 * their own messages.
 */
@RestController
final class MessagingController {

    /** On pattern A's answer: {@code <message uuid> <created_at>} of the newest message the other has seen. */
    static final String OTHER_READ_POSITION = "Other-Read-Position";

    private final Callers callers;
    private final ListMessageGroups listMessageGroups;
    private final ListMessages listMessages;
    private final SendMessage sendMessage;
    private final StartConversation startConversation;
    private final MarkConversationRead markConversationRead;
    private final EditMessage editMessage;
    private final DeleteMessage deleteMessage;

    MessagingController(Callers callers, ListMessageGroups listMessageGroups, ListMessages listMessages,
                        SendMessage sendMessage, StartConversation startConversation,
                        MarkConversationRead markConversationRead, EditMessage editMessage,
                        DeleteMessage deleteMessage) {
        this.markConversationRead = markConversationRead;
        this.editMessage = editMessage;
        this.deleteMessage = deleteMessage;
        this.callers = callers;
        this.listMessageGroups = listMessageGroups;
        this.listMessages = listMessages;
        this.sendMessage = sendMessage;
        this.startConversation = startConversation;
    }

    @GetMapping("/api/message_groups")
    Mono<ResponseEntity<List<MessageGroupResponse>>> messageGroups(
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        return callers.current().flatMap(caller -> {
            PageQuery page = Paging.query(limit, cursor);
            return listMessageGroups.list(new ListMessageGroups.Query(caller, page))
                    .map(result -> Paging.respond(request, page, result.map(MessageGroupResponse::from)));
        });
    }

    @GetMapping("/api/messages/{messageGroupUuid}")
    Mono<ResponseEntity<List<MessageResponse>>> messages(
            @PathVariable String messageGroupUuid, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor, ServerHttpRequest request) {
        return callers.current().flatMap(caller -> {
            MessageGroupId group = MessageGroupId.of(messageGroupUuid);
            PageQuery page = Paging.query(limit, cursor);
            return listMessages.list(new ListMessages.Query(caller, group, page))
                    .map(result -> withReadPosition(Paging.respond(request, page,
                            result.page().map(MessageResponse::from)), result.seenByOther()));
        });
    }

    /** The other participant's read position, so a sender can show "seen" (absent until they read anything). */
    private static <T> ResponseEntity<T> withReadPosition(ResponseEntity<T> response, Optional<ReadPosition> seen) {
        return seen.map(position -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .header(OTHER_READ_POSITION, position.message() + " " + position.at().format())
                        .body(response.getBody()))
                .orElse(response);
    }

    /** The caller has seen the conversation up to a message: their row with what is left unread. */
    @PostMapping(path = "/api/message_groups/{messageGroupUuid}/read", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<MessageGroupResponse> read(@PathVariable String messageGroupUuid, @RequestBody Mono<ReadMarkerRequest> body) {
        return callers.current()
                .flatMap(caller -> body.flatMap(request -> markConversationRead.mark(MarkConversationRead.Command.of(
                        caller, messageGroupUuid, request.uuid(), request.createdAt()))))
                .map(MessageGroupResponse::from);
    }

    /** The caller's message with a new text, within the edit window: the message as pattern A now lists it. */
    @PatchMapping(path = "/api/messages/{messageGroupUuid}/{messageUuid}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<SentMessageResponse> edit(@PathVariable String messageGroupUuid, @PathVariable String messageUuid,
                                   @RequestBody Mono<EditMessageRequest> body) {
        return callers.current()
                .flatMap(caller -> body.flatMap(request -> editMessage.edit(EditMessage.Command.of(
                        caller, messageGroupUuid, messageUuid, request.message()))))
                .map(SentMessageResponse::from);
    }

    /** The caller's message becomes a tombstone (deleting one again changes nothing). */
    @DeleteMapping("/api/messages/{messageGroupUuid}/{messageUuid}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String messageGroupUuid, @PathVariable String messageUuid) {
        return callers.current()
                .flatMap(caller -> deleteMessage.delete(DeleteMessage.Command.of(
                        caller, messageGroupUuid, messageUuid)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** A message into a conversation ({@code message_group_uuid}, wins when both are sent) or to a handle. */
    @PostMapping(path = "/api/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<SentMessageResponse> send(@RequestBody Mono<SendMessageRequest> body,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return callers.current()
                .flatMap(caller -> body.flatMap(request -> send(caller, request, idempotencyKey)))
                .map(SentMessageResponse::from);
    }

    private Mono<SentMessage> send(Participant caller, SendMessageRequest request, String idempotencyKey) {
        if (request.messageGroupUuid() != null) {
            return sendMessage.send(SendMessage.Command.of(
                    caller, request.messageGroupUuid(), request.message(), idempotencyKey));
        }
        return startConversation.send(StartConversation.Command.of(
                caller, request.handle(), request.message(), idempotencyKey));
    }
}
