package com.cruddur.messaging.bootstrap.architecture.planted.adapters.lambda;

import com.cruddur.messaging.bootstrap.architecture.planted.adapters.dynamodb.stream.PlantedBatches;

/** An exemption: the handler hands its records to the stream pipeline it shares with the pump. */
public final class AllowedSharedPipeline {

    public String handle(PlantedBatches batches) {
        return batches.process("event");
    }
}
