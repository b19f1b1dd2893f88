package com.cruddur.messaging.bootstrap.architecture.planted.adapters.dynamodb.stream.pump;

import com.cruddur.messaging.bootstrap.architecture.planted.adapters.dynamodb.stream.PlantedBatches;

/** The local pump, in a sub-package of the shared pipeline's. */
public final class PlantedPump {

    private final PlantedBatches batches = new PlantedBatches();

    public String poll() {
        return batches.process("records");
    }
}
