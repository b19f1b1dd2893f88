package com.cruddur.messaging.application;

import com.cruddur.messaging.domain.Message;

/** What a send returns: the stored message and whether it started a new conversation. */
public record SentMessage(Message message, boolean startedConversation) {
}
