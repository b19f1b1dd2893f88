package com.cruddur.messaging.application.live;

import com.cruddur.messaging.application.contract.LiveEventsContract;
import com.cruddur.messaging.application.port.LiveEvents;

/** Two "instances" of the in-process fan-out are one process's: the same object. */
class InProcessLiveEventsTest extends LiveEventsContract {

    private final InProcessLiveEvents events = new InProcessLiveEvents();

    @Override
    protected LiveEvents liveEvents() {
        return events;
    }
}
