package com.cruddur.messaging.application;

import com.cruddur.messaging.domain.Message;

/** What a send returns: the stored message (the first one stored, when the request was a repeat). */
public record SentMessage(Message message) {
}
