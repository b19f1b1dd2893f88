package com.cruddur.messaging.application.port;

/** The recipient has blocked the sender: nothing the sender sends them is stored. */
public class BlockedException extends RuntimeException {

    public BlockedException() {
        super("this person has blocked you: your message was not sent");
    }
}
