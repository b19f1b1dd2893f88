package com.cruddur.messaging.bootstrap.architecture.planted.adapters.dynamodb.stream;

/** The stream pipeline the Lambda shares with the local pump. */
public final class PlantedBatches {

    public String process(String records) {
        return records;
    }
}
