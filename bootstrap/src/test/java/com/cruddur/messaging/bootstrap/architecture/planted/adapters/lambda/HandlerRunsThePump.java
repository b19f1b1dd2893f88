package com.cruddur.messaging.bootstrap.architecture.planted.adapters.lambda;

import com.cruddur.messaging.bootstrap.architecture.planted.adapters.dynamodb.stream.pump.PlantedPump;

/** Violation: the exemption is the shared pipeline's package alone, not the pump below it. */
public final class HandlerRunsThePump {

    public String handle(PlantedPump pump) {
        return pump.poll();
    }
}
